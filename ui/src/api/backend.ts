import { invoke, isTauri } from "@tauri-apps/api/core";
import i18n from "../i18n";
import type { Country } from "../bindings/Country";
import type { DemoReport } from "../bindings/DemoReport";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportReport } from "../bindings/ImportReport";
import type { MembershipUpdate } from "../bindings/MembershipUpdate";
import type { NewMembership } from "../bindings/NewMembership";
import type { NewOrganisation } from "../bindings/NewOrganisation";
import type { OrganisationDetail } from "../bindings/OrganisationDetail";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { OrganisationPage } from "../bindings/OrganisationPage";
import type { OrganisationQuery } from "../bindings/OrganisationQuery";
import type { StatusChangeInput } from "../bindings/StatusChangeInput";
import type { StoreInfo } from "../bindings/StoreInfo";
import { toApiError } from "./errors";

/**
 * The whole backend as the UI sees it: one method per Tauri command of
 * docs/api-contract.md. Every method rejects with an `ApiError` only.
 */
export interface Backend {
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
  orgsExportCsv(query: OrganisationQuery, path: string): Promise<number>;
  orgsImport(path: string, options: ImportOptions): Promise<ImportReport>;
  demoLoad(): Promise<DemoReport>;
}

/** True when the page runs inside the Tauri webview (IPC available). */
export function hasTauriRuntime(): boolean {
  if (typeof window === "undefined") return false;
  try {
    if (isTauri()) return true;
  } catch {
    // fall through to the internals check
  }
  return "__TAURI_INTERNALS__" in window;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasTauriRuntime()) {
    throw { code: "internal", message: i18n.t("errors.noRuntime"), field: null };
  }
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
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
  orgsExportCsv: (query, path) => call("orgs_export_csv", { query, path }),
  orgsImport: (path, options) => call("orgs_import", { path, options }),
  demoLoad: () => call("demo_load"),
};
