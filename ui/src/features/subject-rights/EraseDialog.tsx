import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { ErasureCategory } from "../../bindings/ErasureCategory";
import type { ErasurePreview } from "../../bindings/ErasurePreview";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useToast } from "../../components/Toasts";
import { categoryLabel, sameName } from "./labels";

/** The anonymous marker an erased signer is replaced by (the core's `subject_rights::ERASED`). */
export const ERASED_MARKER = "(erased)";

function CategoryList({ categories, testId }: { categories: ErasureCategory[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="erase-categories" data-testid={testId}>
      {categories.map((c) => (
        <li key={c.key} data-testid={`erase-category-${c.key}`}>
          <span className="erase-category-label">{categoryLabel(t, c)}</span>
          {c.examples.length > 0 && (
            <span className="erase-category-examples">
              {c.examples.join(" · ")}
              {c.count > c.examples.length && ` ${t("subjectRights.more", { count: c.count - c.examples.length })}`}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Erasing one person: the core's preview (what goes, what stays with the person taken out,
 * the backups note), then the person's name typed to confirm; the erase button stays disabled
 * until it matches. Open while mounted; `onClose` when dismissed, `onErased` after erasure
 * (a toast has said so). Reused by the retention review.
 */
export function EraseDialog({
  personId,
  onErased,
  onClose,
}: {
  personId: string;
  onErased: (result: ErasurePreview) => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [preview, setPreview] = useState<ErasurePreview | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setPreview(await backend.erasurePreview(personId));
    } catch (raw) {
      setLoadError(toApiError(raw));
    }
  }, [backend, personId]);

  useEffect(() => {
    void load();
  }, [load]);

  const matches = preview !== null && (sameName(typed, preview.display_name) || typed.trim() === preview.confirm_token);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!preview || !matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await backend.personErase(personId, typed);
      toast.success(t("subjectRights.erased", { name: preview.display_name }), t("subjectRights.erasedBody", { marker: ERASED_MARKER }));
      onErased(result);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = error?.field === "confirm" ? error.message : null;
  const name = preview?.display_name ?? "";

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !busy) onClose?.();
      }}
      title={preview ? t("subjectRights.eraseTitle", { name }) : t("subjectRights.eraseButton")}
      size="lg"
      testId="erase-dialog"
      footer={
        <>
          <Button onClick={() => onClose?.()} disabled={busy} data-testid="erase-cancel">
            {t("subjectRights.cancel")}
          </Button>
          <Button variant="danger" onClick={() => void submit()} disabled={!matches} busy={busy} data-testid="erase-submit">
            {t("subjectRights.erase")}
          </Button>
        </>
      }
    >
      {loadError && <ErrorBanner error={loadError} onRetry={() => void load()} testId="erase-preview-error" />}
      {!preview && !loadError && <p className="cell-muted">{t("subjectRights.loadingPreview")}</p>}
      {preview && (
        <form className="erase-form" onSubmit={submit} data-testid="erase-preview">
          <p>{t("subjectRights.eraseIntro")}</p>
          <h3 className="erase-heading">{t("subjectRights.removedHeading")}</h3>
          <CategoryList categories={preview.removed} testId="erase-removed" />
          <h3 className="erase-heading">{t("subjectRights.anonymisedHeading")}</h3>
          {preview.anonymised.length > 0 ? (
            <CategoryList categories={preview.anonymised} testId="erase-anonymised" />
          ) : (
            <p className="cell-muted">{t("subjectRights.nothingAnonymised")}</p>
          )}
          {preview.mentions.length > 0 && (
            <>
              <h3 className="erase-heading">{t("subjectRights.mentionsHeading")}</h3>
              <p className="cell-muted">{t("subjectRights.mentionsHint")}</p>
              <ul className="erase-categories" data-testid="erase-mentions">
                {preview.mentions.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
          <h3 className="erase-heading">{t("subjectRights.backupsHeading")}</h3>
          <p className="erase-backups" data-testid="erase-backups-note">
            {preview.backups_note}
          </p>
          {error && !fieldError && <ErrorBanner error={error} testId="erase-error" />}
          <Field htmlFor="erase-confirm" label={t("subjectRights.confirmLabel", { name })} errorKey="confirm" error={fieldError} hint={t("subjectRights.confirmHint")}>
            <input
              id="erase-confirm"
              className="input"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              data-testid="erase-confirm-input"
              {...invalidProps("erase-confirm", fieldError)}
            />
          </Field>
        </form>
      )}
    </Dialog>
  );
}
