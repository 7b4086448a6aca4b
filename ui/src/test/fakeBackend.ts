import { vi, type Mock } from "vitest";
import type { Backend } from "../api/backend";
import type { FilePicker } from "../api/files";
import type { ImportReport } from "../bindings/ImportReport";
import type { Letter } from "../bindings/Letter";
import type { LetterDetail } from "../bindings/LetterDetail";
import type { LetterSummary } from "../bindings/LetterSummary";
import type { MembershipStatus } from "../bindings/MembershipStatus";
import type { MembershipTier } from "../bindings/MembershipTier";
import type { OrganisationDetail } from "../bindings/OrganisationDetail";
import type { OrganisationQuery } from "../bindings/OrganisationQuery";
import type { OrganisationRow } from "../bindings/OrganisationRow";
import type { OrgType } from "../bindings/OrgType";
import type { Signature } from "../bindings/Signature";
import type { SignatureCounts } from "../bindings/SignatureCounts";
import type { SignatureInput } from "../bindings/SignatureInput";
import type { SignatureMatrix } from "../bindings/SignatureMatrix";
import type { TablePreview } from "../bindings/TablePreview";
import { fakeBackup } from "./fake/backup";
import { fakeEncryption } from "./fake/encryption";
import { fakeSubjectRights } from "./fake/subjectRights";
import { fakeDashboard } from "./fake/dashboard";
import { fakeDataProtection } from "./fake/dataProtection";
import { fakeEvents } from "./fake/events";
import { fakeSearch } from "./fake/search";
import { fakeHistory } from "./fake/history";
import { fakeInteractions } from "./fake/interactions";
import { fakeOperations } from "./fake/operations";
import { fakePeople } from "./fake/people";
import { fakePolicy } from "./fake/policy";
import { fakeStances } from "./fake/stances";
import { ORG_FIELDS, guessColumns } from "./fake/columns";

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

export function makeLetter(i: number, overrides: Partial<Letter> = {}): Letter {
  return {
    id: `letter-${i}`,
    reference: `letter-${i}`,
    title: `Letter number ${i}`,
    kind: "open_letter",
    target: "European Parliament",
    body: null,
    link: null,
    languages: ["en"],
    status: "collecting",
    deadline: "2022-06-30",
    published_on: null,
    created_at: "2022-05-01T10:00:00Z",
    updated_at: "2022-05-02T10:00:00Z",
    ...overrides,
  };
}

export function makeSignature(letterId: string, row: OrganisationRow, overrides: Partial<Signature> = {}): Signature {
  return {
    id: `sig-${letterId}-${row.id}`,
    letter_id: letterId,
    organisation_id: row.id,
    organisation_name: row.name,
    organisation_short_name: row.short_name,
    country: row.country,
    state: "invited",
    invited_on: "2022-05-10",
    signed_on: null,
    declined_on: null,
    withdrawn_on: null,
    withdrawal_reason: null,
    channel: null,
    publish_organisation: true,
    publish_signer: false,
    display_name: null,
    signer_name: null,
    signer_title: null,
    signer_person_id: null,
    ...overrides,
  };
}

/** Counts as the core computes them: invited = every record, silent = still invited. */
export function countsOf(signatures: readonly Signature[]): SignatureCounts {
  const n = (state: Signature["state"]) => signatures.filter((s) => s.state === state).length;
  return { invited: signatures.length, signed: n("signed"), declined: n("declined"), withdrawn: n("withdrawn"), silent: n("invited") };
}

export function makeLetterDetail(letter: Letter, signatures: Signature[] = [], extra: Partial<LetterDetail> = {}): LetterDetail {
  return { letter, counts: countsOf(signatures), signatures, export_choices: null, ...extra };
}

/** Applies a SignatureInput the way the core does (enough for the UI's tests). */
export function applySignatureInput(existing: Signature, input: SignatureInput): Signature {
  const date = input.date ?? "2024-01-01";
  return {
    ...existing,
    state: input.state,
    ...(input.state === "invited" ? { invited_on: date } : {}),
    ...(input.state === "signed" ? { signed_on: date } : {}),
    ...(input.state === "declined" ? { declined_on: date } : {}),
    ...(input.state === "withdrawn" ? { withdrawn_on: date, withdrawal_reason: input.withdrawal_reason } : {}),
    channel: input.channel,
    publish_organisation: input.publish_organisation,
    publish_signer: input.publish_signer,
    display_name: input.display_name,
    signer_name: input.signer_name,
    signer_title: input.signer_title,
    signer_person_id: input.signer_person_id,
  };
}

export const EMPTY_MATRIX: SignatureMatrix = { letters: [], rows: [], total: 0 };

export const SAMPLE_PREVIEW: TablePreview = {
  headers: ["Organisation", "Country", "Signed by", "Function", "Date"],
  rows: [
    { line: 2, cells: ["Child Focus", "BE", "Heidi De Pauw", "CEO", "2022-06-01"] },
    { line: 3, cells: ["IWF", "GB", "Michael Tunks", "Head of Policy", "2022-06-02"] },
  ],
  total_rows: 2,
  columns: { organisation: 0, country: 1, signer: 2, signer_title: 3, date: 4, email: null },
};

/**
 * A Backend whose list serves `rows` by offset/limit (no filtering, no sorting:
 * tests assert the query the UI sends instead).
 */
export function createFakeBackend(rows: OrganisationRow[] = makeRows(3)): FakeBackend {
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Letters live in memory so that mutations show up in the next letter_get / letters_list.
  const letter1 = makeLetter(1, { reference: "open-letter-2022", title: "Open letter supporting the CSA Regulation" });
  const letter2 = makeLetter(2, {
    reference: "libe-rapporteur-2023",
    title: "Letter to the LIBE rapporteur",
    kind: "joint_statement",
    status: "drafting",
    deadline: null,
  });
  const letters = new Map<string, LetterDetail>([
    [
      letter1.id,
      makeLetterDetail(
        letter1,
        rows.slice(0, 3).map((row, i) =>
          makeSignature(letter1.id, row, i === 0 ? { state: "signed", signed_on: "2022-06-01", signer_name: "Heidi De Pauw", signer_title: "CEO" } : {}),
        ),
      ),
    ],
    [letter2.id, makeLetterDetail(letter2)],
  ]);
  const letterOf = (id: string) => {
    const d = letters.get(id);
    if (!d) return Promise.reject({ code: "not_found", message: `no letter ${id}`, field: null });
    return Promise.resolve(d);
  };
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
    orgsGuessColumns: vi.fn<Backend["orgsGuessColumns"]>(async (headers) => guessColumns(ORG_FIELDS, headers)),
    demoLoad: vi.fn<Backend["demoLoad"]>(async () => ({ organisations_added: 20, organisations_present: 0, seats_added: 7, people_added: 5, events_added: 1, policy_makers_added: 3 })),

    lettersList: vi.fn<Backend["lettersList"]>(async (): Promise<LetterSummary[]> =>
      [...letters.values()].map((d) => ({ letter: d.letter, counts: d.counts })),
    ),
    letterGet: vi.fn<Backend["letterGet"]>((id) => letterOf(id)),
    letterCreate: vi.fn<Backend["letterCreate"]>(async (input) => {
      const letter = makeLetter(letters.size + 1, {
        id: `letter-new-${letters.size + 1}`,
        reference: input.reference,
        title: input.title,
        kind: input.kind ?? "open_letter",
        status: input.status ?? "drafting",
        languages: input.languages,
        target: input.target,
        body: input.body,
        link: input.link,
        deadline: input.deadline,
        published_on: input.published_on,
      });
      const detail = makeLetterDetail(letter);
      letters.set(letter.id, detail);
      return detail;
    }),
    letterUpdate: vi.fn<Backend["letterUpdate"]>(async (id, input) => {
      const d = await letterOf(id);
      const next = {
        ...d,
        letter: {
          ...d.letter,
          ...input,
          kind: input.kind ?? d.letter.kind,
          status: input.status ?? d.letter.status,
        },
      };
      letters.set(id, next);
      return next;
    }),
    signatureSet: vi.fn<Backend["signatureSet"]>(async (id, organisation, input) => {
      const d = await letterOf(id);
      const row = byId.get(organisation) ?? makeRow(0, { id: organisation, name: organisation });
      const existing = d.signatures.find((s) => s.organisation_id === organisation) ?? makeSignature(id, row);
      const updated = applySignatureInput(existing, input);
      const signatures = d.signatures.some((s) => s.organisation_id === organisation)
        ? d.signatures.map((s) => (s.organisation_id === organisation ? updated : s))
        : [...d.signatures, updated];
      const next = { ...d, signatures, counts: countsOf(signatures) };
      letters.set(id, next);
      return next;
    }),
    letterInvite: vi.fn<Backend["letterInvite"]>(async (id) => ({ invited: 0, detail: await letterOf(id) })),
    letterNotSigned: vi.fn<Backend["letterNotSigned"]>(async () => []),
    letterPreview: vi.fn<Backend["letterPreview"]>(
      async (_id, options, includeSensitive) => `Signatories (${options.format}, ${options.order})${includeSensitive ? ", sensitive signers named" : ""}`,
    ),
    letterExport: vi.fn<Backend["letterExport"]>(async (id) => (await letterOf(id)).counts.signed),
    signaturesMatrix: vi.fn<Backend["signaturesMatrix"]>(async () => EMPTY_MATRIX),
    matrixExportCsv: vi.fn<Backend["matrixExportCsv"]>(async () => 0),
    importPreview: vi.fn<Backend["importPreview"]>(async () => SAMPLE_PREVIEW),
    signaturesAnalyse: vi.fn<Backend["signaturesAnalyse"]>(async () => []),
    signaturesImport: vi.fn<Backend["signaturesImport"]>(async () => ({
      rows: 0,
      signed: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      organisations_created: 0,
      issues: [],
      committed: true,
    })),
    orgsDuplicates: vi.fn<Backend["orgsDuplicates"]>(async () => []),
    orgsMerge: vi.fn<Backend["orgsMerge"]>(async (keep, drop) => {
      const kept = await detailOf(keep);
      return {
        kept: kept.organisation,
        merged_name: byId.get(drop)?.name ?? drop,
        membership_moved: false,
        signatures_moved: 0,
        signatures_dropped: 0,
        audit_seq: 1,
      };
    }),
    seatsHeldOn: vi.fn<Backend["seatsHeldOn"]>(async () => []),
    orgsMergeUndo: vi.fn<Backend["orgsMergeUndo"]>(async () => (await detailOf(rows[0]?.id ?? "org-0")).organisation),
    ...fakePeople(),
    ...fakePolicy(),
    ...fakeStances(),
    ...fakeInteractions(),
    ...fakeEvents(),
    ...fakeSearch(),
    ...fakeDashboard(),
    ...fakeHistory(),
    ...fakeBackup(),
    ...fakeOperations(),
    ...fakeEncryption(),
    ...fakeSubjectRights(),
    ...fakeDataProtection(),
  };
}

export function createFakeFiles(): FakeFiles {
  return {
    pickOpenFile: vi.fn<FilePicker["pickOpenFile"]>(async () => null),
    pickSaveFile: vi.fn<FilePicker["pickSaveFile"]>(async () => null),
  };
}
