import type { KeyboardEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import { Button } from "../Button";
import { Dialog } from "../Dialog";
import { ErrorBanner } from "../ErrorBanner";
import { CheckIcon, ChevronLeftIcon, ChevronRightIcon } from "../Icons";

export interface WizardStepInfo {
  /** Stable id (also `data-step` on the stepper item). */
  id: string;
  /** Short label shown in the stepper. */
  label: string;
}

export interface ImportWizardProps {
  open: boolean;
  /** Asked to close (Esc, the close button, Cancel); ignored by the wizard while `busy`. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  steps: readonly WizardStepInfo[];
  /** Index of the current step in `steps`. */
  current: number;
  /** The current step's content. */
  children: ReactNode;
  /** Whether Next (or Confirm on the last step) may be pressed. */
  canNext: boolean;
  /** Why Next is blocked, shown beside the buttons (e.g. "3 rows need a decision"). */
  blockedReason?: ReactNode;
  onNext: () => void;
  onBack: () => void;
  /** A step's work is under way (buttons disabled, Esc ignored). */
  busy?: boolean;
  /** Shown above the step's content; never swallowed. */
  error?: ApiError | null;
  /** Label of the last step's button (default "Import"). */
  confirmLabel?: ReactNode;
  /** `data-testid` of the last step's button (default "wizard-confirm"). */
  confirmTestId?: string;
  /** The wizard is finished (a report is shown): only Close remains. */
  finished?: boolean;
  testId?: string;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT" || tag === "BUTTON" || tag === "A" || target.isContentEditable) return true;
  return false;
}

/**
 * The shell of every import: a stepper, the current step, Back / Next (Confirm on the
 * last step). Enter goes to the next step when it is allowed, Esc closes.
 * The steps' content and rules belong to the feature (signatures, organisations, people).
 */
export function ImportWizard({
  open,
  onClose,
  title,
  description,
  steps,
  current,
  children,
  canNext,
  blockedReason,
  onNext,
  onBack,
  busy = false,
  error,
  confirmLabel,
  confirmTestId = "wizard-confirm",
  finished = false,
  testId = "import-wizard",
}: ImportWizardProps) {
  const { t } = useTranslation();
  const last = current === steps.length - 1;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter" || event.defaultPrevented || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTextEntry(event.target)) return;
    // Events bubble through React portals (popovers): only keys pressed in the dialog itself count.
    if (!(event.target instanceof Node) || !event.currentTarget.contains(event.target)) return;
    event.preventDefault();
    if (finished) onClose();
    else if (canNext && !busy) onNext();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !busy && onClose()}
      title={title}
      description={description}
      size="xl"
      testId={testId}
      onKeyDown={onKeyDown}
      footer={
        <>
          {!finished && blockedReason && (
            <span className="footer-note wizard-blocked" role="status" data-testid="wizard-blocked">
              {blockedReason}
            </span>
          )}
          <span className="footer-spacer" />
          {finished ? (
            <Button variant="primary" onClick={onClose} data-testid="wizard-close">
              {t("common.close")}
            </Button>
          ) : (
            <>
              <Button variant="secondary" onClick={onClose} disabled={busy}>
                {t("common.cancel")}
              </Button>
              <Button
                variant="secondary"
                icon={<ChevronLeftIcon size={14} />}
                onClick={onBack}
                disabled={busy || current === 0}
                data-testid="wizard-back"
              >
                {t("wizard.back")}
              </Button>
              {last ? (
                <Button variant="primary" onClick={onNext} disabled={!canNext} busy={busy} data-testid={confirmTestId}>
                  {confirmLabel ?? t("wizard.confirm")}
                </Button>
              ) : (
                <Button variant="primary" onClick={onNext} disabled={!canNext} busy={busy} data-testid="wizard-next">
                  {t("wizard.next")}
                  <ChevronRightIcon size={14} aria-hidden="true" />
                </Button>
              )}
            </>
          )}
        </>
      }
    >
      <div className="wizard">
        <ol className="stepper" aria-label={t("wizard.steps")}>
          {steps.map((step, i) => {
            const state = finished || i < current ? "done" : i === current ? "current" : "todo";
            return (
              <li
                key={step.id}
                className={`stepper-item is-${state}`}
                aria-current={i === current && !finished ? "step" : undefined}
                data-step={step.id}
              >
                <span className="stepper-dot" aria-hidden="true">
                  {state === "done" ? <CheckIcon size={11} strokeWidth={2.6} /> : i + 1}
                </span>
                <span className="stepper-label">{step.label}</span>
              </li>
            );
          })}
        </ol>
        {error && <ErrorBanner error={error} testId="wizard-error" />}
        <div className="wizard-step" data-testid={`wizard-step-${steps[current]?.id ?? ""}`}>
          {children}
        </div>
      </div>
    </Dialog>
  );
}
