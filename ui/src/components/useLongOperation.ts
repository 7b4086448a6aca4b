import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OperationProgress } from "../bindings/OperationProgress";
import { useBackend } from "../api/context";
import { toApiError } from "../api/errors";
import type { Tracking } from "../api/operations";
import { useToast } from "./Toasts";

/** A long operation the UI runs and may cancel: its progress, and whether it is running. */
export interface LongOperation {
  /** The operation's id while it runs (what Cancel sends). */
  id: string | null;
  running: boolean;
  /** The latest progress reported, or null before the first. */
  progress: OperationProgress | null;
  /** Cancel was pressed and the operation has not stopped yet. */
  cancelling: boolean;
  /**
   * Runs `work` as a new operation, giving it the tracking to pass to the backend. Resolves
   * with its value, or with `undefined` when it was cancelled (a toast says nothing was
   * changed); any other failure is thrown as before.
   */
  run<T>(work: (tracking: Tracking) => Promise<T>): Promise<T | undefined>;
  /** Asks the running operation to stop. */
  cancel(): void;
}

let counter = 0;

function newOperationId(): string {
  counter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `op-${counter}-${random}`;
}

/** Runs imports, syncs and exports with progress and a Cancel that the core honours. */
export function useLongOperation(): LongOperation {
  const backend = useBackend();
  const toast = useToast();
  const { t } = useTranslation();
  const [id, setId] = useState<string | null>(null);
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<string | null>(null);

  const run = useCallback(
    async <T,>(work: (tracking: Tracking) => Promise<T>): Promise<T | undefined> => {
      const operation = newOperationId();
      current.current = operation;
      setId(operation);
      setProgress(null);
      setCancelling(false);
      try {
        return await work({
          operation,
          onProgress: (next) => {
            if (current.current === operation) setProgress(next);
          },
        });
      } catch (raw) {
        const error = toApiError(raw);
        if (error.code === "cancelled") {
          toast.info(t("operations.cancelled"));
          return undefined;
        }
        throw raw;
      } finally {
        if (current.current === operation) {
          current.current = null;
          setId(null);
          setProgress(null);
          setCancelling(false);
        }
      }
    },
    [toast, t],
  );

  const cancel = useCallback(() => {
    const operation = current.current;
    if (!operation) return;
    setCancelling(true);
    backend.cancelOperation(operation).catch((raw: unknown) => {
      setCancelling(false);
      toast.error(raw);
    });
  }, [backend, toast]);

  return { id, running: id !== null, progress, cancelling, run, cancel };
}
