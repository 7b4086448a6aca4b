import type { ReactNode } from "react";

export interface FieldProps {
  /** id of the control this label belongs to. */
  htmlFor: string;
  label: ReactNode;
  /** Name used in `data-testid="field-error-<name>"` (the core's field name). */
  errorKey: string;
  error?: string | null | undefined;
  hint?: ReactNode;
  optional?: boolean;
  optionalLabel?: string;
  className?: string;
  children: ReactNode;
}

/** Label + control + inline error. The control should set aria-describedby={errorId(...)}. */
export function Field({ htmlFor, label, errorKey, error, hint, optional, optionalLabel, className, children }: FieldProps) {
  return (
    <div className={["field", error ? "has-error" : "", className ?? ""].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
        {optional && optionalLabel && <span className="field-optional">{optionalLabel}</span>}
      </label>
      {children}
      {error ? (
        <p className="field-error" id={errorId(htmlFor)} role="alert" data-testid={`field-error-${errorKey}`}>
          {error}
        </p>
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
}

export function errorId(controlId: string): string {
  return `${controlId}-error`;
}

/** Props to spread on a control so assistive tech links it to its error. */
export function invalidProps(controlId: string, error: string | null | undefined) {
  return error ? { "aria-invalid": true as const, "aria-describedby": errorId(controlId) } : {};
}
