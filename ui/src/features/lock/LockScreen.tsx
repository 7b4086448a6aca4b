import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { SecurityStatus } from "../../bindings/SecurityStatus";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";

/** The codes the passphrase field shows under itself; any other error is shown as a banner. */
const FIELD_CODES = new Set(["wrong_passphrase", "passphrase_required", "validation"]);

/** The lock screen: one passphrase field; Enter unlocks; a wrong passphrase says so. */
export function LockScreen({
  idleMinutes,
  lockError,
  onUnlocked,
  onOtherError,
}: {
  /** Set when the app locked itself after this many idle minutes. */
  idleMinutes: number | null;
  /** Why locking failed, if it did (the data is hidden all the same). */
  lockError: ApiError | null;
  onUnlocked(status: SecurityStatus): void;
  /** The passphrase was right but the store cannot open (damaged...): the app shows why. */
  onOtherError(error: ApiError): void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const status = await backend.storeUnlock(passphrase);
      setPassphrase("");
      onUnlocked(status);
    } catch (raw) {
      const failure = toApiError(raw);
      setBusy(false);
      if (failure.code === "store_damaged") {
        onOtherError(failure);
        return;
      }
      setError(failure);
      input.current?.select();
    }
  };

  const fieldError = error && FIELD_CODES.has(error.code) ? error.message : null;
  return (
    <div className="lock-screen" data-testid="lock-screen">
      <form className="lock-card" onSubmit={submit} aria-labelledby="lock-title">
        <svg className="lock-icon" width="40" height="40" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <rect x="5" y="10.5" width="14" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <h1 id="lock-title" className="lock-title">
          {t("lock.title")}
        </h1>
        <p className="lock-intro">{idleMinutes ? t("lock.lockedIdle", { minutes: idleMinutes }) : t("lock.intro")}</p>
        {lockError && <ErrorBanner error={lockError} testId="lock-failed" />}
        {error && !fieldError && <ErrorBanner error={error} testId="unlock-error" />}
        <Field htmlFor="lock-passphrase" label={t("lock.passphrase")} errorKey="passphrase" error={fieldError}>
          <input
            ref={input}
            id="lock-passphrase"
            className="input"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-testid="lock-passphrase"
            {...invalidProps("lock-passphrase", fieldError)}
          />
        </Field>
        <Button type="submit" variant="primary" busy={busy} disabled={busy || passphrase.length === 0} data-testid="lock-unlock">
          {busy ? t("lock.unlocking") : t("lock.unlock")}
        </Button>
        <p className="lock-hint">{t("lock.forgotten")}</p>
      </form>
    </div>
  );
}

/** "Lock now", for the sidebar: shown only for an encrypted store. */
export function LockNowButton({ onLock, shown }: { onLock(): void; shown: boolean }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <button type="button" className="sidebar-lock" onClick={onLock} title={t("lock.lockNowHint")} aria-keyshortcuts="Control+L Meta+L" data-testid="lock-now">
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="5" y="10.5" width="14" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span>{t("lock.lockNow")}</span>
    </button>
  );
}
