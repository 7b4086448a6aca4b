import type { TFunction } from "i18next";
import type { CommitteeRole } from "../../bindings/CommitteeRole";
import type { GroupCode } from "../../bindings/GroupCode";
import type { MepStatus } from "../../bindings/MepStatus";
import type { Office } from "../../bindings/Office";

export const OFFICES: readonly Office[] = ["mep", "commission", "council", "perm_rep", "national_minister", "national_official", "other"];
export const GROUP_CODES: readonly GroupCode[] = ["EPP", "S&D", "PfE", "ECR", "Renew", "Greens/EFA", "The Left", "ESN", "NI"];
export const MEP_STATUSES: readonly MepStatus[] = ["current", "outgoing"];
export const COMMITTEE_ROLES: readonly CommitteeRole[] = ["member", "substitute", "chair", "vice_chair"];

// Labels go through literal keys (one per value) so the translation checks see every one.

export function officeLabel(t: TFunction, office: Office): string {
  switch (office) {
    case "mep":
      return t("policyOffice.mep");
    case "commission":
      return t("policyOffice.commission");
    case "council":
      return t("policyOffice.council");
    case "perm_rep":
      return t("policyOffice.perm_rep");
    case "national_minister":
      return t("policyOffice.national_minister");
    case "national_official":
      return t("policyOffice.national_official");
    case "other":
      return t("policyOffice.other");
  }
}

export function mepStatusLabel(t: TFunction, status: MepStatus): string {
  switch (status) {
    case "current":
      return t("policyMepStatus.current");
    case "outgoing":
      return t("policyMepStatus.outgoing");
  }
}

export function committeeRoleLabel(t: TFunction, role: CommitteeRole): string {
  switch (role) {
    case "member":
      return t("policyCommitteeRole.member");
    case "substitute":
      return t("policyCommitteeRole.substitute");
    case "chair":
      return t("policyCommitteeRole.chair");
    case "vice_chair":
      return t("policyCommitteeRole.vice_chair");
  }
}

/** The label of a changed field in the MEP list review. */
export function changeFieldLabel(t: TFunction, field: string | undefined): string {
  switch (field) {
    case "name":
      return t("policyChange.name");
    case "country":
      return t("policyChange.country");
    case "group":
      return t("policyChange.group");
    case "national_party":
      return t("policyChange.national_party");
    case "status":
      return t("policyChange.status");
    default:
      return field ?? "";
  }
}

/** A dossier role (`rapporteur`, `shadow_rapporteur`) in words. */
export function dossierRoleLabel(t: TFunction, role: string): string {
  return role === "rapporteur" ? t("policy.detail.rapporteur") : role === "shadow_rapporteur" ? t("policy.detail.shadowRapporteur") : role;
}
