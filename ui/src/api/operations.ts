import { Channel } from "@tauri-apps/api/core";
import type { OperationProgress } from "../bindings/OperationProgress";
import { call, hasTauriRuntime } from "./call";

/**
 * How a long operation (an import, the MEP sync, a big export) is followed: the id the UI
 * chose for it (to cancel it with `cancelOperation`) and where its progress goes.
 */
export interface Tracking {
  operation: string;
  onProgress: (progress: OperationProgress) => void;
}

/** The extra arguments of a tracked command: its operation id and a progress channel. */
export function trackingArgs(tracking?: Tracking): Record<string, unknown> {
  if (!tracking || !hasTauriRuntime()) return {};
  const channel = new Channel<OperationProgress>();
  channel.onmessage = tracking.onProgress;
  return { operation: tracking.operation, onProgress: channel };
}

/** The backend methods for long operations. */
export interface OperationsApi {
  /** Asks the running operation `id` to stop (it then fails with `cancelled`, nothing written); false when it already ended. */
  cancelOperation(id: string): Promise<boolean>;
}

export const operationsBackend: OperationsApi = {
  cancelOperation: (id) => call("cancel_operation", { id }),
};
