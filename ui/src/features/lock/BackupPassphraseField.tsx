import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";

/** True when a restore was refused for want of the backup's passphrase (or a wrong one). */
export function needsBackupPassphrase(error: ApiError | null): boolean {
  return error?.code === "passphrase_required" || (error?.code === "validation" && error.field === "passphrase");
}

/** The passphrase of an encrypted backup, asked for in the restore dialog. */
export function BackupPassphraseField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <span className="backup-passphrase">
      <label htmlFor="backup-passphrase" className="field-label">
        {t("lock.backupPassphrase")}
      </label>
      <input
        id="backup-passphrase"
        className="input"
        type="password"
        autoComplete="off"
        value={value}
        autoFocus
        onChange={(e) => onChange(e.target.value)}
        data-testid="backup-passphrase"
      />
    </span>
  );
}
