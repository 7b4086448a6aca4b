import { open, save } from "@tauri-apps/plugin-dialog";
import i18n from "../i18n";
import { hasTauriRuntime } from "./backend";
import { toApiError } from "./errors";

/** Native file pickers; injectable so tests never touch the dialog plugin. */
export interface FilePicker {
  /** Resolves to the chosen path, or null when the user cancelled. */
  pickOpenFile(): Promise<string | null>;
  /** Resolves to the chosen path, or null when the user cancelled. */
  pickSaveFile(defaultName: string): Promise<string | null>;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `organisations-YYYY-MM-DD.csv` for the local date. */
export function defaultExportFileName(now: Date = new Date(), stem = "organisations"): string {
  return `${stem}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

function ensureRuntime(): void {
  if (!hasTauriRuntime()) {
    throw { code: "internal", message: i18n.t("errors.noRuntime"), field: null };
  }
}

export async function pickOpenFile(): Promise<string | null> {
  ensureRuntime();
  try {
    const chosen = await open({
      multiple: false,
      directory: false,
      title: i18n.t("files.openTitle"),
      filters: [
        { name: i18n.t("files.filterTable"), extensions: ["csv", "txt", "tsv"] },
        { name: i18n.t("files.filterAll"), extensions: ["*"] },
      ],
    });
    return typeof chosen === "string" ? chosen : null;
  } catch (error) {
    throw toApiError(error);
  }
}

export async function pickSaveFile(defaultName: string = defaultExportFileName()): Promise<string | null> {
  ensureRuntime();
  try {
    return await save({
      title: i18n.t("files.saveTitle"),
      defaultPath: defaultName,
      filters: [{ name: i18n.t("files.filterCsv"), extensions: ["csv"] }],
    });
  } catch (error) {
    throw toApiError(error);
  }
}

export const tauriFilePicker: FilePicker = { pickOpenFile, pickSaveFile };
