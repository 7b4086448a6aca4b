import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { EncryptionReport } from "../../bindings/EncryptionReport";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useToast } from "../../components/Toasts";
import { strengthOf, type Strength } from "./strength";

function StrengthHint({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  if (!passphrase) return null;
  const strength: Strength = strengthOf(passphrase);
  const text = {
    tooShort: t("security.strengthTooShort"),
    weak: t("security.strengthWeak"),
    fair: t("security.strengthFair"),
    strong: t("security.strengthStrong"),
  }[strength];
  return (
    <span className={`passphrase-strength is-${strength}`} data-testid="passphrase-strength" data-strength={strength}>
      {text}
    </span>
  );
}

function PasswordInput({ id, value, onChange, error, autoComplete }: { id: string; value: string; onChange(v: string): void; error: string | null; autoComplete: string }) {
  return (
    <input
      id={id}
      className="input"
      type="password"
      autoComplete={autoComplete}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={id}
      {...invalidProps(id, error)}
    />
  );
}

/** Shared frame: a form in a dialog, its error, a submit button. */
function PassphraseForm({
  open,
  onOpenChange,
  title,
  testId,
  submitLabel,
  busyLabel,
  danger,
  canSubmit,
  onSubmit,
  error,
  children,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  testId: string;
  submitLabel: string;
  busyLabel: string;
  danger?: boolean;
  canSubmit: boolean;
  onSubmit(): Promise<void>;
  error: ApiError | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit || busy) return;
    setBusy(true);
    try {
      await onSubmit();
    } finally {
      setBusy(false);
    }
  };
  const formId = `${testId}-form`;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !busy && onOpenChange(next)}
      title={title}
      testId={testId}
      footer={
        <>
          <Button type="button" variant="ghost" onClick={() => onOpenChange(false)} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" form={formId} variant={danger ? "danger" : "primary"} busy={busy} disabled={!canSubmit || busy} data-testid={`${testId}-submit`}>
            {busy ? busyLabel : submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="passphrase-form"
        onSubmit={submit}
        onKeyDown={(event) => {
          // Enter in a field submits, though the button sits in the dialog's footer.
          const target = event.target as HTMLInputElement;
          if (event.key === "Enter" && target.tagName === "INPUT" && target.type !== "checkbox") {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
      >
        {error && !error.field && <ErrorBanner error={error} testId={`${testId}-error`} />}
        {children}
      </form>
    </Dialog>
  );
}

const fieldError = (error: ApiError | null, field: string) => (error?.field === field ? error.message : null);

/** "Encrypt this store…": passphrase twice, a strength hint, the warning, the backups that follow. */
export function EncryptDialog({ open, onOpenChange, plainBackups, onDone }: { open: boolean; onOpenChange(open: boolean): void; plainBackups: number; onDone(report: EncryptionReport): void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mismatch = confirm.length > 0 && confirm !== passphrase ? t("security.mismatch") : null;
  const close = (next: boolean) => {
    if (!next) {
      setPassphrase("");
      setConfirm("");
      setUnderstood(false);
      setError(null);
    }
    onOpenChange(next);
  };
  return (
    <PassphraseForm
      open={open}
      onOpenChange={close}
      title={t("security.encryptTitle")}
      testId="encrypt-dialog"
      submitLabel={t("security.encryptSubmit")}
      busyLabel={t("security.encrypting")}
      canSubmit={passphrase.length > 0 && confirm === passphrase && understood}
      error={error}
      onSubmit={async () => {
        setError(null);
        try {
          const report = await backend.storeEncrypt(passphrase);
          toast.success(
            t("security.encrypted_done"),
            report.backups_encrypted.length ? t("security.encryptedBackups", { count: report.backups_encrypted.length }) : undefined,
          );
          close(false);
          onDone(report);
        } catch (raw) {
          setError(toApiError(raw));
        }
      }}
    >
      <p className="passphrase-intro">{t("security.encryptIntro")}</p>
      {plainBackups > 0 && (
        <p className="passphrase-intro" data-testid="encrypt-backups-note">
          {t("security.encryptBackups", { count: plainBackups })}
        </p>
      )}
      <p className="passphrase-warning" role="note">
        {t("security.encryptWarning")}
      </p>
      <Field htmlFor="encrypt-passphrase" label={t("security.newPassphrase")} errorKey="passphrase" error={fieldError(error, "passphrase")} hint={<StrengthHint passphrase={passphrase} />}>
        <PasswordInput id="encrypt-passphrase" value={passphrase} onChange={setPassphrase} error={fieldError(error, "passphrase")} autoComplete="new-password" />
      </Field>
      <Field htmlFor="encrypt-confirm" label={t("security.confirmPassphrase")} errorKey="confirm" error={mismatch}>
        <PasswordInput id="encrypt-confirm" value={confirm} onChange={setConfirm} error={mismatch} autoComplete="new-password" />
      </Field>
      <label className="checkbox-row">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="encrypt-understood" />
        <span>{t("security.understood")}</span>
      </label>
    </PassphraseForm>
  );
}

/** "Change passphrase…": the current one, the new one twice. */
export function ChangePassphraseDialog({ open, onOpenChange, onDone }: { open: boolean; onOpenChange(open: boolean): void; onDone(): void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const mismatch = confirm.length > 0 && confirm !== next ? t("security.mismatch") : null;
  const close = (value: boolean) => {
    if (!value) {
      setCurrent("");
      setNext("");
      setConfirm("");
      setError(null);
    }
    onOpenChange(value);
  };
  return (
    <PassphraseForm
      open={open}
      onOpenChange={close}
      title={t("security.changeTitle")}
      testId="change-passphrase-dialog"
      submitLabel={t("security.changeSubmit")}
      busyLabel={t("security.encrypting")}
      canSubmit={current.length > 0 && next.length > 0 && confirm === next}
      error={error}
      onSubmit={async () => {
        setError(null);
        try {
          const report = await backend.storeChangePassphrase(current, next);
          toast.success(t("security.changed"), report.backups_encrypted.length ? t("security.encryptedBackups", { count: report.backups_encrypted.length }) : undefined);
          close(false);
          onDone();
        } catch (raw) {
          setError(toApiError(raw));
        }
      }}
    >
      <p className="passphrase-intro">{t("security.changeIntro")}</p>
      <p className="passphrase-warning" role="note">
        {t("lock.forgotten")}
      </p>
      <Field htmlFor="change-current" label={t("security.currentPassphrase")} errorKey="passphrase" error={fieldError(error, "passphrase")}>
        <PasswordInput id="change-current" value={current} onChange={setCurrent} error={fieldError(error, "passphrase")} autoComplete="current-password" />
      </Field>
      <Field htmlFor="change-new" label={t("security.nextPassphrase")} errorKey="new_passphrase" error={fieldError(error, "new_passphrase")} hint={<StrengthHint passphrase={next} />}>
        <PasswordInput id="change-new" value={next} onChange={setNext} error={fieldError(error, "new_passphrase")} autoComplete="new-password" />
      </Field>
      <Field htmlFor="change-confirm" label={t("security.confirmPassphrase")} errorKey="confirm" error={mismatch}>
        <PasswordInput id="change-confirm" value={confirm} onChange={setConfirm} error={mismatch} autoComplete="new-password" />
      </Field>
    </PassphraseForm>
  );
}

/** "Remove encryption…": the current passphrase, and what it means. */
export function DecryptDialog({ open, onOpenChange, onDone }: { open: boolean; onOpenChange(open: boolean): void; onDone(): void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [current, setCurrent] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const close = (value: boolean) => {
    if (!value) {
      setCurrent("");
      setError(null);
    }
    onOpenChange(value);
  };
  return (
    <PassphraseForm
      open={open}
      onOpenChange={close}
      title={t("security.decryptTitle")}
      testId="decrypt-dialog"
      submitLabel={t("security.decryptSubmit")}
      busyLabel={t("security.encrypting")}
      danger
      canSubmit={current.length > 0}
      error={error}
      onSubmit={async () => {
        setError(null);
        try {
          await backend.storeDecrypt(current);
          toast.success(t("security.decrypted"));
          close(false);
          onDone();
        } catch (raw) {
          setError(toApiError(raw));
        }
      }}
    >
      <p className="passphrase-intro">{t("security.decryptIntro")}</p>
      <Field htmlFor="decrypt-current" label={t("security.currentPassphrase")} errorKey="passphrase" error={fieldError(error, "passphrase")}>
        <PasswordInput id="decrypt-current" value={current} onChange={setCurrent} error={fieldError(error, "passphrase")} autoComplete="current-password" />
      </Field>
    </PassphraseForm>
  );
}
