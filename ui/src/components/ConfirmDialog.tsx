import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../bindings/ApiError";
import { ErrorBanner } from "./ErrorBanner";

/** Asks before a consequential action; stays open and shows the error if the action fails. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  body,
  confirmLabel,
  onConfirm,
  busy,
  error,
  danger,
  testId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  busy?: boolean;
  error?: ApiError | null;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog dialog-sm" data-testid={testId}>
          <header className="dialog-header">
            <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          </header>
          <AlertDialog.Description className="dialog-description">{body}</AlertDialog.Description>
          {error && (
            <div className="dialog-body">
              <ErrorBanner error={error} />
            </div>
          )}
          <footer className="dialog-footer">
            <AlertDialog.Cancel className="btn btn-secondary btn-md">{t("common.cancel")}</AlertDialog.Cancel>
            <button
              type="button"
              className={`btn btn-md ${danger ? "btn-danger" : "btn-primary"}`}
              onClick={onConfirm}
              disabled={busy}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              <span className="btn-label">{confirmLabel}</span>
            </button>
          </footer>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
