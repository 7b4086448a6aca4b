import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { pickBackupFile, type FolderPicker } from "../../api/backup";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { BackupFile } from "../../bindings/BackupFile";
import type { RecoveryInfo } from "../../bindings/RecoveryInfo";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { AlertIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { formatDateTime } from "../../lib/dates";
import { BackupTable } from "./BackupsSection";
import { formatSize } from "./format";

/**
 * Shown instead of the app when the store failed its integrity check at startup
 * (`store_damaged`). The damaged file has not been written to; restoring a backup moves it
 * aside untouched and opens the backup in its place.
 */
export function RecoveryScreen({ error, onRecovered, chooseFile = pickBackupFile }: { error: ApiError; onRecovered: () => void; chooseFile?: FolderPicker }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [info, setInfo] = useState<RecoveryInfo | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busyPath, setBusyPath] = useState<string | null>(null);
  const primary = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    backend.recoveryInfo().then(
      (value) => live && setInfo(value),
      (raw: unknown) => live && setLoadError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend]);

  useEffect(() => {
    if (info) primary.current?.focus();
  }, [info]);

  const restore = async (path: string) => {
    setBusyPath(path);
    setActionError(null);
    try {
      const report = await backend.backupRestore(path);
      toast.success(
        t("recovery.restored"),
        report.damaged_moved_to ? t("recovery.restoredBody", { path: report.damaged_moved_to }) : undefined,
      );
      onRecovered();
    } catch (raw) {
      setActionError(toApiError(raw));
    } finally {
      setBusyPath(null);
    }
  };

  const onPick = async () => {
    setActionError(null);
    try {
      const chosen = await chooseFile(null);
      if (chosen) await restore(chosen);
    } catch (raw) {
      setActionError(toApiError(raw));
    }
  };

  const latest: BackupFile | undefined = info?.backups[0];
  return (
    <div className="recovery-screen" role="main" aria-labelledby="recovery-title" data-testid="recovery-screen">
      <div className="recovery-card">
        <header className="recovery-header">
          <AlertIcon size={22} className="recovery-icon" />
          <h1 id="recovery-title">{t("recovery.title")}</h1>
        </header>
        <p className="recovery-lead">{t("recovery.lead", { path: info?.path ?? "" })}</p>
        <p className="recovery-safe">{t("recovery.safe")}</p>
        <details className="recovery-detail">
          <summary>{t("recovery.detail")}</summary>
          <pre data-testid="recovery-problem">{info?.problem || error.message}</pre>
        </details>
        {loadError && <ErrorBanner error={loadError} testId="recovery-load-error" />}
        {actionError && <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} testId="recovery-error" />}
        {info && latest && (
          <div className="recovery-latest">
            <Button
              ref={primary}
              variant="primary"
              busy={busyPath === latest.path}
              disabled={busyPath !== null}
              onClick={() => void restore(latest.path)}
              data-testid="recovery-restore-latest"
            >
              {t("recovery.restoreLatest", { when: formatDateTime(latest.created_at), size: formatSize(latest.size_bytes) })}
            </Button>
          </div>
        )}
        {info && info.backups.length === 0 && (
          <p className="recovery-none" data-testid="recovery-none">
            {t("recovery.none")}
          </p>
        )}
        {info && info.backups.length > 0 && (
          <>
            <h2 className="subsection-title">{t("recovery.all", { count: info.backups.length })}</h2>
            <BackupTable files={info.backups} onRestore={(file) => void restore(file.path)} restoreLabel={t("recovery.restoreThis")} busyPath={busyPath} />
          </>
        )}
        <div className="recovery-other">
          <Button onClick={() => void onPick()} disabled={busyPath !== null} data-testid="recovery-pick">
            {t("recovery.pick")}
          </Button>
        </div>
      </div>
    </div>
  );
}
