import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CloseIcon } from "./Icons";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** Buttons row; rendered at the bottom, right-aligned. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg" | "xl";
  testId?: string;
  /** Called instead of the default autofocus (e.g. to focus a specific field). */
  onOpenAutoFocus?: (event: Event) => void;
  /** Keys pressed anywhere in the dialog (e.g. a wizard's Enter = Next). */
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/** Modal dialog: focus trap, Esc to close, labelled by its title. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = "md",
  testId,
  onOpenAutoFocus,
  onKeyDown,
}: DialogProps) {
  const { t } = useTranslation();
  const contentRef = useRef<HTMLDivElement>(null);
  const autoFocus = (event: Event) => {
    if (onOpenAutoFocus) return onOpenAutoFocus(event);
    // Start in the first field rather than on the close button.
    const first = contentRef.current?.querySelector<HTMLElement>(
      ".dialog-body input:not([type=hidden]):not([disabled]):not(.sr-only), .dialog-body select:not([disabled]), .dialog-body textarea:not([disabled])",
    );
    if (first) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          ref={contentRef}
          className={`dialog dialog-${size}`}
          data-testid={testId}
          onOpenAutoFocus={autoFocus}
          onKeyDown={onKeyDown}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <header className="dialog-header">
            <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="icon-btn" aria-label={t("common.close")}>
              <CloseIcon size={16} />
            </RadixDialog.Close>
          </header>
          {description && (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          )}
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
