import type { ExportLogPage } from "../bindings/ExportLogPage";
import type { PageQuery } from "../bindings/PageQuery";
import type { RetentionPage } from "../bindings/RetentionPage";
import type { RetentionQuery } from "../bindings/RetentionQuery";
import type { SensitivePage } from "../bindings/SensitivePage";
import type { SensitiveScope } from "../bindings/SensitiveScope";
import { call } from "./call";

/** The backend methods for data protection: the export log, sensitive people, retention. */
export interface DataProtectionApi {
  /** The export log, newest first: what was exported, when and by whom (never the data). */
  privacyExportLog(page: PageQuery): Promise<ExportLogPage>;
  /** People flagged sensitive, by family name. */
  privacySensitivePeople(page: PageQuery): Promise<SensitivePage>;
  /** How many sensitive people an export of this scope leaves out unless included. */
  privacySensitiveCount(scope: SensitiveScope): Promise<number>;
  /** People with no activity for the query's years (the setting by default). */
  privacyRetentionReview(query: RetentionQuery): Promise<RetentionPage>;
  /** The `retention.years` setting (3 by default). */
  privacyRetentionYears(): Promise<number>;
  /** Saves `retention.years` (1–20); rejects with a field error `years` otherwise. */
  privacySetRetentionYears(years: number): Promise<number>;
}

export const dataProtectionBackend: DataProtectionApi = {
  privacyExportLog: (page) => call("privacy_export_log", { page }),
  privacySensitivePeople: (page) => call("privacy_sensitive_people", { page }),
  privacySensitiveCount: (scope) => call("privacy_sensitive_count", { scope }),
  privacyRetentionReview: (query) => call("privacy_retention_review", { query }),
  privacyRetentionYears: () => call("privacy_retention_years"),
  privacySetRetentionYears: (years) => call("privacy_set_retention_years", { years }),
};
