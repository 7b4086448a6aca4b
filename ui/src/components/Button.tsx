import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: "sm" | "md";
  icon?: ReactNode;
  /** Keyboard shortcut shown after the label, e.g. "Ctrl N". */
  shortcut?: string;
  busy?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "secondary", size = "md", icon, shortcut, busy, className, children, type, disabled, ...rest },
  ref,
) {
  const classes = ["btn", `btn-${variant}`, `btn-${size}`, busy ? "is-busy" : "", className ?? ""]
    .filter(Boolean)
    .join(" ");
  return (
    <button
      ref={ref}
      type={type ?? "button"}
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : icon}
      {children !== undefined && <span className="btn-label">{children}</span>}
      {shortcut && (
        <kbd className="btn-kbd" aria-hidden="true">
          {shortcut}
        </kbd>
      )}
    </button>
  );
});
