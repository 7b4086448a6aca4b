export type { Backend } from "./backend";
export { tauriBackend, hasTauriRuntime } from "./backend";
export type { FilePicker } from "./files";
export { tauriFilePicker, pickOpenFile, pickSaveFile, defaultExportFileName } from "./files";
export type { ApiError } from "./errors";
export { toApiError, isApiError } from "./errors";
export { BackendProvider, useBackend, useFilePicker } from "./context";
