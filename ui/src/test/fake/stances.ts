import { vi, type Mock } from "vitest";
import type { StancesApi } from "../../api/stances";
import type { BoardCard } from "../../bindings/BoardCard";
import type { Dossier } from "../../bindings/Dossier";
import type { DossierStances } from "../../bindings/DossierStances";
import type { Stance } from "../../bindings/Stance";
import type { StanceBoard } from "../../bindings/StanceBoard";
import type { VoteImportReport } from "../../bindings/VoteImportReport";
import type { VoteResult } from "../../bindings/VoteResult";

export type FakeStances = { [K in keyof StancesApi]: Mock<StancesApi[K]> };

export const CSA: Dossier = {
  id: "dossier-csa",
  reference: "2022/0155(COD)",
  short_title: "Regulation to prevent and combat child sexual abuse",
  lead_committee: "LIBE",
  created_at: "2024-01-02T10:00:00Z",
  updated_at: "2024-01-02T10:00:00Z",
};

export function makeCard(i: number, overrides: Partial<BoardCard> = {}): BoardCard {
  return {
    person_id: `mep-${i}`,
    display_name: `Member ${i}`,
    group_code: i % 2 === 0 ? "EPP" : "S&D",
    country: i % 2 === 0 ? "ES" : "NL",
    committees: ["LIBE"],
    roles: [],
    level: "unknown",
    stated_on: null,
    evidence: null,
    ...overrides,
  };
}

export function makeBoard(cards: BoardCard[], dossier: Dossier = CSA): StanceBoard {
  return {
    dossier,
    cards,
    groups: [...new Set(cards.map((c) => c.group_code).filter((g): g is string => g !== null))].sort(),
    countries: [...new Set(cards.map((c) => c.country).filter((g): g is string => g !== null))].sort(),
    committees: [...new Set(cards.flatMap((c) => c.committees))].sort(),
  };
}

export function makeStance(overrides: Partial<Stance> = {}): Stance {
  return {
    id: "stance-1",
    person_id: "mep-1",
    dossier_id: CSA.id,
    level: "supportive",
    stated_on: "2023-03-20",
    evidence: "meeting",
    source: "Brussels event",
    vote_id: null,
    vote_title: null,
    recorded_by: "Anna",
    recorded_at: "2023-03-20T12:00:00Z",
    ...overrides,
  };
}

export function makeVoteResult(overrides: Partial<VoteResult> = {}): VoteResult {
  return {
    vote: { id: "vote-1", dossier_id: CSA.id, voted_on: "2023-11-14", title: "LIBE final vote", created_at: "2023-11-15T09:00:00Z" },
    dossier_reference: CSA.reference,
    counts: { for: 3, against: 1, abstention: 1, did_not_vote: 0 },
    by_group: [
      { key: "EPP", counts: { for: 2, against: 0, abstention: 0, did_not_vote: 0 } },
      { key: "S&D", counts: { for: 1, against: 1, abstention: 1, did_not_vote: 0 } },
    ],
    by_country: [
      { key: "ES", counts: { for: 2, against: 0, abstention: 0, did_not_vote: 0 } },
      { key: "NL", counts: { for: 1, against: 1, abstention: 1, did_not_vote: 0 } },
    ],
    proposals: [
      { person_id: "mep-1", display_name: "Paul Tang", group_code: "S&D", country: "NL", position: "for", current: "opposed", proposed: "supportive" },
      { person_id: "mep-2", display_name: "Birgit Sippel", group_code: "S&D", country: "DE", position: "abstention", current: null, proposed: "undecided" },
    ],
    ...overrides,
  };
}

export function makeVoteReport(result: VoteResult = makeVoteResult()): VoteImportReport {
  return { rows: 6, matched: 5, unmatched: [{ line: 7, mep: "999", reason: "no MEP with EP id 999" }], result };
}

export function makeHistory(): DossierStances[] {
  const current = makeStance({ id: "s2", level: "champion", stated_on: "2023-03-20", evidence: "public_statement", source: "https://example.org/speech" });
  const older = makeStance({ id: "s1", level: "undecided", stated_on: "2023-01-10", evidence: "meeting", source: null, recorded_by: "Ben" });
  return [{ dossier: CSA, current, history: [current, older] }];
}

/** Fakes of the stances backend methods, with small plausible data. */
export function fakeStances(): FakeStances {
  return {
    dossiersList: vi.fn<StancesApi["dossiersList"]>().mockResolvedValue([CSA]),
    dossierGet: vi.fn<StancesApi["dossierGet"]>().mockResolvedValue({ dossier: CSA, roles: [] }),
    dossierCreate: vi.fn<StancesApi["dossierCreate"]>().mockResolvedValue({ dossier: CSA, roles: [] }),
    dossierUpdate: vi.fn<StancesApi["dossierUpdate"]>().mockResolvedValue({ dossier: CSA, roles: [] }),
    dossierCommittees: vi.fn<StancesApi["dossierCommittees"]>().mockResolvedValue([
      { code: "LIBE", name: "Civil Liberties, Justice and Home Affairs" },
      { code: "IMCO", name: "Internal Market and Consumer Protection" },
    ]),
    dossierRoleAdd: vi.fn<StancesApi["dossierRoleAdd"]>().mockResolvedValue({ dossier: CSA, roles: [] }),
    dossierRoleRemove: vi.fn<StancesApi["dossierRoleRemove"]>().mockResolvedValue({ dossier: CSA, roles: [] }),
    stanceRecord: vi.fn<StancesApi["stanceRecord"]>().mockImplementation(async (input) =>
      makeStance({ person_id: input.person_id, dossier_id: input.dossier_id, level: input.level, evidence: input.evidence ?? "other" }),
    ),
    stancesForPerson: vi.fn<StancesApi["stancesForPerson"]>().mockResolvedValue([]),
    stanceBoard: vi.fn<StancesApi["stanceBoard"]>().mockResolvedValue(makeBoard([])),
    voteImport: vi.fn<StancesApi["voteImport"]>().mockResolvedValue(makeVoteReport()),
    voteResult: vi.fn<StancesApi["voteResult"]>().mockResolvedValue(makeVoteResult()),
    votesList: vi.fn<StancesApi["votesList"]>().mockResolvedValue([]),
    voteAccept: vi.fn<StancesApi["voteAccept"]>().mockResolvedValue(makeVoteResult({ proposals: [] })),
    voteAcceptAll: vi.fn<StancesApi["voteAcceptAll"]>().mockResolvedValue(makeVoteResult({ proposals: [] })),
    profileGet: vi.fn<StancesApi["profileGet"]>().mockResolvedValue({ name: null, initials: null }),
    profileSet: vi.fn<StancesApi["profileSet"]>().mockImplementation(async (p) => p),
  };
}
