import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { SensitiveScope } from "../../bindings/SensitiveScope";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";

/**
 * "Include sensitive people (N)" beside an export: off by default; turning it on asks first
 * (a warning that names how many), turning it off does not. Hidden while nobody in the
 * export's scope is flagged sensitive.
 */
export function IncludeSensitiveToggle({
  scope,
  checked,
  onChange,
  testId = "include-sensitive",
}: {
  scope: SensitiveScope;
  checked: boolean;
  onChange: (include: boolean) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState(false);
  const key = JSON.stringify(scope);
  useEffect(() => {
    let live = true;
    backend
      .privacySensitiveCount(scope)
      .then((n) => live && (setCount(n), setError(null)))
      .catch((raw) => live && setError(toApiError(raw)));
    return () => {
      live = false;
    };
    // The scope's value, not its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, key]);

  if (error) return <ErrorBanner error={error} testId={`${testId}-error`} />;
  if (!count) return null;
  return (
    <>
      <label className="checkbox-row include-sensitive" data-testid={testId}>
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => (e.target.checked ? setAsking(true) : onChange(false))}
          data-testid={`${testId}-checkbox`}
        />
        <span>{t("privacy.include.label", { count })}</span>
      </label>
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title={t("privacy.include.confirmTitle")}
        body={t("privacy.include.confirmBody", { count })}
        confirmLabel={t("privacy.include.confirm")}
        danger
        testId={`${testId}-confirm-dialog`}
        onConfirm={() => {
          setAsking(false);
          onChange(true);
        }}
      />
    </>
  );
}
