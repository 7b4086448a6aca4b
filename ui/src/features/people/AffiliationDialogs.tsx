import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Affiliation } from "../../bindings/Affiliation";
import type { AffiliationInput } from "../../bindings/AffiliationInput";
import type { PersonDetail } from "../../bindings/PersonDetail";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { todayIso } from "../../lib/dates";
import { OrganisationPicker, type PickedOrganisation } from "./OrganisationPicker";

const AFFILIATION_FIELDS = {
  organisation_id: "aff-organisation",
  job_title: "aff-job-title",
  starts_on: "aff-starts-on",
  ends_on: "aff-ends-on",
} as const;

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Add an affiliation to a person, or edit one (organisation, job title, dates, focal point). */
export function AffiliationDialog({
  open,
  personId,
  affiliation,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  personId: string;
  /** The affiliation to edit; none to add one. */
  affiliation: Affiliation | null;
  onOpenChange: (open: boolean) => void;
  onSaved: (detail: PersonDetail) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(AFFILIATION_FIELDS);
  const err = form.fieldErrors;
  const [organisation, setOrganisation] = useState<PickedOrganisation | null>(null);
  const [jobTitle, setJobTitle] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [focal, setFocal] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.reset();
    setOrganisation(affiliation ? { id: affiliation.organisation_id, name: affiliation.organisation_name } : null);
    setJobTitle(affiliation?.job_title ?? "");
    setStartsOn(affiliation?.starts_on ?? "");
    setEndsOn(affiliation?.ends_on ?? "");
    setFocal(affiliation?.focal_point ?? false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, affiliation?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const input: AffiliationInput = {
      organisation_id: organisation?.id ?? "",
      job_title: blankToNull(jobTitle),
      starts_on: blankToNull(startsOn),
      ends_on: blankToNull(endsOn),
      focal_point: focal,
    };
    const saved = await form.submit(() =>
      affiliation ? backend.affiliationUpdate(affiliation.id, input) : backend.affiliationAdd(personId, input),
    );
    if (saved) onSaved(saved);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !form.submitting && onOpenChange(next)}
      title={affiliation ? t("people.affiliations.editTitle") : t("people.affiliations.addTitle")}
      testId="affiliation-form"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="affiliation-form-el" busy={form.submitting} data-testid="affiliation-submit">
            {t("people.affiliations.save")}
          </Button>
        </>
      }
    >
      {form.bannerError && <ErrorBanner error={form.bannerError} />}
      <form id="affiliation-form-el" className="form-grid" onSubmit={submit} noValidate>
        <Field htmlFor="aff-organisation" label={t("people.affiliations.organisation")} errorKey="organisation_id" error={err.organisation_id} className="form-span">
          <OrganisationPicker
            id="aff-organisation"
            value={organisation}
            onChange={(value) => {
              setOrganisation(value);
              form.clearFieldError("organisation_id");
            }}
            error={err.organisation_id}
            testId="aff-organisation"
          />
        </Field>
        <Field htmlFor="aff-job-title" label={t("people.affiliations.jobTitle")} errorKey="job_title" error={err.job_title} className="form-span">
          <input id="aff-job-title" className="input" value={jobTitle} onChange={(e) => setJobTitle(e.target.value)} {...invalidProps("aff-job-title", err.job_title)} />
        </Field>
        <Field htmlFor="aff-starts-on" label={t("people.affiliations.startsOn")} errorKey="starts_on" error={err.starts_on}>
          <input id="aff-starts-on" type="date" className="input" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} {...invalidProps("aff-starts-on", err.starts_on)} />
        </Field>
        <Field htmlFor="aff-ends-on" label={t("people.affiliations.endsOn")} errorKey="ends_on" error={err.ends_on} hint={t("people.affiliations.endsOnHint")}>
          <input
            id="aff-ends-on"
            type="date"
            className="input"
            value={endsOn}
            onChange={(e) => {
              setEndsOn(e.target.value);
              form.clearFieldError("ends_on");
            }}
            {...invalidProps("aff-ends-on", err.ends_on)}
          />
        </Field>
        <label className="checkbox-row form-span">
          <input type="checkbox" checked={focal} onChange={(e) => setFocal(e.target.checked)} data-testid="aff-focal" />
          <span>{t("people.affiliations.focalPointLabel")}</span>
        </label>
      </form>
    </Dialog>
  );
}

/** Ends an affiliation on a date (today by default): it stays in the history. */
export function EndAffiliationDialog({
  affiliation,
  onOpenChange,
  onSaved,
}: {
  affiliation: Affiliation | null;
  onOpenChange: (open: boolean) => void;
  onSaved: (detail: PersonDetail) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm({ ends_on: "aff-end-date" });
  const [on, setOn] = useState(todayIso());

  useEffect(() => {
    if (!affiliation) return;
    form.reset();
    setOn(todayIso());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [affiliation?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!affiliation || form.submitting) return;
    const saved = await form.submit(() => backend.affiliationEnd(affiliation.id, blankToNull(on)));
    if (saved) onSaved(saved);
  };

  return (
    <Dialog
      open={affiliation !== null}
      onOpenChange={(next) => !form.submitting && onOpenChange(next)}
      title={t("people.affiliations.endTitle", { organisation: affiliation?.organisation_name ?? "" })}
      size="sm"
      testId="affiliation-end"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="affiliation-end-el" busy={form.submitting} data-testid="affiliation-end-submit">
            {t("people.affiliations.end")}
          </Button>
        </>
      }
    >
      {form.bannerError && <ErrorBanner error={form.bannerError} />}
      <form id="affiliation-end-el" onSubmit={submit} noValidate>
        <Field htmlFor="aff-end-date" label={t("people.affiliations.endsOn")} errorKey="ends_on" error={form.fieldErrors.ends_on} hint={t("people.affiliations.endHint")}>
          <input id="aff-end-date" type="date" className="input" value={on} onChange={(e) => setOn(e.target.value)} {...invalidProps("aff-end-date", form.fieldErrors.ends_on)} />
        </Field>
      </form>
    </Dialog>
  );
}
