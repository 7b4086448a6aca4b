import { vi, type Mock } from "vitest";
import type { BackupApi } from "../../api/backup";
import type { BackupFile } from "../../bindings/BackupFile";
import type { BackupSettings } from "../../bindings/BackupSettings";

export type FakeBackup = { [K in keyof BackupApi]: Mock<BackupApi[K]> };

const FOLDER = "/home/coordinator/.local/share/org.coalitiondesk.app/backups";

export function makeBackupFile(stamp: string, extra: Partial<BackupFile> = {}): BackupFile {
  const compact = stamp.replace(/[-:]/g, "").replace(/\.\d+/, "");
  const name = `coalition-${compact}.db`;
  return { name, path: `${FOLDER}/${name}`, created_at: stamp, size_bytes: 2_457_600, before_restore: false, ...extra };
}

/** Two backups and the default settings; backing up adds one, restoring keeps the current store first. */
export function fakeBackup(): FakeBackup {
  let files: BackupFile[] = [makeBackupFile("2026-11-21T09:00:00Z"), makeBackupFile("2026-11-20T09:00:00Z")];
  let settings: BackupSettings = {
    folder: FOLDER,
    default_folder: FOLDER,
    interval_hours: 4,
    last_backup_at: "2026-11-21T09:00:00.000Z",
    changed_since_last_backup: true,
  };
  return {
    backupSettings: vi.fn<BackupApi["backupSettings"]>(async () => settings),
    backupSettingsSet: vi.fn<BackupApi["backupSettingsSet"]>(async (input) => {
      if (input.interval_hours < 1 || input.interval_hours > 168) {
        throw { code: "validation", message: "the interval must be between 1 and 168 hours", field: "interval_hours" };
      }
      settings = { ...settings, folder: input.folder ?? FOLDER, interval_hours: input.interval_hours };
      return settings;
    }),
    backupsList: vi.fn<BackupApi["backupsList"]>(async () => files),
    backupNow: vi.fn<BackupApi["backupNow"]>(async () => {
      const backup = makeBackupFile("2026-11-22T10:30:00Z");
      files = [backup, ...files];
      settings = { ...settings, last_backup_at: "2026-11-22T10:30:00.000Z", changed_since_last_backup: false };
      return { backup, removed: [] };
    }),
    backupRestore: vi.fn<BackupApi["backupRestore"]>(async (path) => {
      const kept = makeBackupFile("2026-11-22T10:31:00Z", { before_restore: true });
      kept.name = kept.name.replace(".db", "-before-restore.db");
      kept.path = `${FOLDER}/${kept.name}`;
      files = [kept, ...files];
      return { restored_from: path, kept_current_as: kept.path, damaged_moved_to: null, schema_of_backup: 8, schema_now: 9 };
    }),
    recoveryInfo: vi.fn<BackupApi["recoveryInfo"]>(async () => ({
      path: "/home/coordinator/.local/share/org.coalitiondesk.app/coalition.db",
      problem: "database disk image is malformed",
      backups: files,
    })),
  };
}
