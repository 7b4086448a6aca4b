import { useTranslation } from "react-i18next";
import type { ApiError } from "../bindings/ApiError";
import { AlertIcon, CloseIcon } from "./Icons";

/** A visible, non-dismissable-by-accident error: message, code, optional retry. */
export function ErrorBanner({
  error,
  onRetry,
  onDismiss,
  testId = "error-banner",
}: {
  error: ApiError;
  onRetry?: () => void;
  onDismiss?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert" data-testid={testId}>
      <AlertIcon className="banner-icon" />
      <div className="banner-body">
        <span className="banner-message">{error.message}</span>
        <span className="banner-code">{t("errors.code", { code: error.code })}</span>
      </div>
      {onRetry && (
        <button type="button" className="banner-action" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="icon-btn" onClick={onDismiss} aria-label={t("common.dismiss")}>
          <CloseIcon size={14} />
        </button>
      )}
    </div>
  );
}
