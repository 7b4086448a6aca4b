import type { ColumnChoice } from "../bindings/ColumnChoice";
import type { Country } from "../bindings/Country";
import type { SeatTerm } from "../bindings/SeatTerm";
import type { DemoReport } from "../bindings/DemoReport";
import type { DuplicatePair } from "../bindings/DuplicatePair";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportReport } from "../bindings/ImportReport";
import type { InviteReport } from "../bindings/InviteReport";
import type { InviteSegment } from "../bindings/InviteSegment";
import type { LetterDetail } from "../bindings/LetterDetail";
import type { LetterInput } from "../bindings/LetterInput";
import type { LetterSummary } from "../bindings/LetterSummary";
import type { MatrixQuery } from "../bindings/MatrixQuery";
import type { MembershipUpdate } from "../bindings/MembershipUpdate";
import type { MergeReport } from "../bindings/MergeReport";
import type { NewMembership } from "../bindings/NewMembership";
import type { NewOrganisation } from "../bindings/NewOrganisation";
import type { NotYetSigned } from "../bindings/NotYetSigned";
import type { Organisation } from "../bindings/Organisation";
import type { OrganisationDetail } from "../bindings/OrganisationDetail";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { OrganisationPage } from "../bindings/OrganisationPage";
import type { OrganisationQuery } from "../bindings/OrganisationQuery";
import type { RowDecision } from "../bindings/RowDecision";
import type { RowMatch } from "../bindings/RowMatch";
import type { SignatureColumns } from "../bindings/SignatureColumns";
import type { SignatureImportOptions } from "../bindings/SignatureImportOptions";
import type { SignatureImportReport } from "../bindings/SignatureImportReport";
import type { SignatureInput } from "../bindings/SignatureInput";
import type { SignatureMatrix } from "../bindings/SignatureMatrix";
import type { StatusChangeInput } from "../bindings/StatusChangeInput";
import type { StoreInfo } from "../bindings/StoreInfo";
import type { TablePreview } from "../bindings/TablePreview";
import { backupBackend, type BackupApi } from "./backup";
import { call } from "./call";
import { dashboardBackend, type DashboardApi } from "./dashboard";
import { dataProtectionBackend, type DataProtectionApi } from "./dataProtection";
import { encryptionBackend, type EncryptionApi } from "./encryption";
import { eventsBackend, type EventsApi } from "./events";
import { historyBackend, type HistoryApi } from "./history";
import { interactionsBackend, type InteractionsApi } from "./interactions";
import { operationsBackend, trackingArgs, type OperationsApi, type Tracking } from "./operations";
import { peopleBackend, type PeopleApi } from "./people";
import { policyBackend, type PolicyApi } from "./policy";
import { searchBackend, type SearchApi } from "./search";
import { stancesBackend, type StancesApi } from "./stances";
import { subjectRightsBackend, type SubjectRightsApi } from "./subjectRights";

export { hasTauriRuntime } from "./call";

/**
 * The whole backend as the UI sees it: one method per Tauri command of
 * docs/api-contract.md. Every method rejects with an `ApiError` only. Each later feature
 * keeps its methods in its own module (`./people`, `./policy`...), merged in here.
 */
export interface Backend extends PeopleApi, PolicyApi, StancesApi, InteractionsApi, EventsApi, SearchApi, DashboardApi, HistoryApi, BackupApi, OperationsApi, SubjectRightsApi, EncryptionApi, DataProtectionApi {
  storeInfo(): Promise<StoreInfo>;
  countriesList(): Promise<Country[]>;
  orgsList(query: OrganisationQuery): Promise<OrganisationPage>;
  orgGet(id: string): Promise<OrganisationDetail>;
  orgCreate(input: NewOrganisation): Promise<OrganisationDetail>;
  orgUpdate(id: string, input: OrganisationInput): Promise<OrganisationDetail>;
  orgSetArchived(id: string, archived: boolean): Promise<OrganisationDetail>;
  membershipStart(id: string, membership: NewMembership): Promise<OrganisationDetail>;
  membershipChangeStatus(id: string, change: StatusChangeInput): Promise<OrganisationDetail>;
  membershipUpdate(id: string, update: MembershipUpdate): Promise<OrganisationDetail>;
  /** With `tracking`, reports its progress and can be cancelled (`cancelOperation`). */
  orgsExportCsv(query: OrganisationQuery, path: string, tracking?: Tracking): Promise<number>;
  /** With `tracking`, reports its progress and can be cancelled (`cancelOperation`). */
  orgsImport(path: string, options: ImportOptions, tracking?: Tracking): Promise<ImportReport>;
  /** The organisations import's fields, each with the column its header names (the wizard's guesses). */
  orgsGuessColumns(headers: string[]): Promise<ColumnChoice[]>;
  demoLoad(): Promise<DemoReport>;

  // ---- letters and signatures ----
  lettersList(): Promise<LetterSummary[]>;
  letterGet(id: string): Promise<LetterDetail>;
  letterCreate(input: LetterInput): Promise<LetterDetail>;
  letterUpdate(id: string, input: LetterInput): Promise<LetterDetail>;
  /** `id` is the letter, `organisation` the signing organisation's id. */
  signatureSet(id: string, organisation: string, input: SignatureInput): Promise<LetterDetail>;
  letterInvite(id: string, segment: InviteSegment): Promise<InviteReport>;
  letterNotSigned(id: string, segment: InviteSegment): Promise<NotYetSigned[]>;
  /** Sensitive signers' names are left out unless `includeSensitive` (on purpose, after the warning). */
  letterPreview(id: string, options: ExportOptions, includeSensitive?: boolean): Promise<string>;
  /**
   * With `tracking`, reports its progress and can be cancelled (`cancelOperation`); sensitive
   * signers' names are left out unless `includeSensitive`.
   */
  letterExport(id: string, options: ExportOptions, path: string, tracking?: Tracking, includeSensitive?: boolean): Promise<number>;
  signaturesMatrix(query: MatrixQuery): Promise<SignatureMatrix>;
  matrixExportCsv(query: MatrixQuery, path: string): Promise<number>;
  importPreview(path: string): Promise<TablePreview>;
  signaturesAnalyse(path: string, columns: SignatureColumns): Promise<RowMatch[]>;
  signaturesImport(
    id: string,
    path: string,
    columns: SignatureColumns,
    decisions: RowDecision[],
    options: SignatureImportOptions,
    tracking?: Tracking,
  ): Promise<SignatureImportReport>;
  orgsDuplicates(): Promise<DuplicatePair[]>;
  orgsMerge(keep: string, drop: string): Promise<MergeReport>;
  orgsMergeUndo(seq: number): Promise<Organisation>;
  seatsHeldOn(date: string): Promise<SeatTerm[]>;
}

export const tauriBackend: Backend = {
  storeInfo: () => call("store_info"),
  countriesList: () => call("countries_list"),
  orgsList: (query) => call("orgs_list", { query }),
  orgGet: (id) => call("org_get", { id }),
  orgCreate: (input) => call("org_create", { input }),
  orgUpdate: (id, input) => call("org_update", { id, input }),
  orgSetArchived: (id, archived) => call("org_set_archived", { id, archived }),
  membershipStart: (id, membership) => call("membership_start", { id, membership }),
  membershipChangeStatus: (id, change) => call("membership_change_status", { id, change }),
  membershipUpdate: (id, update) => call("membership_update", { id, update }),
  orgsExportCsv: (query, path, tracking) => call("orgs_export_csv", { query, path, ...trackingArgs(tracking) }),
  orgsImport: (path, options, tracking) => call("orgs_import", { path, options, ...trackingArgs(tracking) }),
  orgsGuessColumns: (headers) => call("orgs_guess_columns", { headers }),
  demoLoad: () => call("demo_load"),

  lettersList: () => call("letters_list"),
  letterGet: (id) => call("letter_get", { id }),
  letterCreate: (input) => call("letter_create", { input }),
  letterUpdate: (id, input) => call("letter_update", { id, input }),
  signatureSet: (id, organisation, input) => call("signature_set", { id, organisation, input }),
  letterInvite: (id, segment) => call("letter_invite", { id, segment }),
  letterNotSigned: (id, segment) => call("letter_not_signed", { id, segment }),
  letterPreview: (id, options, includeSensitive) => call("letter_preview", { id, options, includeSensitive: includeSensitive ?? false }),
  letterExport: (id, options, path, tracking, includeSensitive) =>
    call("letter_export", { id, options, path, ...trackingArgs(tracking), includeSensitive: includeSensitive ?? false }),
  signaturesMatrix: (query) => call("signatures_matrix", { query }),
  matrixExportCsv: (query, path) => call("matrix_export_csv", { query, path }),
  importPreview: (path) => call("import_preview", { path }),
  signaturesAnalyse: (path, columns) => call("signatures_analyse", { path, columns }),
  signaturesImport: (id, path, columns, decisions, options, tracking) =>
    call("signatures_import", { id, path, columns, decisions, options, ...trackingArgs(tracking) }),
  orgsDuplicates: () => call("orgs_duplicates"),
  orgsMerge: (keep, drop) => call("orgs_merge", { keep, drop }),
  orgsMergeUndo: (seq) => call("orgs_merge_undo", { seq }),
  seatsHeldOn: (date) => call("seats_held_on", { date }),

  ...peopleBackend,
  ...policyBackend,
  ...stancesBackend,
  ...interactionsBackend,
  ...eventsBackend,
  ...searchBackend,
  ...dashboardBackend,
  ...historyBackend,
  ...backupBackend,
  ...operationsBackend,
  ...encryptionBackend,
  ...subjectRightsBackend,
  ...dataProtectionBackend,
};
