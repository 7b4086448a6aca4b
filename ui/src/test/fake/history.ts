import { vi, type Mock } from "vitest";
import type { HistoryApi } from "../../api/history";
import type { HistoryEntry } from "../../bindings/HistoryEntry";

export type FakeHistory = { [K in keyof HistoryApi]: Mock<HistoryApi[K]> };

/** An organisation's history: created, its website edited, then archived (newest first). */
export function makeHistory(id = "org-1"): HistoryEntry[] {
  const entry = (seq: number, action: string, before: unknown, after: unknown, actor: string | null): HistoryEntry => ({
    entry: { seq, at: `2024-06-0${seq}T09:30:00.000Z`, entity: "organisation", entity_id: id, action, before, after, actor, undo_of: null },
    undone_by: null,
    undoable: true,
  });
  return [
    entry(3, "archive", { archived: false }, { archived: true }, "Bo Berg"),
    entry(2, "update", { website: null, phone: "+32 2 000" }, { website: "https://www.eurochild.org", phone: null }, "Ana Lopes"),
    entry(1, "create", null, { id: id, name: "Eurochild", country: "BE", archived: false }, null),
  ];
}

export function fakeHistory(): FakeHistory {
  let entries = makeHistory();
  let next = 10;
  return {
    historyForRecord: vi.fn<HistoryApi["historyForRecord"]>(async (_entity, _id, offset, limit) => ({
      entries: entries.slice(offset, offset + limit),
      total: entries.length,
    })),
    historyUndo: vi.fn<HistoryApi["historyUndo"]>(async (seq) => {
      const target = entries.find((e) => e.entry.seq === seq);
      if (!target) throw { code: "not_found", message: `no history entry ${seq}`, field: null };
      const audit_seq = next++;
      entries = [
        { entry: { ...target.entry, seq: audit_seq, action: "undo", before: target.entry.after, after: target.entry.before, undo_of: seq }, undone_by: null, undoable: true },
        ...entries.map((e) => (e.entry.seq === seq ? { ...e, undone_by: audit_seq, undoable: false } : e)),
      ];
      return { undone_seq: seq, entity: target.entry.entity, entity_id: target.entry.entity_id, action: target.entry.action, audit_seq };
    }),
    historyUndoLast: vi.fn<HistoryApi["historyUndoLast"]>(async () => ({
      undone_seq: 3,
      entity: "organisation",
      entity_id: "org-1",
      action: "archive",
      audit_seq: next++,
    })),
  };
}
