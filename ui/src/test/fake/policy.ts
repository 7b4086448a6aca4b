import { vi, type Mock } from "vitest";
import type { PolicyApi } from "../../api/policy";
import type { Committee } from "../../bindings/Committee";
import type { GroupCode } from "../../bindings/GroupCode";
import type { MepSyncReport } from "../../bindings/MepSyncReport";
import type { PolicyMaker } from "../../bindings/PolicyMaker";
import type { PolicyMakerRow } from "../../bindings/PolicyMakerRow";
import type { PoliticalGroup } from "../../bindings/PoliticalGroup";

export type FakePolicy = { [K in keyof PolicyApi]: Mock<PolicyApi[K]> };

export const FAKE_GROUPS: PoliticalGroup[] = [
  { code: "EPP", name: "Group of the European People's Party (Christian Democrats)" },
  { code: "S&D", name: "Group of the Progressive Alliance of Socialists and Democrats in the European Parliament" },
  { code: "Renew", name: "Renew Europe Group" },
  { code: "Greens/EFA", name: "Group of the Greens/European Free Alliance" },
];

export const FAKE_COMMITTEES: Committee[] = [
  { code: "FEMM", name: "Women's Rights and Gender Equality" },
  { code: "LIBE", name: "Civil Liberties, Justice and Home Affairs" },
];

const NAMES: Array<[string, string, GroupCode, string]> = [
  ["Maravillas", "Abadía Jover", "EPP", "ES"],
  ["Wouter", "Beke", "EPP", "BE"],
  ["Raquel", "García Hermida-van der Walle", "Renew", "NL"],
  ["Hilde", "Vautmans", "Renew", "BE"],
  ["Javier", "Zarzalejos", "EPP", "ES"],
];

/** An MEP row; `i` picks a name from a small list of real-looking ones. */
export function makeMepRow(i: number, overrides: Partial<PolicyMakerRow> = {}): PolicyMakerRow {
  const [given, family, group, country] = NAMES[i % NAMES.length] ?? ["Ann", "Smith", "EPP", "BE"];
  return {
    id: `pm-${i}`,
    display_name: `${given} ${family}`,
    family_name: family,
    country,
    office: "mep",
    institution: null,
    position_title: null,
    ep_id: 100000 + i,
    group_code: group,
    national_party: "Party",
    mep_status: "current",
    committees: i % 2 === 0 ? ["LIBE"] : [],
    ...overrides,
  };
}

/** The detail of a row. */
export function makePolicyMaker(row: PolicyMakerRow, overrides: Partial<PolicyMaker> = {}): PolicyMaker {
  const given = row.display_name.slice(0, row.display_name.length - row.family_name.length).trim();
  const group = FAKE_GROUPS.find((g) => g.code === row.group_code);
  return {
    id: row.id,
    given_name: given,
    family_name: row.family_name,
    display_name: row.display_name,
    honorific: null,
    country: row.country,
    office: row.office,
    institution: row.institution,
    position_title: row.position_title,
    ep_id: row.ep_id,
    official_name: row.ep_id ? `${given} ${row.family_name.toUpperCase()}` : null,
    group_code: row.group_code,
    group_name: group?.name ?? null,
    national_party: row.national_party,
    mep_status: row.mep_status,
    profile_url: row.ep_id ? `https://www.europarl.europa.eu/meps/en/${row.ep_id}` : null,
    emails: [],
    phones: [],
    notes: null,
    committees: row.committees.map((code, n) => ({
      id: `cm-${row.id}-${n}`,
      person_id: row.id,
      committee_code: code,
      committee_name: FAKE_COMMITTEES.find((c) => c.code === code)?.name ?? code,
      role: "member",
      starts_on: "2024-07-23",
      ends_on: null,
    })),
    dossier_roles: [],
    created_at: "2024-07-16T10:00:00Z",
    updated_at: "2024-07-16T10:00:00Z",
    ...overrides,
  };
}

/** A plan: one added, one group switch, one outgoing, three unchanged. */
export function makeMepPlan(committed = false): MepSyncReport {
  return {
    added: 1,
    updated: 1,
    outgoing: 1,
    unchanged: 3,
    committed,
    changes: [
      { ep_id: 5729, name: "Kathleen VAN BREMPT", kind: "added" },
      { ep_id: 130100, name: "Hilde VAUTMANS", kind: "updated", field: "group", from: "Renew", to: "Greens/EFA" },
      { ep_id: 257043, name: "Maravillas ABADÍA JOVER", kind: "outgoing", field: "status", from: "current", to: "outgoing" },
    ],
  };
}

/** Fakes of the policy backend methods, with small plausible data. */
export function fakePolicy(): FakePolicy {
  const rows = NAMES.map((_, i) => makeMepRow(i));
  return {
    policyMakersList: vi.fn<PolicyApi["policyMakersList"]>(async (query) => {
      const text = (query.text ?? "").toLowerCase();
      const kept = rows.filter((r) => !text || r.display_name.toLowerCase().includes(text));
      return { rows: kept.slice(query.offset, query.offset + (query.limit || 100)), total: kept.length, offset: query.offset };
    }),
    policyMakerGet: vi.fn<PolicyApi["policyMakerGet"]>(async (id) => {
      const row = rows.find((r) => r.id === id);
      if (!row) throw { code: "not_found", message: `no person with id ${id}`, field: null };
      return makePolicyMaker(row);
    }),
    policyMakerCreate: vi.fn<PolicyApi["policyMakerCreate"]>(async (input) =>
      makePolicyMaker(
        makeMepRow(99, {
          id: "pm-new",
          display_name: `${input.given_name} ${input.family_name}`.trim(),
          family_name: input.family_name,
          office: input.office,
          ep_id: input.ep_id,
          group_code: input.group_code,
          institution: input.institution,
          position_title: input.position_title,
          mep_status: input.office === "mep" ? "current" : null,
          committees: [],
        }),
      ),
    ),
    policyMakerUpdate: vi.fn<PolicyApi["policyMakerUpdate"]>(async (id, input) =>
      makePolicyMaker(makeMepRow(0, { id, family_name: input.family_name, display_name: `${input.given_name} ${input.family_name}` })),
    ),
    committeesList: vi.fn<PolicyApi["committeesList"]>(async () => FAKE_COMMITTEES),
    politicalGroups: vi.fn<PolicyApi["politicalGroups"]>(async () => FAKE_GROUPS),
    committeeMembershipAdd: vi.fn<PolicyApi["committeeMembershipAdd"]>(async (id, input) =>
      makePolicyMaker(makeMepRow(1, { id, committees: [input.committee_code.toUpperCase()] })),
    ),
    committeeMembershipEnd: vi.fn<PolicyApi["committeeMembershipEnd"]>(async () => makePolicyMaker(makeMepRow(0, { committees: [] }))),
    mepsPreview: vi.fn<PolicyApi["mepsPreview"]>(async () => makeMepPlan(false)),
    mepsImport: vi.fn<PolicyApi["mepsImport"]>(async () => makeMepPlan(true)),
    mepsFetch: vi.fn<PolicyApi["mepsFetch"]>(async (onProgress) => {
      onProgress({ received: 0, total: 1000 });
      onProgress({ received: 1000, total: 1000 });
      return { path: "/tmp/coalition-desk/ep-meps.xml", plan: makeMepPlan(false) };
    }),
  };
}
