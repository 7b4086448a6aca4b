import { vi, type Mock } from "vitest";
import type { Backend } from "../api/backend";
import type { FilePicker } from "../api/files";
import type { ImportReport } from "../bindings/ImportReport";
import type { MembershipStatus } from "../bindings/MembershipStatus";
import type { MembershipTier } from "../bindings/MembershipTier";
import type { OrganisationDetail } from "../bindings/OrganisationDetail";
import type { OrganisationQuery } from "../bindings/OrganisationQuery";
import type { OrganisationRow } from "../bindings/OrganisationRow";
import type { OrgType } from "../bindings/OrgType";

export type FakeBackend = { [K in keyof Backend]: Mock<Backend[K]> };
export type FakeFiles = { [K in keyof FilePicker]: Mock<FilePicker[K]> };

const TYPES: OrgType[] = ["ngo", "network", "hotline", "foundation"];
const STATUSES: MembershipStatus[] = ["active", "applied", "prospect", "suspended"];
const TIERS: MembershipTier[] = ["full", "associate", "observer", "supporter"];
const COUNTRIES = ["BE", "NL", "FR", "DE"];

export function makeRow(i: number, overrides: Partial<OrganisationRow> = {}): OrganisationRow {
  return {
    id: `org-${i}`,
    name: `Organisation ${String(i).padStart(5, "0")}`,
    short_name: i % 3 === 0 ? `O${i}` : null,
    country: COUNTRIES[i % COUNTRIES.length] ?? "BE",
    type: TYPES[i % TYPES.length] ?? "ngo",
    website: null,
    email: null,
    phone: null,
    membership_status: i % 5 === 4 ? null : (STATUSES[i % STATUSES.length] ?? "active"),
    tier: i % 5 === 4 ? null : (TIERS[i % TIERS.length] ?? "full"),
    joined_on: i % 5 === 4 ? null : "2023-03-20",
    archived: false,
    ...overrides,
  };
}

export function makeRows(n: number): OrganisationRow[] {
  return Array.from({ length: n }, (_, i) => makeRow(i));
}

export function makeDetail(row: OrganisationRow, extra: Partial<OrganisationDetail> = {}): OrganisationDetail {
  return {
    organisation: {
      id: row.id,
      name: row.name,
      short_name: row.short_name,
      org_type: row.type,
      country: row.country,
      website: row.website,
      email: row.email,
      phone: row.phone,
      notes: null,
      archived: row.archived,
      created_at: "2024-01-02T10:00:00Z",
      updated_at: "2024-01-03T10:00:00Z",
    },
    membership:
      row.membership_status && row.tier
        ? {
            organisation_id: row.id,
            status: row.membership_status,
            tier: row.tier,
            joined_on: row.joined_on,
            left_on: null,
          }
        : null,
    history: [],
    ...extra,
  };
}

export const EMPTY_REPORT: ImportReport = {
  rows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  issues: [],
  ignored_columns: [],
  committed: false,
};

/**
 * A Backend whose list serves `rows` by offset/limit (no filtering, no sorting:
 * tests assert the query the UI sends instead).
 */
export function createFakeBackend(rows: OrganisationRow[] = makeRows(3)): FakeBackend {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const detailOf = (id: string) => {
    const row = byId.get(id);
    if (!row) return Promise.reject({ code: "not_found", message: `no organisation ${id}`, field: null });
    return Promise.resolve(makeDetail(row));
  };
  return {
    storeInfo: vi.fn<Backend["storeInfo"]>(async () => ({
      path: "/home/coordinator/.local/share/coalition-desk/store.db",
      schema_version: 1,
      organisations: rows.length,
    })),
    countriesList: vi.fn<Backend["countriesList"]>(async () => [
      { code: "BE", name: "Belgium" },
      { code: "FR", name: "France" },
      { code: "DE", name: "Germany" },
      { code: "NL", name: "Netherlands" },
    ]),
    orgsList: vi.fn<Backend["orgsList"]>(async (query: OrganisationQuery) => ({
      rows: rows.slice(query.offset, query.offset + query.limit),
      total: rows.length,
      offset: query.offset,
    })),
    orgGet: vi.fn<Backend["orgGet"]>((id) => detailOf(id)),
    orgCreate: vi.fn<Backend["orgCreate"]>(async (input) =>
      makeDetail(
        makeRow(999, {
          id: "org-new",
          name: input.organisation.name,
          short_name: input.organisation.short_name,
          type: input.organisation.org_type,
          country: "BE",
        }),
      ),
    ),
    orgUpdate: vi.fn<Backend["orgUpdate"]>((id) => detailOf(id)),
    orgSetArchived: vi.fn<Backend["orgSetArchived"]>(async (id, archived) => {
      const d = await detailOf(id);
      return { ...d, organisation: { ...d.organisation, archived } };
    }),
    membershipStart: vi.fn<Backend["membershipStart"]>((id) => detailOf(id)),
    membershipChangeStatus: vi.fn<Backend["membershipChangeStatus"]>((id) => detailOf(id)),
    membershipUpdate: vi.fn<Backend["membershipUpdate"]>((id) => detailOf(id)),
    orgsExportCsv: vi.fn<Backend["orgsExportCsv"]>(async () => rows.length),
    orgsImport: vi.fn<Backend["orgsImport"]>(async () => EMPTY_REPORT),
    demoLoad: vi.fn<Backend["demoLoad"]>(async () => ({ organisations_added: 20, organisations_present: 0, seats_added: 7 })),
  };
}

export function createFakeFiles(): FakeFiles {
  return {
    pickOpenFile: vi.fn<FilePicker["pickOpenFile"]>(async () => null),
    pickSaveFile: vi.fn<FilePicker["pickSaveFile"]>(async () => null),
  };
}
