import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EmailLabel } from "../../bindings/EmailLabel";
import type { PersonDuplicateReason } from "../../bindings/PersonDuplicateReason";
import type { PersonSort } from "../../bindings/PersonSort";
import type { PhoneLabel } from "../../bindings/PhoneLabel";
import type { PolicyMakerFilter } from "../../bindings/PolicyMakerFilter";

export const EMAIL_LABELS: readonly EmailLabel[] = ["work", "personal", "assistant", "other"];
export const PHONE_LABELS: readonly PhoneLabel[] = ["work", "mobile", "home", "assistant", "other"];

/** Labels of the people feature's closed vocabularies, each a literal key. */
export function usePeopleLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      email: (label: EmailLabel): string =>
        ({
          work: t("people.emailLabel.work"),
          personal: t("people.emailLabel.personal"),
          assistant: t("people.emailLabel.assistant"),
          other: t("people.emailLabel.other"),
        })[label],
      phone: (label: PhoneLabel): string =>
        ({
          work: t("people.phoneLabel.work"),
          mobile: t("people.phoneLabel.mobile"),
          home: t("people.phoneLabel.home"),
          assistant: t("people.phoneLabel.assistant"),
          other: t("people.phoneLabel.other"),
        })[label],
      sort: (sort: PersonSort): string =>
        ({
          family_name: t("people.sort.family_name"),
          display_name: t("people.sort.display_name"),
          last_contact: t("people.sort.last_contact"),
          country: t("people.sort.country"),
        })[sort],
      policyMakerFilter: (value: PolicyMakerFilter): string =>
        ({
          all: t("people.policyFilter.all"),
          only: t("people.policyFilter.only"),
          exclude: t("people.policyFilter.exclude"),
        })[value],
      duplicateReason: (reason: PersonDuplicateReason, shared: string): string =>
        reason === "same_email"
          ? t("people.duplicates.sameEmail", { shared })
          : t("people.duplicates.sameNameSameOrganisation", { shared }),
    }),
    [t],
  );
}
