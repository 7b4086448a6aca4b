import type { TFunction } from "i18next";
import type { ErasureCategory } from "../../bindings/ErasureCategory";

/** Case and runs of spaces ignored, as the core compares the confirmation. */
export function sameName(typed: string, name: string): boolean {
  const norm = (s: string) => s.trim().split(/\s+/).join(" ").toLowerCase();
  return typed.trim() !== "" && norm(typed) === norm(name);
}

/** What one category of an erasure preview says, with its count. */
export function categoryLabel(t: TFunction, category: ErasureCategory): string {
  const count = category.count;
  switch (category.key) {
    case "person":
      return t("subjectRights.category.person", { count });
    case "emails":
      return t("subjectRights.category.emails", { count });
    case "phones":
      return t("subjectRights.category.phones", { count });
    case "languages":
      return t("subjectRights.category.languages", { count });
    case "affiliations":
      return t("subjectRights.category.affiliations", { count });
    case "seat_terms":
      return t("subjectRights.category.seat_terms", { count });
    case "policy_maker":
      return t("subjectRights.category.policy_maker", { count });
    case "committees":
      return t("subjectRights.category.committees", { count });
    case "dossier_roles":
      return t("subjectRights.category.dossier_roles", { count });
    case "stances":
      return t("subjectRights.category.stances", { count });
    case "vote_positions":
      return t("subjectRights.category.vote_positions", { count });
    case "event_participation":
      return t("subjectRights.category.event_participation", { count });
    case "speaking":
      return t("subjectRights.category.speaking", { count });
    case "lists":
      return t("subjectRights.category.lists", { count });
    case "interactions":
      return t("subjectRights.category.interactions", { count });
    case "signatures":
      return t("subjectRights.category.signatures", { count });
    case "seat_terms_kept":
      return t("subjectRights.category.seat_terms_kept", { count });
    case "tasks":
      return t("subjectRights.category.tasks", { count });
    case "audit_entries":
      return t("subjectRights.category.audit_entries", { count });
    case "export_log":
      return t("subjectRights.category.export_log", { count });
    case "waitlist_promoted":
      return t("subjectRights.category.waitlist_promoted", { count });
    default:
      return t("subjectRights.category.other", { key: category.key, count });
  }
}
