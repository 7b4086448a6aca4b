import { invoke, isTauri } from "@tauri-apps/api/core";
import i18n from "../i18n";
import { toApiError } from "./errors";

/** True when the page runs inside the Tauri webview (IPC available). */
export function hasTauriRuntime(): boolean {
  if (typeof window === "undefined") return false;
  try {
    if (isTauri()) return true;
  } catch {
    // fall through to the internals check
  }
  return "__TAURI_INTERNALS__" in window;
}

/** Invokes a Tauri command; rejects with an `ApiError` only. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasTauriRuntime()) {
    throw { code: "internal", message: i18n.t("errors.noRuntime"), field: null };
  }
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

