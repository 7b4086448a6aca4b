import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Dossier } from "../../bindings/Dossier";
import type { DossierDetail } from "../../bindings/DossierDetail";
import type { DossierInput } from "../../bindings/DossierInput";
import type { LeadCommittee } from "../../bindings/LeadCommittee";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { DossierRoles } from "./DossierRoles";

/** Core field name → control id. */
export const DOSSIER_FIELDS = {
  reference: "dossier-reference",
  short_title: "dossier-title",
  lead_committee: "dossier-committee",
} as const;

/** Creates a dossier (`dossier` null) or edits one. */
export function DossierFormDialog({
  open,
  dossier,
  onOpenChange,
  onSaved,
  onRolesChanged,
}: {
  open: boolean;
  dossier: Dossier | null;
  onOpenChange: (open: boolean) => void;
  onSaved: (detail: DossierDetail) => void;
  /** Roles changed (the board shows them). */
  onRolesChanged?: () => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(DOSSIER_FIELDS);
  const [reference, setReference] = useState("");
  const [title, setTitle] = useState("");
  const [committee, setCommittee] = useState("");
  const [committees, setCommittees] = useState<LeadCommittee[]>([]);

  useEffect(() => {
    if (!open) return;
    form.reset();
    setReference(dossier?.reference ?? "");
    setTitle(dossier?.short_title ?? "");
    setCommittee(dossier?.lead_committee ?? "");
    backend.dossierCommittees().then(setCommittees, form.showError);
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, dossier?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const input: DossierInput = { reference, short_title: title, lead_committee: committee || null };
    const saved = await form.submit(() => (dossier ? backend.dossierUpdate(dossier.id, input) : backend.dossierCreate(input)));
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && form.submitting) return;
        onOpenChange(next);
      }}
      title={dossier ? t("stances.dossierForm.editTitle") : t("stances.dossierForm.newTitle")}
      testId="dossier-form"
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="dossier-form-el" busy={form.submitting} data-testid="dossier-form-submit">
            {dossier ? t("stances.dossierForm.save") : t("stances.dossierForm.create")}
          </Button>
        </>
      }
    >
      <form id="dossier-form-el" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="dossier-form-error" />
          </div>
        )}
        <Field
          htmlFor="dossier-reference"
          label={t("stances.dossierForm.reference")}
          errorKey="reference"
          error={err.reference}
          hint={t("stances.dossierForm.referenceHint")}
        >
          <input
            id="dossier-reference"
            className="input input-mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="2022/0155(COD)"
            value={reference}
            onChange={(e) => {
              setReference(e.target.value);
              form.clearFieldError("reference");
            }}
            data-testid="dossier-reference"
            {...invalidProps("dossier-reference", err.reference)}
          />
        </Field>
        <Field htmlFor="dossier-committee" label={t("stances.dossierForm.committee")} errorKey="lead_committee" error={err.lead_committee}>
          <select
            id="dossier-committee"
            className="input select"
            value={committee}
            onChange={(e) => {
              setCommittee(e.target.value);
              form.clearFieldError("lead_committee");
            }}
            data-testid="dossier-committee"
            {...invalidProps("dossier-committee", err.lead_committee)}
          >
            <option value="">{t("stances.dossierForm.noCommittee")}</option>
            {committees.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor="dossier-title" label={t("stances.dossierForm.title")} errorKey="short_title" error={err.short_title} className="form-span">
          <input
            id="dossier-title"
            className="input"
            autoComplete="off"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              form.clearFieldError("short_title");
            }}
            data-testid="dossier-title"
            {...invalidProps("dossier-title", err.short_title)}
          />
        </Field>
      </form>
      {dossier && <DossierRoles dossierId={dossier.id} onChanged={() => onRolesChanged?.()} />}
    </Dialog>
  );
}
