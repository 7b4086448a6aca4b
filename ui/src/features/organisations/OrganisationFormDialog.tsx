import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { MembershipTier } from "../../bindings/MembershipTier";
import type { NewOrganisation } from "../../bindings/NewOrganisation";
import type { OrganisationDetail } from "../../bindings/OrganisationDetail";
import type { OrganisationInput } from "../../bindings/OrganisationInput";
import type { OrgType } from "../../bindings/OrgType";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { EnumSelect } from "../../components/EnumSelect";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { useCountries } from "./countries";
import { MEMBERSHIP_STATUSES, MEMBERSHIP_TIERS, ORG_TYPES } from "./enums";

/** Core field name → control id (id and name of the input). */
export const ORG_FORM_FIELDS = {
  name: "org-name",
  short_name: "org-short-name",
  org_type: "org-type",
  country: "org-country",
  website: "org-website",
  email: "org-email",
  phone: "org-phone",
  notes: "org-notes",
  status: "org-membership-status",
  tier: "org-tier",
  joined_on: "org-joined",
} as const;

/** Editing has no membership fields: their errors go to the banner. */
const ORG_EDIT_FIELDS = {
  name: "org-name",
  short_name: "org-short-name",
  org_type: "org-type",
  country: "org-country",
  website: "org-website",
  email: "org-email",
  phone: "org-phone",
  notes: "org-notes",
} as const;

type FormMode = { kind: "create" } | { kind: "edit"; detail: OrganisationDetail };

interface FormState {
  name: string;
  shortName: string;
  orgType: OrgType;
  country: string;
  website: string;
  email: string;
  phone: string;
  notes: string;
  status: MembershipStatus | "";
  tier: MembershipTier;
  joined: string;
}

const BLANK: FormState = {
  name: "",
  shortName: "",
  orgType: "ngo",
  country: "",
  website: "",
  email: "",
  phone: "",
  notes: "",
  status: "",
  tier: "full",
  joined: "",
};

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function OrganisationFormDialog({
  open,
  mode,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  mode: FormMode;
  onOpenChange: (open: boolean) => void;
  onSaved: (detail: OrganisationDetail, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const { countries, nameOf } = useCountries();
  const isEdit = mode.kind === "edit";
  const form = useApiForm(isEdit ? ORG_EDIT_FIELDS : ORG_FORM_FIELDS);
  const [state, setState] = useState<FormState>(BLANK);

  // Start from a clean (or the edited organisation's) state on every opening.
  const editedId = mode.kind === "edit" ? mode.detail.organisation.id : null;
  useEffect(() => {
    if (!open) return;
    form.reset();
    if (mode.kind === "edit") {
      const o = mode.detail.organisation;
      setState({
        ...BLANK,
        name: o.name,
        shortName: o.short_name ?? "",
        orgType: o.org_type,
        country: nameOf(o.country),
        website: o.website ?? "",
        email: o.email ?? "",
        phone: o.phone ?? "",
        notes: o.notes ?? "",
      });
    } else {
      setState(BLANK);
    }
    // Only on opening (or switching organisation), not on every detail refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editedId]);

  const set = <K extends keyof FormState>(key: K, field: keyof typeof ORG_FORM_FIELDS) => (value: FormState[K]) => {
    setState((prev) => ({ ...prev, [key]: value }));
    form.clearFieldError(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    // Every rule (required fields included) is the core's: its error comes back inline.
    const input: OrganisationInput = {
      name: state.name.trim(),
      short_name: blankToNull(state.shortName),
      org_type: state.orgType,
      country: state.country.trim(),
      website: blankToNull(state.website),
      email: blankToNull(state.email),
      phone: blankToNull(state.phone),
      notes: blankToNull(state.notes),
    };
    if (mode.kind === "edit") {
      const saved = await form.submit(() => backend.orgUpdate(mode.detail.organisation.id, input));
      if (saved) onSaved(saved, false);
    } else {
      const payload: NewOrganisation = {
        organisation: input,
        membership: state.status
          ? { status: state.status, tier: state.tier, joined_on: blankToNull(state.joined) }
          : null,
      };
      const saved = await form.submit(() => backend.orgCreate(payload));
      if (saved) onSaved(saved, true);
    }
  };

  const err = form.fieldErrors;
  const optional = t("form.optional");

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        // Keep the dialog (and its error display) while a save is under way.
        if (!next && form.submitting) return;
        onOpenChange(next);
      }}
      title={isEdit ? t("form.editTitle") : t("form.newTitle")}
      size="lg"
      testId="org-form"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="org-form" busy={form.submitting} data-testid="org-form-submit">
            {isEdit ? t("form.save") : t("form.create")}
          </Button>
        </>
      }
    >
      <form id="org-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="org-form-error" />
          </div>
        )}
        <Field htmlFor="org-name" label={t("form.name")} errorKey="name" error={err.name} className="form-span">
          <input
            id="org-name"
            name="org-name"
            className="input"
            autoComplete="off"
            value={state.name}
            onChange={(e) => set("name", "name")(e.target.value)}
            {...invalidProps("org-name", err.name)}
          />
        </Field>
        <Field
          htmlFor="org-short-name"
          label={t("form.shortName")}
          errorKey="short_name"
          error={err.short_name}
          optional
          optionalLabel={optional}
        >
          <input
            id="org-short-name"
            name="org-short-name"
            className="input"
            autoComplete="off"
            value={state.shortName}
            onChange={(e) => set("shortName", "short_name")(e.target.value)}
            {...invalidProps("org-short-name", err.short_name)}
          />
        </Field>
        <Field htmlFor="org-type" label={t("form.type")} errorKey="org_type" error={err.org_type}>
          <EnumSelect
            id="org-type"
            value={state.orgType}
            values={ORG_TYPES}
            label={(type) => t(`orgType.${type}`)}
            onChange={set("orgType", "org_type")}
            error={err.org_type}
          />
        </Field>
        <Field
          htmlFor="org-country"
          label={t("form.country")}
          errorKey="country"
          error={err.country}
          hint={t("form.countryHint")}
        >
          <input
            id="org-country"
            name="org-country"
            className="input"
            list="org-country-options"
            autoComplete="off"
            value={state.country}
            onChange={(e) => set("country", "country")(e.target.value)}
            {...invalidProps("org-country", err.country)}
          />
          <datalist id="org-country-options">
            {countries.map((c) => (
              <option key={c.code} value={c.name}>
                {c.code}
              </option>
            ))}
          </datalist>
        </Field>
        <Field
          htmlFor="org-website"
          label={t("form.website")}
          errorKey="website"
          error={err.website}
          optional
          optionalLabel={optional}
        >
          <input
            id="org-website"
            name="org-website"
            className="input"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            value={state.website}
            onChange={(e) => set("website", "website")(e.target.value)}
            {...invalidProps("org-website", err.website)}
          />
        </Field>
        <Field htmlFor="org-email" label={t("form.email")} errorKey="email" error={err.email} optional optionalLabel={optional}>
          <input
            id="org-email"
            name="org-email"
            className="input"
            type="email"
            autoComplete="off"
            value={state.email}
            onChange={(e) => set("email", "email")(e.target.value)}
            {...invalidProps("org-email", err.email)}
          />
        </Field>
        <Field htmlFor="org-phone" label={t("form.phone")} errorKey="phone" error={err.phone} optional optionalLabel={optional}>
          <input
            id="org-phone"
            name="org-phone"
            className="input"
            type="tel"
            autoComplete="off"
            value={state.phone}
            onChange={(e) => set("phone", "phone")(e.target.value)}
            {...invalidProps("org-phone", err.phone)}
          />
        </Field>
        <Field
          htmlFor="org-notes"
          label={t("form.notes")}
          errorKey="notes"
          error={err.notes}
          optional
          optionalLabel={optional}
          className="form-span"
        >
          <textarea
            id="org-notes"
            name="org-notes"
            className="input textarea"
            rows={3}
            value={state.notes}
            onChange={(e) => set("notes", "notes")(e.target.value)}
            {...invalidProps("org-notes", err.notes)}
          />
        </Field>

        {!isEdit && (
          <fieldset className="form-span form-section">
            <legend className="form-section-title">{t("form.membershipSection")}</legend>
            <div className="form-grid form-grid-3">
              <Field htmlFor="org-membership-status" label={t("form.status")} errorKey="status" error={err.status}>
                <EnumSelect
                  id="org-membership-status"
                  value={state.status}
                  values={MEMBERSHIP_STATUSES}
                  label={(s) => t(`status.${s}`)}
                  onChange={set("status", "status")}
                  error={err.status}
                  emptyLabel={t("form.noMembership")}
                />
              </Field>
              <Field htmlFor="org-tier" label={t("form.tier")} errorKey="tier" error={err.tier}>
                <EnumSelect
                  id="org-tier"
                  value={state.tier}
                  values={MEMBERSHIP_TIERS}
                  label={(tier) => t(`tier.${tier}`)}
                  onChange={set("tier", "tier")}
                  disabled={!state.status}
                  error={err.tier}
                />
              </Field>
              <Field
                htmlFor="org-joined"
                label={t("form.joined")}
                errorKey="joined_on"
                error={err.joined_on}
                optional
                optionalLabel={optional}
              >
                <input
                  id="org-joined"
                  name="org-joined"
                  className="input"
                  type="date"
                  value={state.joined}
                  disabled={!state.status}
                  onChange={(e) => set("joined", "joined_on")(e.target.value)}
                  {...invalidProps("org-joined", err.joined_on)}
                />
              </Field>
            </div>
          </fieldset>
        )}
      </form>
    </Dialog>
  );
}
