import { useTranslation } from "react-i18next";
import type { LetterStatus } from "../../bindings/LetterStatus";
import type { SignatureState } from "../../bindings/SignatureState";

/** Coloured letter-status pill (drafting, collecting, published, closed). */
export function LetterStatusPill({ status }: { status: LetterStatus }) {
  const { t } = useTranslation();
  return <LetterStatusPillView status={status} label={t(`letterStatus.${status}`)} />;
}

/** Hook-free variant for table cells. */
export function LetterStatusPillView({ status, label }: { status: LetterStatus; label: string }) {
  return (
    <span className={`pill pill-letter-${status}`} data-status={status}>
      <span className="pill-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

/** Coloured signature-state pill; "Not invited" when null. */
export function SignatureStatePill({ state }: { state: SignatureState | null }) {
  const { t } = useTranslation();
  return <SignatureStatePillView state={state} label={state ? t(`signatureState.${state}`) : t("signatures.notInvited")} />;
}

export function SignatureStatePillView({ state, label }: { state: SignatureState | null; label: string }) {
  if (!state) return <span className="pill pill-none">{label}</span>;
  return (
    <span className={`pill pill-sig-${state}`} data-state={state}>
      <span className="pill-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
