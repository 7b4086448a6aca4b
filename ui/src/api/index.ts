export type { Backend } from "./backend";
export { tauriBackend, hasTauriRuntime } from "./backend";
export type { FilePicker, FileFilter, PickOptions } from "./files";
export {
  tauriFilePicker,
  pickOpenFile,
  pickSaveFile,
  defaultExportFileName,
  signatoriesFileName,
  exportFormatFilter,
  csvFilters,
  spreadsheetFilters,
} from "./files";
export type { ApiError } from "./errors";
export { toApiError, isApiError } from "./errors";
export { BackendProvider, useBackend, useFilePicker } from "./context";
