import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Dossier } from "../../bindings/Dossier";
import type { EvidenceKind } from "../../bindings/EvidenceKind";
import type { Stance } from "../../bindings/Stance";
import type { StanceInput } from "../../bindings/StanceInput";
import type { StanceLevel } from "../../bindings/StanceLevel";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { todayIso } from "../../lib/dates";
import { EVIDENCE_KINDS, needsSource, STANCE_LEVELS } from "./enums";

/** Core field name → control id. */
export const EVIDENCE_FIELDS = {
  dossier_id: "evidence-dossier",
  level: "evidence-level",
  evidence: "evidence-kind",
  stated_on: "evidence-date",
  source: "evidence-source",
} as const;

/** Who is being moved (or recorded), and where to. */
export interface EvidenceTarget {
  personId: string;
  name: string;
  /** The dossier; null lets the coordinator pick one from `dossiers`. */
  dossierId: string | null;
  /** The level to record (a card's new column); the coordinator may change it. */
  level: StanceLevel;
  /** The level the card comes from, to say "from X to Y". */
  from?: StanceLevel | null;
}

/**
 * Asks for the evidence of a stance (kind, date defaulting to today, source or note) and
 * records it. Every rule is the core's; its errors come back next to their fields.
 */
export function EvidenceDialog({
  target,
  dossiers = [],
  onClose,
  onSaved,
}: {
  target: EvidenceTarget | null;
  dossiers?: Dossier[];
  onClose: () => void;
  onSaved: (stance: Stance) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(EVIDENCE_FIELDS);
  const [dossierId, setDossierId] = useState("");
  const [level, setLevel] = useState<StanceLevel>("unknown");
  const [evidence, setEvidence] = useState<EvidenceKind | "">("");
  const [date, setDate] = useState(todayIso());
  const [source, setSource] = useState("");
  const open = target !== null;

  useEffect(() => {
    if (!target) return;
    form.reset();
    setDossierId(target.dossierId ?? dossiers[0]?.id ?? "");
    setLevel(target.level);
    setEvidence("");
    setDate(todayIso());
    setSource("");
    // Only when a new target opens the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target || form.submitting) return;
    const input: StanceInput = {
      person_id: target.personId,
      dossier_id: dossierId,
      level,
      stated_on: date.trim() || null,
      evidence: evidence === "" ? null : evidence,
      source: source.trim() || null,
      vote_id: null,
      recorded_by: null,
    };
    const saved = await form.submit(() => backend.stanceRecord(input));
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  const sourceNeeded = evidence !== "" && needsSource(evidence);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !form.submitting) onClose();
      }}
      title={target ? t("stances.evidence.title", { name: target.name }) : ""}
      description={
        target?.from && target.from !== level
          ? t("stances.evidence.move", { from: t(`stanceLevel.${target.from}`), to: t(`stanceLevel.${level}`) })
          : undefined
      }
      testId="evidence-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="evidence-form" busy={form.submitting} data-testid="evidence-save">
            {t("stances.evidence.save")}
          </Button>
        </>
      }
    >
      <form id="evidence-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="evidence-error" />
          </div>
        )}
        {target?.dossierId === null && (
          <Field htmlFor="evidence-dossier" label={t("stances.evidence.dossier")} errorKey="dossier_id" error={err.dossier_id} className="form-span">
            <select
              id="evidence-dossier"
              className="input select"
              value={dossierId}
              onChange={(e) => {
                setDossierId(e.target.value);
                form.clearFieldError("dossier_id");
              }}
              data-testid="evidence-dossier"
              {...invalidProps("evidence-dossier", err.dossier_id)}
            >
              {dossiers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.reference} · {d.short_title}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field htmlFor="evidence-level" label={t("stances.evidence.level")} errorKey="level" error={err.level}>
          <select
            id="evidence-level"
            className="input select"
            value={level}
            onChange={(e) => {
              setLevel(e.target.value as StanceLevel);
              form.clearFieldError("level");
            }}
            data-testid="evidence-level"
            {...invalidProps("evidence-level", err.level)}
          >
            {STANCE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`stanceLevel.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor="evidence-kind" label={t("stances.evidence.kind")} errorKey="evidence" error={err.evidence}>
          <select
            id="evidence-kind"
            className="input select"
            value={evidence}
            onChange={(e) => {
              setEvidence(e.target.value as EvidenceKind | "");
              form.clearFieldError("evidence");
            }}
            data-testid="evidence-kind"
            {...invalidProps("evidence-kind", err.evidence)}
          >
            <option value="">{t("stances.evidence.choose")}</option>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`evidenceKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor="evidence-date" label={t("stances.evidence.date")} errorKey="stated_on" error={err.stated_on}>
          <input
            id="evidence-date"
            type="date"
            className="input"
            value={date}
            max={todayIso()}
            onChange={(e) => {
              setDate(e.target.value);
              form.clearFieldError("stated_on");
            }}
            data-testid="evidence-date"
            {...invalidProps("evidence-date", err.stated_on)}
          />
        </Field>
        <Field
          htmlFor="evidence-source"
          label={t("stances.evidence.source")}
          errorKey="source"
          error={err.source}
          hint={sourceNeeded ? t("stances.evidence.sourceRequired") : t("stances.evidence.sourceHint")}
          className="form-span"
        >
          <textarea
            id="evidence-source"
            className="input textarea"
            rows={3}
            value={source}
            placeholder="https://"
            onChange={(e) => {
              setSource(e.target.value);
              form.clearFieldError("source");
            }}
            onKeyDown={(e) => {
              // Ctrl+Enter saves from the multi-line field.
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void submit(e);
            }}
            data-testid="evidence-source"
            {...invalidProps("evidence-source", err.source)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
