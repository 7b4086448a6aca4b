import type { ApiError } from "../bindings/ApiError";

export type { ApiError };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** True when `value` already has the ApiError shape the core rejects with. */
export function isApiError(value: unknown): value is ApiError {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    typeof value.message === "string" &&
    (value.field === null || value.field === undefined || typeof value.field === "string")
  );
}

/**
 * Normalise anything a promise may reject with into an ApiError.
 * The core rejects with `{ code, message, field }`; a bare string or an Error
 * (e.g. a Tauri runtime failure, a plugin error) becomes code "internal".
 */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) {
    return { code: value.code, message: value.message, field: value.field ?? null };
  }
  if (typeof value === "string") {
    return { code: "internal", message: value, field: null };
  }
  if (value instanceof Error) {
    return { code: "internal", message: value.message || value.name, field: null };
  }
  if (isRecord(value) && typeof value.message === "string") {
    return { code: "internal", message: value.message, field: null };
  }
  let message: string;
  try {
    message = JSON.stringify(value) ?? String(value);
  } catch {
    message = String(value);
  }
  return { code: "internal", message, field: null };
}
