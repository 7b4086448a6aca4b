import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ProgressPhase } from "../bindings/ProgressPhase";
import { isOverlayOpen } from "../lib/platform";
import { Button } from "./Button";
import type { LongOperation } from "./useLongOperation";

/**
 * The progress of a long operation: what it is doing, how far it got (a bar when the total
 * is known), and Cancel. Escape cancels too while it runs (before the dialog it sits in sees
 * the key; a floating panel leaves Escape to any dialog or menu open over the page).
 * Renders nothing when the operation is not running.
 */
export function ProgressPanel({
  operation,
  floating = false,
  testId = "progress-panel",
}: {
  operation: LongOperation;
  /** Shown over the page's corner (an export started from a toolbar) instead of in place. */
  floating?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { running, progress, cancelling, cancel } = operation;

  useEffect(() => {
    if (!running) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // A panel over the page leaves Escape to a dialog or menu opened meanwhile (the palette).
      if (floating && isOverlayOpen()) return;
      event.preventDefault();
      event.stopPropagation();
      cancel();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [running, cancel, floating]);

  if (!running) return null;
  const phases: Record<ProgressPhase, string> = {
    reading: t("operations.phase.reading"),
    matching: t("operations.phase.matching"),
    importing: t("operations.phase.importing"),
    exporting: t("operations.phase.exporting"),
    finishing: t("operations.phase.finishing"),
  };
  const number = (n: number) => n.toLocaleString(i18n.language);
  const total = progress?.total ?? null;
  const done = progress?.done ?? 0;
  const percent = total ? Math.min(100, Math.floor((done * 100) / total)) : null;
  return (
    <div className={`progress-panel ${floating ? "progress-panel-floating" : ""}`} role="status" aria-live="polite" data-testid={testId}>
      <div className="progress-head">
        <span className="progress-phase" data-testid="progress-phase">
          {progress ? phases[progress.phase] : t("operations.running")}
        </span>
        {progress && (
          <span className="progress-counts" data-testid="progress-counts">
            {total !== null
              ? t("operations.counts", { done: number(done), total: number(total) })
              : t("operations.countsOpen", { done: number(done) })}
          </span>
        )}
      </div>
      <div
        className={`progress-bar ${percent === null ? "is-indeterminate" : ""}`}
        role="progressbar"
        aria-label={progress ? phases[progress.phase] : t("operations.running")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <div className="progress-foot">
        <span className="progress-hint">{t("operations.escHint")}</span>
        <Button size="sm" variant="secondary" onClick={cancel} disabled={cancelling} data-testid="progress-cancel">
          {cancelling ? t("operations.cancelling") : t("operations.cancel")}
        </Button>
      </div>
    </div>
  );
}
