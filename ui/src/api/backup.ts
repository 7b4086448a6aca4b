import { open } from "@tauri-apps/plugin-dialog";
import type { BackupFile } from "../bindings/BackupFile";
import type { BackupReport } from "../bindings/BackupReport";
import type { BackupSettings } from "../bindings/BackupSettings";
import type { BackupSettingsInput } from "../bindings/BackupSettingsInput";
import type { RecoveryInfo } from "../bindings/RecoveryInfo";
import type { RestoreReport } from "../bindings/RestoreReport";
import i18n from "../i18n";
import { call, hasTauriRuntime } from "./call";
import { toApiError } from "./errors";

/** The backend methods for backups, restores and the recovery of a damaged store. */
export interface BackupApi {
  backupSettings(): Promise<BackupSettings>;
  backupSettingsSet(input: BackupSettingsInput): Promise<BackupSettings>;
  /** The backups in the folder, newest first. */
  backupsList(): Promise<BackupFile[]>;
  /** Backs up to the folder now, then rotates it. */
  backupNow(): Promise<BackupReport>;
  /**
   * Checks the backup, keeps the current store as a backup, then replaces the store (also over
   * a damaged store). `passphrase` opens an encrypted backup made under another passphrase.
   */
  backupRestore(path: string, passphrase?: string): Promise<RestoreReport>;
  /** Works while the store is closed: the damaged store's problem and the backups found for it. */
  recoveryInfo(): Promise<RecoveryInfo>;
}

export const backupBackend: BackupApi = {
  backupSettings: () => call("backup_settings"),
  backupSettingsSet: (input) => call("backup_settings_set", { input }),
  backupsList: () => call("backups_list"),
  backupNow: () => call("backup_now"),
  backupRestore: (path, passphrase) => call("backup_restore", passphrase ? { path, passphrase } : { path }),
  recoveryInfo: () => call("recovery_info"),
};

/** Chooses a folder with the native dialog; null when cancelled. */
export type FolderPicker = (current: string | null) => Promise<string | null>;

export const pickFolder: FolderPicker = async (current) => {
  if (!hasTauriRuntime()) throw { code: "internal", message: i18n.t("errors.noRuntime"), field: null };
  try {
    const chosen = await open({ directory: true, multiple: false, title: i18n.t("backup.folderDialogTitle"), ...(current ? { defaultPath: current } : {}) });
    return typeof chosen === "string" ? chosen : null;
  } catch (error) {
    throw toApiError(error);
  }
};

/** Chooses a backup file to restore with the native dialog; null when cancelled. */
export const pickBackupFile: FolderPicker = async (current) => {
  if (!hasTauriRuntime()) throw { code: "internal", message: i18n.t("errors.noRuntime"), field: null };
  try {
    const chosen = await open({
      directory: false,
      multiple: false,
      title: i18n.t("backup.fileDialogTitle"),
      filters: [{ name: i18n.t("backup.fileFilter"), extensions: ["db"] }],
      ...(current ? { defaultPath: current } : {}),
    });
    return typeof chosen === "string" ? chosen : null;
  } catch (error) {
    throw toApiError(error);
  }
};
