import { vi, type Mock } from "vitest";
import type { OperationsApi } from "../../api/operations";

export type FakeOperations = { [K in keyof OperationsApi]: Mock<OperationsApi[K]> };

/** A fake registry of long operations: cancelling always finds the operation running. */
export function fakeOperations(): FakeOperations {
  return {
    cancelOperation: vi.fn<OperationsApi["cancelOperation"]>(async () => true),
  };
}
