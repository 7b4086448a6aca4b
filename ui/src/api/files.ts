import { open, save } from "@tauri-apps/plugin-dialog";
import type { ExportFormat } from "../bindings/ExportFormat";
import i18n from "../i18n";
import { hasTauriRuntime } from "./backend";
import { toApiError } from "./errors";

/** One entry of a native dialog's file-type list. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What a picker shows; every part has a default (organisations' CSV import/export). */
export interface PickOptions {
  title?: string;
  filters?: FileFilter[];
}

/** Native file pickers; injectable so tests never touch the dialog plugin. */
export interface FilePicker {
  /** Resolves to the chosen path, or null when the user cancelled. */
  pickOpenFile(options?: PickOptions): Promise<string | null>;
  /** Resolves to the chosen path, or null when the user cancelled. */
  pickSaveFile(defaultName: string, options?: PickOptions): Promise<string | null>;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `organisations-YYYY-MM-DD.csv` for the local date. */
export function defaultExportFileName(now: Date = new Date(), stem = "organisations"): string {
  return `${stem}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** The file extension of an export format (they are the same words). */
export function exportExtension(format: ExportFormat): string {
  return format;
}

/** `<reference>-signatories.<ext>`, the default name of a letter's published list. */
export function signatoriesFileName(reference: string, format: ExportFormat): string {
  return `${reference}-signatories.${exportExtension(format)}`;
}

/** The save dialog's filter for one export format. */
export function exportFormatFilter(format: ExportFormat): FileFilter {
  return {
    name: i18n.t("files.filterFormat", { format: i18n.t(`exportFormat.${format}`) }),
    extensions: [exportExtension(format)],
  };
}

/** CSV only (organisations, the signature matrix). */
export function csvFilters(): FileFilter[] {
  return [{ name: i18n.t("files.filterCsv"), extensions: ["csv"] }];
}

/** Tables the imports can read: CSV, TSV, TXT and XLSX. */
export function spreadsheetFilters(): FileFilter[] {
  return [
    { name: i18n.t("files.filterSpreadsheet"), extensions: ["csv", "tsv", "txt", "xlsx"] },
    { name: i18n.t("files.filterAll"), extensions: ["*"] },
  ];
}

function ensureRuntime(): void {
  if (!hasTauriRuntime()) {
    throw { code: "internal", message: i18n.t("errors.noRuntime"), field: null };
  }
}

export async function pickOpenFile(options: PickOptions = {}): Promise<string | null> {
  ensureRuntime();
  try {
    const chosen = await open({
      multiple: false,
      directory: false,
      title: options.title ?? i18n.t("files.openTitle"),
      filters: options.filters ?? [
        { name: i18n.t("files.filterTable"), extensions: ["csv", "txt", "tsv"] },
        { name: i18n.t("files.filterAll"), extensions: ["*"] },
      ],
    });
    return typeof chosen === "string" ? chosen : null;
  } catch (error) {
    throw toApiError(error);
  }
}

export async function pickSaveFile(
  defaultName: string = defaultExportFileName(),
  options: PickOptions = {},
): Promise<string | null> {
  ensureRuntime();
  try {
    return await save({
      title: options.title ?? i18n.t("files.saveTitle"),
      defaultPath: defaultName,
      filters: options.filters ?? csvFilters(),
    });
  } catch (error) {
    throw toApiError(error);
  }
}

export const tauriFilePicker: FilePicker = { pickOpenFile, pickSaveFile };

/** Chooses a folder with the native dialog (where an export writes its files); null when cancelled. */
export type OpenFolderPicker = (options?: { title?: string }) => Promise<string | null>;

export const pickOpenFolder: OpenFolderPicker = async (options = {}) => {
  ensureRuntime();
  try {
    const chosen = await open({ directory: true, multiple: false, title: options.title ?? i18n.t("files.openTitle") });
    return typeof chosen === "string" ? chosen : null;
  } catch (error) {
    throw toApiError(error);
  }
};
