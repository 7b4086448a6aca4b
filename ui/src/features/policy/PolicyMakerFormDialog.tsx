import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { GroupCode } from "../../bindings/GroupCode";
import type { Office } from "../../bindings/Office";
import type { PolicyMaker } from "../../bindings/PolicyMaker";
import type { PolicyMakerInput } from "../../bindings/PolicyMakerInput";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { useCountries } from "../organisations/countries";
import { GROUP_CODES, OFFICES, officeLabel } from "./labels";

/** Core field name → control id. */
export const POLICY_FORM_FIELDS = {
  given_name: "pm-given-name",
  family_name: "pm-family-name",
  display_name: "pm-display-name",
  honorific: "pm-honorific",
  country: "pm-country",
  office: "pm-office",
  institution: "pm-institution",
  position_title: "pm-position",
  ep_id: "pm-ep-id",
  group_code: "pm-group",
  national_party: "pm-party",
  "emails.0": "pm-email",
  "phones.0": "pm-phone",
  notes: "pm-notes",
} as const;

interface FormState {
  given: string;
  family: string;
  display: string;
  honorific: string;
  country: string;
  office: Office;
  institution: string;
  position: string;
  epId: string;
  group: GroupCode | "";
  party: string;
  email: string;
  phone: string;
  notes: string;
}

const BLANK: FormState = {
  given: "",
  family: "",
  display: "",
  honorific: "",
  country: "",
  office: "commission",
  institution: "",
  position: "",
  epId: "",
  group: "",
  party: "",
  email: "",
  phone: "",
  notes: "",
};

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Create or edit a policy-maker (a person with an office); every rule is the core's. */
export function PolicyMakerFormDialog({
  open,
  editing,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  /** The policy-maker being edited, or null to create one. */
  editing: PolicyMaker | null;
  onOpenChange: (open: boolean) => void;
  onSaved: (saved: PolicyMaker, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const { countries, nameOf } = useCountries();
  const form = useApiForm(POLICY_FORM_FIELDS);
  const [state, setState] = useState<FormState>(BLANK);

  const editedId = editing?.id ?? null;
  useEffect(() => {
    if (!open) return;
    form.reset();
    if (editing) {
      setState({
        given: editing.given_name,
        family: editing.family_name,
        display: editing.display_name,
        honorific: editing.honorific ?? "",
        country: editing.country ? nameOf(editing.country) : "",
        office: editing.office,
        institution: editing.institution ?? "",
        position: editing.position_title ?? "",
        epId: editing.ep_id === null ? "" : String(editing.ep_id),
        group: editing.group_code ?? "",
        party: editing.national_party ?? "",
        email: editing.emails[0]?.email ?? "",
        phone: editing.phones[0]?.phone ?? "",
        notes: editing.notes ?? "",
      });
    } else {
      setState(BLANK);
    }
    // Only on opening (or switching record).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editedId]);

  const set =
    <K extends keyof FormState>(key: K, field: keyof typeof POLICY_FORM_FIELDS) =>
    (value: FormState[K]) => {
      setState((prev) => ({ ...prev, [key]: value }));
      form.clearFieldError(field);
    };

  const isMep = state.office === "mep";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const epText = state.epId.trim();
    const epId = epText === "" ? null : Number(epText);
    if (isMep && epText !== "" && (!Number.isInteger(epId) || (epId ?? 0) <= 0)) {
      form.showError({ code: "validation", message: t("policy.form.epIdInvalid"), field: "ep_id" });
      return;
    }
    const firstEmail = editing?.emails[0];
    const firstPhone = editing?.phones[0];
    const input: PolicyMakerInput = {
      given_name: state.given.trim(),
      family_name: state.family.trim(),
      display_name: orNull(state.display),
      honorific: orNull(state.honorific),
      country: orNull(state.country),
      office: state.office,
      institution: orNull(state.institution),
      position_title: orNull(state.position),
      ep_id: isMep ? epId : null,
      group_code: isMep && state.group ? state.group : null,
      national_party: orNull(state.party),
      emails: [
        ...(state.email.trim() ? [{ label: firstEmail?.label ?? "work", email: state.email.trim() }] : []),
        ...(editing?.emails.slice(1) ?? []),
      ],
      phones: [
        ...(state.phone.trim() ? [{ label: firstPhone?.label ?? "work", phone: state.phone.trim() }] : []),
        ...(editing?.phones.slice(1) ?? []),
      ],
      notes: orNull(state.notes),
    };
    const saved = await form.submit(() => (editing ? backend.policyMakerUpdate(editing.id, input) : backend.policyMakerCreate(input)));
    if (saved) onSaved(saved, !editing);
  };

  const err = form.fieldErrors;
  const optional = t("policy.form.optional");
  const text = (id: string, key: keyof FormState, field: keyof typeof POLICY_FORM_FIELDS, extra: Record<string, unknown> = {}) => (
    <input
      id={id}
      name={id}
      className="input"
      autoComplete="off"
      value={state[key] as string}
      onChange={(e) => set(key, field)(e.target.value as never)}
      {...invalidProps(id, err[field])}
      {...extra}
    />
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && form.submitting) return;
        onOpenChange(next);
      }}
      title={editing ? t("policy.form.editTitle", { name: editing.display_name }) : t("policy.form.createTitle")}
      size="lg"
      testId="policy-form"
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="policy-form" busy={form.submitting} data-testid="policy-form-submit">
            {editing ? t("policy.form.save") : t("policy.form.create")}
          </Button>
        </>
      }
    >
      <form id="policy-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="policy-form-error" />
          </div>
        )}
        <Field htmlFor="pm-office" label={t("policy.form.office")} errorKey="office" error={err.office}>
          <EnumSelect id="pm-office" value={state.office} values={OFFICES} label={(o) => officeLabel(t, o)} onChange={set("office", "office")} error={err.office} />
        </Field>
        <Field htmlFor="pm-honorific" label={t("policy.form.honorific")} errorKey="honorific" error={err.honorific} optional optionalLabel={optional}>
          {text("pm-honorific", "honorific", "honorific")}
        </Field>
        <Field htmlFor="pm-given-name" label={t("policy.form.givenName")} errorKey="given_name" error={err.given_name}>
          {text("pm-given-name", "given", "given_name")}
        </Field>
        <Field htmlFor="pm-family-name" label={t("policy.form.familyName")} errorKey="family_name" error={err.family_name}>
          {text("pm-family-name", "family", "family_name")}
        </Field>
        <Field
          htmlFor="pm-display-name"
          label={t("policy.form.displayName")}
          errorKey="display_name"
          error={err.display_name}
          hint={t("policy.form.displayNameHint")}
          optional
          optionalLabel={optional}
        >
          {text("pm-display-name", "display", "display_name")}
        </Field>
        <Field htmlFor="pm-country" label={t("policy.form.country")} errorKey="country" error={err.country} optional optionalLabel={optional}>
          {text("pm-country", "country", "country", { list: "pm-country-options" })}
          <datalist id="pm-country-options">
            {countries.map((c) => (
              <option key={c.code} value={c.name}>
                {c.code}
              </option>
            ))}
          </datalist>
        </Field>
        {isMep ? (
          <>
            <Field htmlFor="pm-ep-id" label={t("policy.form.epId")} errorKey="ep_id" error={err.ep_id}>
              {text("pm-ep-id", "epId", "ep_id", { inputMode: "numeric" })}
            </Field>
            <Field htmlFor="pm-group" label={t("policy.form.group")} errorKey="group_code" error={err.group_code} optional optionalLabel={optional}>
              <EnumSelect<GroupCode | "">
                id="pm-group"
                value={state.group}
                values={GROUP_CODES}
                label={(g) => g}
                onChange={set("group", "group_code")}
                error={err.group_code}
                emptyLabel={t("policy.form.noGroup")}
              />
            </Field>
          </>
        ) : (
          <>
            <Field
              htmlFor="pm-institution"
              label={t("policy.form.institution")}
              errorKey="institution"
              error={err.institution}
              hint={t("policy.form.institutionHint")}
              optional
              optionalLabel={optional}
            >
              {text("pm-institution", "institution", "institution")}
            </Field>
            <Field htmlFor="pm-position" label={t("policy.form.position")} errorKey="position_title" error={err.position_title} optional optionalLabel={optional}>
              {text("pm-position", "position", "position_title")}
            </Field>
          </>
        )}
        <Field htmlFor="pm-party" label={t("policy.form.party")} errorKey="national_party" error={err.national_party} optional optionalLabel={optional}>
          {text("pm-party", "party", "national_party")}
        </Field>
        <Field htmlFor="pm-email" label={t("policy.form.email")} errorKey="emails.0" error={err["emails.0"]} optional optionalLabel={optional}>
          {text("pm-email", "email", "emails.0", { type: "email" })}
        </Field>
        <Field htmlFor="pm-phone" label={t("policy.form.phone")} errorKey="phones.0" error={err["phones.0"]} optional optionalLabel={optional}>
          {text("pm-phone", "phone", "phones.0", { type: "tel" })}
        </Field>
        <Field htmlFor="pm-notes" label={t("policy.form.notes")} errorKey="notes" error={err.notes} optional optionalLabel={optional} className="form-span">
          <textarea
            id="pm-notes"
            name="pm-notes"
            className="input textarea"
            rows={3}
            value={state.notes}
            onChange={(e) => set("notes", "notes")(e.target.value)}
            {...invalidProps("pm-notes", err.notes)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
