import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { SecurityStatus } from "../../bindings/SecurityStatus";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field } from "../../components/Field";
import { useToast } from "../../components/Toasts";
import { useLock } from "../lock/LockGate";
import { ChangePassphraseDialog, DecryptDialog, EncryptDialog } from "../lock/PassphraseDialogs";

/** The idle times offered, in minutes (0: never); the core accepts exactly these. */
const IDLE_CHOICES = [0, 5, 15, 30, 60] as const;

/** Settings > Security: encrypt the store, change or remove its passphrase, the idle lock. */
export function SecuritySection() {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const lock = useLock();
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<"encrypt" | "change" | "decrypt" | null>(null);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    backend.securityStatus().then(
      (value) => {
        if (!live) return;
        setStatus(value);
        setError(null);
      },
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, token]);

  const changed = () => {
    setToken((n) => n + 1);
    lock?.refresh();
  };

  const idleLabel = (minutes: number) =>
    ({ 0: t("security.idleNever"), 5: t("security.idle5"), 15: t("security.idle15"), 30: t("security.idle30"), 60: t("security.idle60") })[minutes] ?? String(minutes);

  const onIdle = async (minutes: number) => {
    setError(null);
    try {
      const next = await backend.securitySetIdleLock(minutes);
      setStatus(next);
      lock?.refresh();
      toast.success(minutes ? t("security.idleSaved", { minutes }) : t("security.idleSavedNever"));
    } catch (raw) {
      setError(toApiError(raw));
    }
  };

  const encrypted = status?.encrypted === true;
  return (
    <section className="settings-section security-section" aria-labelledby="security-section-title" data-testid="security-section">
      <h2 id="security-section-title" className="section-title">
        {t("security.title")}
      </h2>
      {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="security-error" />}
      {status && (
        <>
          <p className={`security-state ${encrypted ? "is-encrypted" : "is-plain"}`} data-testid="security-state">
            {encrypted ? t("security.encrypted") : t("security.notEncrypted")}
          </p>
          <div className="security-actions">
            {encrypted ? (
              <>
                <Button onClick={() => setDialog("change")} data-testid="security-change">
                  {t("security.changePassphrase")}
                </Button>
                <Button variant="ghost" onClick={() => setDialog("decrypt")} data-testid="security-decrypt">
                  {t("security.decrypt")}
                </Button>
                {lock && (
                  <Button variant="ghost" onClick={lock.lockNow} data-testid="security-lock-now" shortcut="Ctrl L">
                    {t("lock.lockNow")}
                  </Button>
                )}
              </>
            ) : (
              <Button variant="primary" onClick={() => setDialog("encrypt")} data-testid="security-encrypt">
                {t("security.encrypt")}
              </Button>
            )}
          </div>
          <Field
            htmlFor="security-idle"
            label={t("security.idle")}
            errorKey="idle_lock_minutes"
            hint={encrypted ? t("security.idleHint") : t("security.idleNeedsPassphrase")}
          >
            <select
              id="security-idle"
              className="input security-idle"
              value={encrypted ? status.idle_lock_minutes : 0}
              disabled={!encrypted}
              onChange={(e) => void onIdle(Number(e.target.value))}
              data-testid="security-idle"
            >
              {IDLE_CHOICES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {idleLabel(minutes)}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <EncryptDialog open={dialog === "encrypt"} onOpenChange={(open) => setDialog(open ? "encrypt" : null)} plainBackups={status?.plain_backups ?? 0} onDone={changed} />
      <ChangePassphraseDialog open={dialog === "change"} onOpenChange={(open) => setDialog(open ? "change" : null)} onDone={changed} />
      <DecryptDialog open={dialog === "decrypt"} onOpenChange={(open) => setDialog(open ? "decrypt" : null)} onDone={changed} />
    </section>
  );
}
