import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../bindings/ApiError";
import { toApiError } from "../api/errors";

export type FieldErrors = Partial<Record<string, string>>;

/** The form field an error's `field` names: exact, or the last segment of a dotted path. */
export function resolveField(field: string | null, fieldIds: Readonly<Record<string, string>>): string | null {
  if (!field) return null;
  if (field in fieldIds) return field;
  const last = field.split(".").pop() ?? field;
  return last in fieldIds ? last : null;
}

/**
 * Submission state for a form backed by one core command.
 * `fieldIds` maps the core's snake_case field names to control ids: an error
 * whose `field` is known is shown inline and its control focused; any other
 * error goes to the dialog's banner. Nothing is swallowed.
 */
export function useApiForm(fieldIds: Readonly<Record<string, string>>) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [bannerError, setBannerError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ id: string; n: number } | null>(null);
  const counter = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!focusRequest) return;
    const el = document.getElementById(focusRequest.id);
    if (el instanceof HTMLElement) el.focus();
  }, [focusRequest]);

  const reset = useCallback(() => {
    setFieldErrors({});
    setBannerError(null);
    setSubmitting(false);
  }, []);

  const showError = useCallback(
    (raw: unknown) => {
      const error = toApiError(raw);
      const key = resolveField(error.field, fieldIds);
      const controlId = key ? fieldIds[key] : undefined;
      if (key && controlId) {
        setFieldErrors({ [key]: error.message });
        setBannerError(null);
        setFocusRequest({ id: controlId, n: ++counter.current });
      } else {
        setFieldErrors({});
        // A field we have no control for: keep the field name visible in the banner.
        setBannerError(error.field ? { ...error, message: `${error.field}: ${error.message}` } : error);
      }
    },
    [fieldIds],
  );

  /** Runs `action`; resolves to its result, or undefined when it failed (error shown). */
  const submit = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      setSubmitting(true);
      setBannerError(null);
      try {
        const result = await action();
        if (mounted.current) setFieldErrors({});
        return result;
      } catch (raw) {
        if (mounted.current) showError(raw);
        return undefined;
      } finally {
        if (mounted.current) setSubmitting(false);
      }
    },
    [showError],
  );

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((prev) => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }, []);

  return { fieldErrors, bannerError, submitting, submit, reset, showError, clearFieldError, setBannerError };
}
