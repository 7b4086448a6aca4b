import { vi, type Mock } from "vitest";
import type { SubjectRightsApi } from "../../api/subjectRights";
import type { ErasurePreview } from "../../bindings/ErasurePreview";

export type FakeSubjectRights = { [K in keyof SubjectRightsApi]: Mock<SubjectRightsApi[K]> };

/** What erasing Mié Kohiyama would do. */
export function makeErasurePreview(personId = "person-1", displayName = "Mié Kohiyama"): ErasurePreview {
  return {
    person_id: personId,
    display_name: displayName,
    confirm_token: "ERASE-ABC123",
    removed: [
      { key: "person", count: 1, examples: [displayName] },
      { key: "emails", count: 2, examples: ["mie@example.org", "m.k@example.org"] },
      { key: "affiliations", count: 1, examples: ["Brave Movement, Co-founder"] },
      { key: "speaking", count: 1, examples: ["High-level event, Opening keynotes"] },
    ],
    anonymised: [
      { key: "signatures", count: 1, examples: ["Open letter — Brave Movement"] },
      { key: "audit_entries", count: 6, examples: [] },
    ],
    mentions: ["interaction 2023-02-01: Call with Mié Kohiyama"],
    tombstone_seq: null,
    backups_note: "Backups made before the erasure still hold this person's data until rotation removes them.",
  };
}

export function fakeSubjectRights(): FakeSubjectRights {
  return {
    sarWrite: vi.fn<SubjectRightsApi["sarWrite"]>(async (_personId, dir) => [
      `${dir}/mie-kohiyama-subject-access-2026-11-22.json`,
      `${dir}/mie-kohiyama-subject-access-2026-11-22.pdf`,
    ]),
    erasurePreview: vi.fn<SubjectRightsApi["erasurePreview"]>(async (personId) => makeErasurePreview(personId)),
    personErase: vi.fn<SubjectRightsApi["personErase"]>(async (personId, confirm) => {
      const preview = makeErasurePreview(personId);
      if (confirm.trim().toLowerCase() !== preview.display_name.toLowerCase()) {
        throw { code: "validation", message: "not the person's name; nothing was erased", field: "confirm" };
      }
      return { ...preview, tombstone_seq: 42 };
    }),
  };
}
