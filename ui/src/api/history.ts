import type { HistoryPage } from "../bindings/HistoryPage";
import type { UndoReport } from "../bindings/UndoReport";
import { call } from "./call";

/** The record kinds that have a history (`policy_maker` reads its person's). */
export type HistorySubject = "organisation" | "person" | "policy_maker" | "letter" | "event" | "interaction";

/** The backend methods for a record's history (from the audit log) and undo. */
export interface HistoryApi {
  /** Newest first, `limit` entries from `offset`. */
  historyForRecord(entity: HistorySubject, id: string, offset: number, limit: number): Promise<HistoryPage>;
  /** Reverses one entry; rejects with a `conflict` naming the later change that depends on it. */
  historyUndo(seq: number): Promise<UndoReport>;
  /** Reverses the latest change not yet undone. */
  historyUndoLast(): Promise<UndoReport>;
}

export const historyBackend: HistoryApi = {
  historyForRecord: (entity, id, offset, limit) => call("history_for_record", { entity, id, offset, limit }),
  historyUndo: (seq) => call("history_undo", { seq }),
  historyUndoLast: () => call("history_undo_last"),
};
