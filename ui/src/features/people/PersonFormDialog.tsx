import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { EmailLabel } from "../../bindings/EmailLabel";
import type { NewPerson } from "../../bindings/NewPerson";
import type { PersonDetail } from "../../bindings/PersonDetail";
import type { PersonInput } from "../../bindings/PersonInput";
import type { PhoneLabel } from "../../bindings/PhoneLabel";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { CloseIcon, PlusIcon } from "../../components/Icons";
import { useApiForm } from "../../components/useApiForm";
import { useCountries } from "../organisations/countries";
import {
  BLANK_DATA_PROTECTION,
  DATA_PROTECTION_FIELD_IDS,
  PersonDataProtectionFields,
  dataProtectionInput,
  dataProtectionState,
  type DataProtectionState,
} from "../data-protection/PersonDataProtectionFields";
import { EMAIL_LABELS, PHONE_LABELS, usePeopleLabels } from "./labels";
import { OrganisationPicker, type PickedOrganisation } from "./OrganisationPicker";

export type PersonFormMode =
  | { kind: "create"; organisation?: PickedOrganisation | null }
  | { kind: "edit"; detail: PersonDetail };

interface EmailRow {
  label: EmailLabel;
  email: string;
}
interface PhoneRow {
  label: PhoneLabel;
  phone: string;
}

interface FormState {
  honorific: string;
  givenName: string;
  familyName: string;
  displayName: string;
  country: string;
  languages: string;
  notes: string;
  emails: EmailRow[];
  phones: PhoneRow[];
  organisation: PickedOrganisation | null;
  jobTitle: string;
  startsOn: string;
  focalPoint: boolean;
  dataProtection: DataProtectionState;
}

const BLANK: FormState = {
  honorific: "",
  givenName: "",
  familyName: "",
  displayName: "",
  country: "",
  languages: "",
  notes: "",
  emails: [{ label: "work", email: "" }],
  phones: [],
  organisation: null,
  jobTitle: "",
  startsOn: "",
  focalPoint: false,
  dataProtection: BLANK_DATA_PROTECTION,
};

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Splits "fr, en; nl" into codes; the core validates them. */
export function splitLanguages(text: string): string[] {
  return text
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Create or edit a person: names, labelled emails and phones (rows added and removed), and
 * on creation an optional first affiliation. Every rule is the core's; its errors show inline. */
export function PersonFormDialog({
  open,
  mode,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  mode: PersonFormMode;
  onOpenChange: (open: boolean) => void;
  onSaved: (detail: PersonDetail, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const labels = usePeopleLabels();
  const { countries, nameOf } = useCountries();
  const [state, setState] = useState<FormState>(BLANK);

  // Core field name → control id; emails.N and phones.N follow the rows.
  const fieldIds = useMemo(() => {
    const ids: Record<string, string> = {
      honorific: "person-honorific",
      given_name: "person-given-name",
      family_name: "person-family-name",
      display_name: "person-display-name",
      country: "person-country",
      languages: "person-languages",
      notes: "person-notes",
      ...DATA_PROTECTION_FIELD_IDS,
    };
    state.emails.forEach((_, n) => (ids[`emails.${n}`] = `person-email-${n}`));
    state.phones.forEach((_, n) => (ids[`phones.${n}`] = `person-phone-${n}`));
    if (mode.kind === "create") {
      ids.organisation_id = "person-aff-organisation";
      ids.job_title = "person-aff-job-title";
      ids.starts_on = "person-aff-starts-on";
    }
    return ids;
  }, [state.emails, state.phones, mode.kind]);
  const form = useApiForm(fieldIds);
  const err = form.fieldErrors;

  const editedId = mode.kind === "edit" ? mode.detail.person.id : null;
  const presetOrg = mode.kind === "create" ? (mode.organisation ?? null) : null;
  useEffect(() => {
    if (!open) return;
    form.reset();
    if (mode.kind === "edit") {
      const p = mode.detail.person;
      const defaultDisplay = `${p.given_name} ${p.family_name}`.trim();
      setState({
        ...BLANK,
        honorific: p.honorific ?? "",
        givenName: p.given_name,
        familyName: p.family_name,
        displayName: p.display_name === defaultDisplay ? "" : p.display_name,
        country: p.country ? nameOf(p.country) : "",
        languages: p.languages.join(", "),
        notes: p.notes ?? "",
        emails: p.emails.map((e) => ({ ...e })),
        phones: p.phones.map((e) => ({ ...e })),
        dataProtection: dataProtectionState(p),
      });
    } else {
      setState({ ...BLANK, organisation: presetOrg });
    }
    // Only on opening (or switching person).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editedId, presetOrg?.id]);

  const set = <K extends keyof FormState>(key: K, field?: string) => (value: FormState[K]) => {
    setState((prev) => ({ ...prev, [key]: value }));
    if (field) form.clearFieldError(field);
  };

  const setEmail = (n: number, patch: Partial<EmailRow>) => {
    setState((prev) => ({ ...prev, emails: prev.emails.map((e, i) => (i === n ? { ...e, ...patch } : e)) }));
    form.clearFieldError(`emails.${n}`);
  };
  const setPhone = (n: number, patch: Partial<PhoneRow>) => {
    setState((prev) => ({ ...prev, phones: prev.phones.map((p, i) => (i === n ? { ...p, ...patch } : p)) }));
    form.clearFieldError(`phones.${n}`);
  };
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const input: PersonInput = {
      given_name: state.givenName.trim(),
      family_name: state.familyName.trim(),
      display_name: blankToNull(state.displayName),
      honorific: blankToNull(state.honorific),
      country: blankToNull(state.country),
      languages: splitLanguages(state.languages),
      // Rows are sent as they are (blank ones too) so that "emails.N" names the row on screen.
      emails: state.emails.map((e) => ({ label: e.label, email: e.email })),
      phones: state.phones.map((p) => ({ label: p.label, phone: p.phone })),
      notes: blankToNull(state.notes),
      ...dataProtectionInput(state.dataProtection),
    };
    if (mode.kind === "edit") {
      const saved = await form.submit(() => backend.personUpdate(mode.detail.person.id, input));
      if (saved) onSaved(saved, false);
      return;
    }
    const payload: NewPerson = {
      person: input,
      affiliation: state.organisation
        ? {
            organisation_id: state.organisation.id,
            job_title: blankToNull(state.jobTitle),
            starts_on: blankToNull(state.startsOn),
            ends_on: null,
            focal_point: state.focalPoint,
          }
        : null,
    };
    const saved = await form.submit(() => backend.personCreate(payload));
    if (saved) onSaved(saved, true);
  };

  const optional = t("people.form.optional");

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && form.submitting) return;
        onOpenChange(next);
      }}
      title={mode.kind === "edit" ? t("people.form.editTitle", { name: mode.detail.person.display_name }) : t("people.form.createTitle")}
      size="lg"
      testId="person-form"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="person-form-el" busy={form.submitting} data-testid="person-form-submit">
            {mode.kind === "edit" ? t("people.form.save") : t("people.form.create")}
          </Button>
        </>
      }
    >
      {form.bannerError && <ErrorBanner error={form.bannerError} />}
      <form id="person-form-el" className="form-grid person-form" onSubmit={submit} noValidate>
        <Field htmlFor="person-given-name" label={t("people.form.givenName")} errorKey="given_name" error={err.given_name}>
          <input
            id="person-given-name"
            className="input"
            autoComplete="off"
            value={state.givenName}
            onChange={(e) => set("givenName", "given_name")(e.target.value)}
            {...invalidProps("person-given-name", err.given_name)}
          />
        </Field>
        <Field htmlFor="person-family-name" label={t("people.form.familyName")} errorKey="family_name" error={err.family_name} hint={t("people.form.familyNameHint")}>
          <input
            id="person-family-name"
            className="input"
            autoComplete="off"
            value={state.familyName}
            onChange={(e) => set("familyName", "family_name")(e.target.value)}
            {...invalidProps("person-family-name", err.family_name)}
          />
        </Field>
        <Field htmlFor="person-display-name" label={t("people.form.displayName")} errorKey="display_name" error={err.display_name} optional optionalLabel={optional} hint={t("people.form.displayNameHint")}>
          <input
            id="person-display-name"
            className="input"
            autoComplete="off"
            value={state.displayName}
            onChange={(e) => set("displayName", "display_name")(e.target.value)}
            {...invalidProps("person-display-name", err.display_name)}
          />
        </Field>
        <Field htmlFor="person-honorific" label={t("people.form.honorific")} errorKey="honorific" error={err.honorific} optional optionalLabel={optional}>
          <input
            id="person-honorific"
            className="input"
            autoComplete="off"
            value={state.honorific}
            onChange={(e) => set("honorific", "honorific")(e.target.value)}
            {...invalidProps("person-honorific", err.honorific)}
          />
        </Field>
        <Field htmlFor="person-country" label={t("people.form.country")} errorKey="country" error={err.country} optional optionalLabel={optional}>
          <input
            id="person-country"
            className="input"
            list="person-country-options"
            autoComplete="off"
            value={state.country}
            onChange={(e) => set("country", "country")(e.target.value)}
            {...invalidProps("person-country", err.country)}
          />
          <datalist id="person-country-options">
            {countries.map((c) => (
              <option key={c.code} value={c.name}>
                {c.code}
              </option>
            ))}
          </datalist>
        </Field>
        <Field htmlFor="person-languages" label={t("people.form.languages")} errorKey="languages" error={err.languages} optional optionalLabel={optional} hint={t("people.form.languagesHint")}>
          <input
            id="person-languages"
            className="input"
            autoComplete="off"
            value={state.languages}
            onChange={(e) => set("languages", "languages")(e.target.value)}
            {...invalidProps("person-languages", err.languages)}
          />
        </Field>

        <fieldset className="form-span person-rows" data-testid="person-emails">
          <legend className="field-label">{t("people.form.emails")}</legend>
          {state.emails.map((row, n) => {
            const id = `person-email-${n}`;
            const error = err[`emails.${n}`];
            return (
              <div key={n} className={`person-row ${error ? "has-error" : ""}`} data-testid="person-email-row">
                <EnumSelect<EmailLabel> id={`person-email-label-${n}`} value={row.label} values={EMAIL_LABELS} label={labels.email} onChange={(label) => setEmail(n, { label })} />
                <input
                  id={id}
                  type="email"
                  className="input"
                  aria-label={t("people.form.emailN", { n: n + 1 })}
                  autoComplete="off"
                  value={row.email}
                  onChange={(e) => setEmail(n, { email: e.target.value })}
                  {...invalidProps(id, error)}
                />
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={t("people.form.removeEmail", { n: n + 1 })}
                  onClick={() => setState((prev) => ({ ...prev, emails: prev.emails.filter((_, i) => i !== n) }))}
                  data-testid="person-email-remove"
                >
                  <CloseIcon size={14} />
                </button>
                {error && (
                  <p className="field-error person-row-error" id={`${id}-error`} role="alert" data-testid={`field-error-emails.${n}`}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          <Button
            size="sm"
            variant="ghost"
            icon={<PlusIcon size={14} />}
            onClick={() => {
              setState((prev) => ({ ...prev, emails: [...prev.emails, { label: prev.emails.length ? "personal" : "work", email: "" }] }));
              focusLater(`person-email-${state.emails.length}`);
            }}
            data-testid="person-email-add"
          >
            {t("people.form.addEmail")}
          </Button>
        </fieldset>

        <fieldset className="form-span person-rows" data-testid="person-phones">
          <legend className="field-label">{t("people.form.phones")}</legend>
          {state.phones.map((row, n) => {
            const id = `person-phone-${n}`;
            const error = err[`phones.${n}`];
            return (
              <div key={n} className={`person-row ${error ? "has-error" : ""}`} data-testid="person-phone-row">
                <EnumSelect<PhoneLabel> id={`person-phone-label-${n}`} value={row.label} values={PHONE_LABELS} label={labels.phone} onChange={(label) => setPhone(n, { label })} />
                <input
                  id={id}
                  type="tel"
                  className="input"
                  aria-label={t("people.form.phoneN", { n: n + 1 })}
                  autoComplete="off"
                  value={row.phone}
                  onChange={(e) => setPhone(n, { phone: e.target.value })}
                  {...invalidProps(id, error)}
                />
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={t("people.form.removePhone", { n: n + 1 })}
                  onClick={() => setState((prev) => ({ ...prev, phones: prev.phones.filter((_, i) => i !== n) }))}
                  data-testid="person-phone-remove"
                >
                  <CloseIcon size={14} />
                </button>
                {error && (
                  <p className="field-error person-row-error" id={`${id}-error`} role="alert" data-testid={`field-error-phones.${n}`}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          <Button
            size="sm"
            variant="ghost"
            icon={<PlusIcon size={14} />}
            onClick={() => {
              setState((prev) => ({ ...prev, phones: [...prev.phones, { label: prev.phones.length ? "mobile" : "work", phone: "" }] }));
              focusLater(`person-phone-${state.phones.length}`);
            }}
            data-testid="person-phone-add"
          >
            {t("people.form.addPhone")}
          </Button>
        </fieldset>

        {mode.kind === "create" && (
          <fieldset className="form-span person-affiliation" data-testid="person-form-affiliation">
            <legend className="field-label">{t("people.form.affiliation")}</legend>
            <div className="form-grid">
              <Field htmlFor="person-aff-organisation" label={t("people.affiliations.organisation")} errorKey="organisation_id" error={err.organisation_id} optional optionalLabel={optional}>
                <OrganisationPicker
                  id="person-aff-organisation"
                  value={state.organisation}
                  onChange={set("organisation", "organisation_id")}
                  error={err.organisation_id}
                  testId="person-aff-organisation"
                />
              </Field>
              <Field htmlFor="person-aff-job-title" label={t("people.affiliations.jobTitle")} errorKey="job_title" error={err.job_title} optional optionalLabel={optional}>
                <input
                  id="person-aff-job-title"
                  className="input"
                  autoComplete="off"
                  value={state.jobTitle}
                  disabled={!state.organisation}
                  onChange={(e) => set("jobTitle", "job_title")(e.target.value)}
                  {...invalidProps("person-aff-job-title", err.job_title)}
                />
              </Field>
              <Field htmlFor="person-aff-starts-on" label={t("people.affiliations.startsOn")} errorKey="starts_on" error={err.starts_on} optional optionalLabel={optional}>
                <input
                  id="person-aff-starts-on"
                  type="date"
                  className="input"
                  value={state.startsOn}
                  disabled={!state.organisation}
                  onChange={(e) => set("startsOn", "starts_on")(e.target.value)}
                  {...invalidProps("person-aff-starts-on", err.starts_on)}
                />
              </Field>
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  checked={state.focalPoint}
                  disabled={!state.organisation}
                  onChange={(e) => set("focalPoint")(e.target.checked)}
                  data-testid="person-aff-focal"
                />
                <span>{t("people.affiliations.focalPointLabel")}</span>
              </label>
            </div>
          </fieldset>
        )}

        <PersonDataProtectionFields
          value={state.dataProtection}
          errors={err}
          onChange={(patch, field) => {
            setState((prev) => ({ ...prev, dataProtection: { ...prev.dataProtection, ...patch } }));
            if (field) form.clearFieldError(field);
          }}
        />

        <Field htmlFor="person-notes" label={t("people.form.notes")} errorKey="notes" error={err.notes} optional optionalLabel={optional} className="form-span">
          <textarea
            id="person-notes"
            className="input textarea"
            rows={3}
            value={state.notes}
            onChange={(e) => set("notes", "notes")(e.target.value)}
            {...invalidProps("person-notes", err.notes)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
