import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { ExportOptions } from "../../bindings/ExportOptions";
import type { LetterDetail } from "../../bindings/LetterDetail";
import type { SignatoryOrder } from "../../bindings/SignatoryOrder";
import { useBackend, useFilePicker } from "../../api/context";
import { toApiError } from "../../api/errors";
import { exportFormatFilter, signatoriesFileName } from "../../api/files";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { DownloadIcon } from "../../components/Icons";
import { ProgressPanel } from "../../components/ProgressPanel";
import { useLongOperation } from "../../components/useLongOperation";
import { useToast } from "../../components/Toasts";
import { IncludeSensitiveToggle } from "../data-protection/IncludeSensitiveToggle";
import { EXPORT_FORMATS, SIGNATORY_ORDERS } from "./enums";

export const PREVIEW_DEBOUNCE_MS = 200;

export const DEFAULT_EXPORT: ExportOptions = { format: "xlsx", order: "alpha", group_by_country: false, with_signers: false };

/** The letter's remembered choices, else alphabetical XLSX. */
export function initialExportOptions(detail: LetterDetail): ExportOptions {
  const c = detail.export_choices;
  return c ? { format: c.format, order: c.order, group_by_country: c.group_by_country, with_signers: c.with_signers } : DEFAULT_EXPORT;
}

/**
 * Format, order, country headings and signers; a live plain-text preview (debounced);
 * "Save…" asks for a path and writes the file (the core remembers the choices). Sensitive
 * signers' names are left out of both unless "Include sensitive people (N)" is ticked after
 * its warning; that choice is never remembered (off again at every opening).
 */
export function ExportDialog({
  open,
  detail,
  onClose,
  onExported,
}: {
  open: boolean;
  detail: LetterDetail;
  onClose: () => void;
  /** After a successful export (the remembered choices changed). */
  onExported: () => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const toast = useToast();
  const letterId = detail.letter.id;
  const [options, setOptions] = useState<ExportOptions>(() => initialExportOptions(detail));
  const [preview, setPreview] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [previewLoading, setPreviewLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const operation = useLongOperation();
  const [saveError, setSaveError] = useState<ApiError | null>(null);

  // Start from the remembered choices on every opening.
  useEffect(() => {
    if (!open) return;
    setOptions(initialExportOptions(detail));
    setIncludeSensitive(false);
    setPreview(null);
    setPreviewError(null);
    setSaveError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, letterId]);

  // Live preview: refetched (debounced) whenever an option changes; stale answers are dropped.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setPreviewLoading(true);
    const timer = setTimeout(() => {
      backend.letterPreview(letterId, options, includeSensitive).then(
        (text) => {
          if (!live) return;
          setPreview(text);
          setPreviewError(null);
          setPreviewLoading(false);
        },
        (raw: unknown) => {
          if (!live) return;
          setPreviewError(toApiError(raw));
          setPreviewLoading(false);
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, open, letterId, options, includeSensitive]);

  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => {
    setOptions((prev) => ({ ...prev, [key]: value }));
    setSaveError(null);
  };

  const save = async () => {
    setSaveError(null);
    try {
      const path = await files.pickSaveFile(signatoriesFileName(detail.letter.reference, options.format), {
        title: t("exportLetter.saveTitle"),
        filters: [exportFormatFilter(options.format)],
      });
      if (!path) return;
      setSaving(true);
      const written = await operation.run((tracking) => backend.letterExport(letterId, options, path, tracking, includeSensitive));
      if (written === undefined) return; // cancelled: no file, the dialog stays
      toast.success(t("exportLetter.done", { count: written, path }));
      onExported();
      onClose();
    } catch (raw) {
      setSaveError(toApiError(raw));
    } finally {
      setSaving(false);
    }
  };

  const groupIgnored = options.format === "json";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !saving && onClose()}
      title={t("exportLetter.title")}
      description={detail.letter.title}
      size="lg"
      testId="letter-export-dialog"
      footer={
        <>
          <span className="footer-note">{t("exportLetter.signatories", { count: detail.counts.signed })}</span>
          <span className="footer-spacer" />
          <Button variant="secondary" onClick={onClose} disabled={saving}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" icon={<DownloadIcon size={14} />} onClick={save} busy={saving} data-testid="export-save">
            {t("exportLetter.save")}
          </Button>
        </>
      }
    >
      {saveError && <ErrorBanner error={saveError} testId="export-error" />}
      <ProgressPanel operation={operation} />
      <div className="export-layout">
        <div className="export-options">
          <div className="field">
            <label className="field-label" htmlFor="export-format">
              {t("exportLetter.format")}
            </label>
            <select
              id="export-format"
              name="export-format"
              className="input select"
              value={options.format}
              onChange={(e) => set("format", e.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {t(`exportFormat.${format}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="radio-group">
            <legend className="field-label">{t("exportLetter.order")}</legend>
            {SIGNATORY_ORDERS.map((order) => (
              <label key={order} className="checkbox-row">
                <input
                  type="radio"
                  name="export-order"
                  value={order}
                  checked={options.order === order}
                  onChange={() => set("order", order as SignatoryOrder)}
                  data-testid={`export-order-${order}`}
                />
                <span>{t(`signatoryOrder.${order}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="checkbox-stack">
            <label className="checkbox-row">
              <input
                type="checkbox"
                id="export-group"
                checked={options.group_by_country}
                onChange={(e) => set("group_by_country", e.target.checked)}
                data-testid="export-group"
              />
              <span>{t("exportLetter.groupByCountry")}</span>
            </label>
            {groupIgnored && options.group_by_country && <p className="field-hint">{t("exportLetter.groupIgnored")}</p>}
            <label className="checkbox-row">
              <input
                type="checkbox"
                id="export-signers"
                checked={options.with_signers}
                onChange={(e) => set("with_signers", e.target.checked)}
                data-testid="export-signers"
              />
              <span>{t("exportLetter.withSigners")}</span>
            </label>
            <IncludeSensitiveToggle
              scope={{ scope: "letter", letter_id: letterId }}
              checked={includeSensitive}
              onChange={(include) => {
                setIncludeSensitive(include);
                setSaveError(null);
              }}
              testId="export-include-sensitive"
            />
          </div>
        </div>
        <div className="export-preview">
          <div className="export-preview-head">
            <span className="section-title">{t("exportLetter.preview")}</span>
            {previewLoading && <span className="loading-dot" aria-hidden="true" />}
          </div>
          {previewError ? (
            <ErrorBanner error={previewError} testId="export-preview-error" />
          ) : (
            <pre className="preview-pane selectable" data-testid="export-preview" aria-busy={previewLoading} aria-live="polite">
              {preview ?? t("common.loading")}
            </pre>
          )}
        </div>
      </div>
    </Dialog>
  );
}
