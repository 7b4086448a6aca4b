import { useTranslation } from "react-i18next";
import type { LawfulBasis } from "../../bindings/LawfulBasis";
import { EnumSelect } from "../../components/EnumSelect";
import { Field, invalidProps } from "../../components/Field";
import { LAWFUL_BASES, useLawfulBasisLabel } from "./labels";

/** The data-protection part of a person's form state. */
export interface DataProtectionState {
  lawfulBasis: LawfulBasis;
  source: string;
  consentDate: string;
  sensitive: boolean;
  sensitiveReason: string;
}

export const BLANK_DATA_PROTECTION: DataProtectionState = {
  lawfulBasis: "legitimate_interest",
  source: "",
  consentDate: "",
  sensitive: false,
  sensitiveReason: "",
};

/** Core field name → control id, for `useApiForm`. */
export const DATA_PROTECTION_FIELD_IDS: Record<string, string> = {
  lawful_basis: "person-lawful-basis",
  source: "person-source",
  consent_date: "person-consent-date",
  sensitive_reason: "person-sensitive-reason",
};

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** The state as `PersonInput` fields; every field is sent, so an edit says exactly what it wants. */
export function dataProtectionInput(state: DataProtectionState) {
  return {
    lawful_basis: state.lawfulBasis,
    // "" clears the source (an absent one would keep it)
    source: state.source.trim(),
    consent_date: blankToNull(state.consentDate) ?? undefined,
    sensitive: state.sensitive,
    sensitive_reason: state.sensitive ? state.sensitiveReason.trim() : "",
  };
}

/** The stored person's values as form state. */
export function dataProtectionState(person: {
  lawful_basis: LawfulBasis;
  source: string | null;
  consent_date: string | null;
  sensitive: boolean;
  sensitive_reason: string | null;
}): DataProtectionState {
  return {
    lawfulBasis: person.lawful_basis,
    source: person.source ?? "",
    consentDate: person.consent_date ?? "",
    sensitive: person.sensitive,
    sensitiveReason: person.sensitive_reason ?? "",
  };
}

/** Lawful basis, source, consent date (shown with consent) and the sensitive flag with its
 * private reason; the core's errors show next to each field. */
export function PersonDataProtectionFields({
  value,
  onChange,
  errors,
}: {
  value: DataProtectionState;
  onChange: (patch: Partial<DataProtectionState>, field?: string) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const basisLabel = useLawfulBasisLabel();
  const optional = t("people.form.optional");
  return (
    <fieldset className="form-span person-data-protection" data-testid="person-data-protection">
      <legend className="field-label">{t("privacy.fields.legend")}</legend>
      <div className="form-grid">
        <Field htmlFor="person-lawful-basis" label={t("privacy.fields.lawfulBasis")} errorKey="lawful_basis" error={errors.lawful_basis}>
          <EnumSelect<LawfulBasis>
            id="person-lawful-basis"
            value={value.lawfulBasis}
            values={LAWFUL_BASES}
            label={basisLabel}
            error={errors.lawful_basis}
            onChange={(lawfulBasis) => onChange({ lawfulBasis }, "consent_date")}
          />
        </Field>
        <Field
          htmlFor="person-consent-date"
          label={t("privacy.fields.consentDate")}
          errorKey="consent_date"
          error={errors.consent_date}
          hint={t("privacy.fields.consentDateHint")}
          optional={value.lawfulBasis !== "consent"}
          optionalLabel={optional}
        >
          <input
            id="person-consent-date"
            type="date"
            className="input"
            value={value.consentDate}
            onChange={(e) => onChange({ consentDate: e.target.value }, "consent_date")}
            {...invalidProps("person-consent-date", errors.consent_date)}
          />
        </Field>
        <Field
          htmlFor="person-source"
          label={t("privacy.fields.source")}
          errorKey="source"
          error={errors.source}
          hint={t("privacy.fields.sourceHint")}
          optional
          optionalLabel={optional}
          className="form-span"
        >
          <input
            id="person-source"
            className="input"
            autoComplete="off"
            value={value.source}
            onChange={(e) => onChange({ source: e.target.value }, "source")}
            {...invalidProps("person-source", errors.source)}
          />
        </Field>
        <label className="checkbox-row form-span">
          <input
            type="checkbox"
            checked={value.sensitive}
            onChange={(e) => onChange({ sensitive: e.target.checked }, "sensitive_reason")}
            data-testid="person-sensitive"
          />
          <span>{t("privacy.fields.sensitive")}</span>
        </label>
        {value.sensitive && (
          <Field
            htmlFor="person-sensitive-reason"
            label={t("privacy.fields.sensitiveReason")}
            errorKey="sensitive_reason"
            error={errors.sensitive_reason}
            hint={t("privacy.fields.sensitiveReasonHint")}
            optional
            optionalLabel={optional}
            className="form-span"
          >
            <input
              id="person-sensitive-reason"
              className="input"
              autoComplete="off"
              value={value.sensitiveReason}
              onChange={(e) => onChange({ sensitiveReason: e.target.value }, "sensitive_reason")}
              {...invalidProps("person-sensitive-reason", errors.sensitive_reason)}
            />
          </Field>
        )}
      </div>
    </fieldset>
  );
}
