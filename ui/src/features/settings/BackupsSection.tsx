import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { pickBackupFile, pickFolder, type FolderPicker } from "../../api/backup";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { BackupFile } from "../../bindings/BackupFile";
import type { BackupSettings } from "../../bindings/BackupSettings";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { BackupPassphraseField, needsBackupPassphrase } from "../lock/BackupPassphraseField";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { DatabaseIcon, RestoreIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { useApiForm } from "../../components/useApiForm";
import { formatDateTime } from "../../lib/dates";
import { useStoreInfo } from "../../app/storeInfo";
import { formatSize } from "./format";

const FIELDS = { interval_hours: "backup-interval", folder: "backup-folder-change" } as const;

/** What a restore is about to put back: a listed backup, or a file picked on disk. */
interface RestoreTarget {
  path: string;
  label: string;
}

/**
 * Backups on the Settings page: the folder (native folder dialog), the interval of automatic
 * backups, "Back up now", the list of backups and "Restore…" (the current store is kept as a
 * backup first, which the confirmation says).
 */
export function BackupsSection({
  chooseFolder = pickFolder,
  chooseFile = pickBackupFile,
}: {
  chooseFolder?: FolderPicker;
  chooseFile?: FolderPicker;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const storeInfo = useStoreInfo();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [files, setFiles] = useState<BackupFile[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const [interval, setIntervalText] = useState("");
  const [backingUp, setBackingUp] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<ApiError | null>(null);
  const [restorePassphrase, setRestorePassphrase] = useState("");
  const form = useApiForm(FIELDS);

  useEffect(() => {
    let live = true;
    Promise.all([backend.backupSettings(), backend.backupsList()]).then(
      ([s, list]) => {
        if (!live) return;
        setSettings(s);
        setIntervalText(String(s.interval_hours));
        setFiles(list);
        setLoadError(null);
      },
      (raw: unknown) => live && setLoadError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, token]);

  const refresh = useCallback(() => setToken((n) => n + 1), []);

  const save = async (folder: string | null, hours: number) => {
    const saved = await form.submit(() => backend.backupSettingsSet({ folder, interval_hours: hours }));
    if (saved) {
      setSettings(saved);
      setIntervalText(String(saved.interval_hours));
      toast.success(t("backup.saved"));
      refresh();
    }
  };

  const customFolder = (s: BackupSettings) => (s.folder === s.default_folder ? null : s.folder);

  const onIntervalSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    const hours = Number(interval.trim());
    void save(customFolder(settings), Number.isInteger(hours) ? hours : 0);
  };

  const onChangeFolder = async () => {
    if (!settings) return;
    setActionError(null);
    try {
      const chosen = await chooseFolder(settings.folder || null);
      if (chosen) await save(chosen, settings.interval_hours);
    } catch (raw) {
      setActionError(toApiError(raw));
    }
  };

  const onBackUpNow = async () => {
    setBackingUp(true);
    setActionError(null);
    try {
      const report = await backend.backupNow();
      toast.success(
        t("backup.done"),
        report.removed.length > 0
          ? t("backup.doneRotated", { name: report.backup.name, count: report.removed.length })
          : t("backup.doneBody", { name: report.backup.name }),
      );
      refresh();
    } catch (raw) {
      setActionError(toApiError(raw));
    } finally {
      setBackingUp(false);
    }
  };

  const onPickFile = async () => {
    setActionError(null);
    try {
      const chosen = await chooseFile(settings?.folder || null);
      if (chosen) setRestoring({ path: chosen, label: chosen });
    } catch (raw) {
      setActionError(toApiError(raw));
    }
  };

  const onRestore = async () => {
    if (!restoring) return;
    setRestoreBusy(true);
    setRestoreError(null);
    try {
      const report = restorePassphrase ? await backend.backupRestore(restoring.path, restorePassphrase) : await backend.backupRestore(restoring.path);
      setRestoring(null);
      setRestorePassphrase("");
      toast.success(
        t("backup.restored"),
        report.kept_current_as ? t("backup.restoredBody", { path: report.kept_current_as }) : undefined,
      );
      storeInfo.reload();
      refresh();
    } catch (raw) {
      setRestoreError(toApiError(raw));
    } finally {
      setRestoreBusy(false);
    }
  };

  return (
    <section className="settings-section backup-section" aria-labelledby="backup-section-title" data-testid="backup-section">
      <h2 id="backup-section-title" className="section-title">
        {t("backup.title")}
      </h2>
      <p className="backup-intro">{t("backup.intro")}</p>
      {loadError && <ErrorBanner error={loadError} onRetry={refresh} testId="backup-load-error" />}
      {actionError && <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} testId="backup-error" />}
      {form.bannerError && <ErrorBanner error={form.bannerError} onDismiss={() => form.setBannerError(null)} testId="backup-form-error" />}
      {settings && (
        <>
          <div className="backup-status" aria-live="polite" data-testid="backup-status">
            {settings.last_backup_at
              ? t("backup.lastAt", { when: formatDateTime(settings.last_backup_at) })
              : t("backup.never")}{" "}
            <span className={settings.changed_since_last_backup ? "backup-changed" : "backup-current"}>
              {settings.changed_since_last_backup ? t("backup.changed") : t("backup.upToDate")}
            </span>
          </div>
          <div className="backup-actions">
            <Button variant="primary" icon={<DatabaseIcon size={14} />} busy={backingUp} onClick={() => void onBackUpNow()} data-testid="backup-now">
              {backingUp ? t("backup.backingUp") : t("backup.now")}
            </Button>
            <Button icon={<RestoreIcon size={14} />} onClick={() => void onPickFile()} data-testid="backup-restore-file">
              {t("backup.restoreFile")}
            </Button>
          </div>
          <div className="backup-settings-grid">
            <Field htmlFor={FIELDS.folder} label={t("backup.folder")} errorKey="folder" error={form.fieldErrors.folder}>
              <div className="backup-folder-row">
                <code className="backup-folder" data-testid="backup-folder">
                  {settings.folder}
                </code>
                <Button id={FIELDS.folder} size="sm" onClick={() => void onChangeFolder()} data-testid="backup-folder-change" {...invalidProps(FIELDS.folder, form.fieldErrors.folder)}>
                  {t("backup.changeFolder")}
                </Button>
                {settings.default_folder && settings.folder !== settings.default_folder && (
                  <Button size="sm" variant="ghost" onClick={() => void save(null, settings.interval_hours)} data-testid="backup-folder-default">
                    {t("backup.useDefault")}
                  </Button>
                )}
              </div>
            </Field>
            <form className="backup-interval-form" onSubmit={onIntervalSubmit} noValidate>
              <Field
                htmlFor={FIELDS.interval_hours}
                label={t("backup.interval")}
                errorKey="interval_hours"
                error={form.fieldErrors.interval_hours}
                hint={t("backup.intervalHint")}
              >
                <div className="backup-interval-row">
                  <input
                    id={FIELDS.interval_hours}
                    className="input backup-interval-input"
                    type="number"
                    min={1}
                    max={168}
                    value={interval}
                    onChange={(e) => {
                      setIntervalText(e.target.value);
                      form.clearFieldError("interval_hours");
                    }}
                    data-testid="backup-interval"
                    {...invalidProps(FIELDS.interval_hours, form.fieldErrors.interval_hours)}
                  />
                  <span className="backup-unit">{t("backup.hours")}</span>
                  <Button type="submit" size="sm" busy={form.submitting} disabled={interval === String(settings.interval_hours)} data-testid="backup-interval-save">
                    {t("backup.saveInterval")}
                  </Button>
                </div>
              </Field>
            </form>
          </div>
        </>
      )}
      {files && (
        <div className="backup-list-wrap">
          <h3 className="subsection-title">{t("backup.listTitle", { count: files.length })}</h3>
          {files.length === 0 ? (
            <p className="backup-empty" data-testid="backup-empty">
              {t("backup.none")}
            </p>
          ) : (
            <BackupTable files={files} onRestore={(file) => setRestoring({ path: file.path, label: formatDateTime(file.created_at) })} />
          )}
        </div>
      )}
      <ConfirmDialog
        open={restoring !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRestoring(null);
            setRestoreError(null);
            setRestorePassphrase("");
          }
        }}
        title={t("backup.confirmTitle")}
        body={
          <>
            {t("backup.confirmBody", { what: restoring?.label ?? "" })}
            {/* An encrypted backup made under another passphrase asks for it here. */}
            {needsBackupPassphrase(restoreError) && (
              <BackupPassphraseField value={restorePassphrase} onChange={setRestorePassphrase} />
            )}
          </>
        }
        confirmLabel={t("backup.confirm")}
        onConfirm={() => void onRestore()}
        busy={restoreBusy}
        error={restoreError}
        danger
        testId="backup-restore-dialog"
      />
    </section>
  );
}

/** The backups, newest first, each with its date, size and a Restore… button. */
export function BackupTable({
  files,
  onRestore,
  restoreLabel,
  busyPath,
}: {
  files: BackupFile[];
  onRestore: (file: BackupFile) => void;
  restoreLabel?: string;
  busyPath?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <table className="backup-table" data-testid="backup-table">
      <thead>
        <tr>
          <th scope="col">{t("backup.colDate")}</th>
          <th scope="col">{t("backup.colSize")}</th>
          <th scope="col">{t("backup.colFile")}</th>
          <th scope="col">
            <span className="sr-only">{t("backup.colActions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.path} data-testid="backup-row">
            <td>
              {formatDateTime(file.created_at)}
              {file.before_restore && <span className="backup-tag">{t("backup.beforeRestore")}</span>}
            </td>
            <td className="backup-size">{formatSize(file.size_bytes)}</td>
            <td className="backup-name" title={file.path}>
              {file.name}
            </td>
            <td className="backup-row-actions">
              <Button size="sm" busy={busyPath === file.path} onClick={() => onRestore(file)} data-testid="backup-restore">
                {restoreLabel ?? t("backup.restore")}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
