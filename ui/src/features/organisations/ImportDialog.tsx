import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { ImportReport } from "../../bindings/ImportReport";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";

export interface ImportPreview {
  path: string;
  report: ImportReport;
}

function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

function Stat({ label, value, tone, testId }: { label: string; value: number; tone?: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <div className={`stat ${tone ? `stat-${tone}` : ""}`} data-testid={testId}>
      <div className="stat-value">{value.toLocaleString(i18n.language)}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/**
 * Dry-run preview of an import: what would change, every rejected line, and the
 * explicit choice to skip rejected rows. Committing re-runs the import for real.
 */
export function ImportDialog({
  preview,
  onClose,
  onCommitted,
}: {
  preview: ImportPreview | null;
  onClose: () => void;
  onCommitted: (report: ImportReport) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [report, setReport] = useState<ImportReport | null>(preview?.report ?? null);
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notCommitted, setNotCommitted] = useState(false);

  useEffect(() => {
    setReport(preview?.report ?? null);
    setSkip(false);
    setBusy(false);
    setError(null);
    setNotCommitted(false);
  }, [preview]);

  const open = preview !== null;
  const issues = report?.issues ?? [];
  const hasIssues = issues.length > 0 || (report?.rejected ?? 0) > 0;
  const canImport = report !== null && !busy && (!hasIssues || skip);

  const commit = async () => {
    if (!preview || !canImport) return;
    setBusy(true);
    setError(null);
    setNotCommitted(false);
    try {
      const result = await backend.orgsImport(preview.path, { dry_run: false, skip_invalid: hasIssues && skip });
      if (result.committed) {
        onCommitted(result);
      } else {
        // The file changed or the core refused: show what it says now.
        setReport(result);
        setSkip(false);
        setNotCommitted(true);
      }
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !busy) onClose();
      }}
      title={t("import.title")}
      description={preview ? t("import.file", { name: fileName(preview.path) }) : undefined}
      size="lg"
      testId="import-preview"
      footer={
        <>
          {hasIssues && report && (
            <label className="checkbox-row import-skip">
              <input
                type="checkbox"
                checked={skip}
                onChange={(e) => setSkip(e.target.checked)}
                disabled={busy}
                data-testid="import-skip"
              />
              <span>{t("import.skip", { count: report.rejected })}</span>
            </label>
          )}
          <span className="footer-spacer" />
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" onClick={commit} disabled={!canImport} busy={busy} data-testid="import-commit">
            {t("import.commit")}
          </Button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      {notCommitted && (
        <div className="banner banner-warning" role="alert" data-testid="import-not-committed">
          {t("import.notCommitted")}
        </div>
      )}
      {report && (
        <div className="import-preview">
          <div className="stats">
            <Stat label={t("import.rows")} value={report.rows} testId="import-rows" />
            <Stat label={t("import.wouldCreate")} value={report.created} tone="good" testId="import-created" />
            <Stat label={t("import.wouldUpdate")} value={report.updated} tone="info" testId="import-updated" />
            <Stat label={t("import.unchanged")} value={report.unchanged} testId="import-unchanged" />
            <Stat label={t("import.rejected")} value={report.rejected} tone={report.rejected ? "bad" : ""} testId="import-rejected" />
          </div>

          {report.ignored_columns.length > 0 && (
            <div className="import-ignored" data-testid="import-ignored">
              <span className="prop-label">{t("import.ignoredColumns")}</span>
              <div className="chips">
                {report.ignored_columns.map((c) => (
                  <span key={c} className="tag">
                    {c}
                  </span>
                ))}
              </div>
            </div>
          )}

          {issues.length > 0 ? (
            <div className="issues">
              <h3 className="section-title">{t("import.issuesTitle", { count: issues.length })}</h3>
              <div className="issues-scroll">
                <table className="issues-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("import.line")}</th>
                      <th scope="col">{t("import.field")}</th>
                      <th scope="col">{t("import.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {issues.map((issue, i) => (
                      <tr key={`${issue.line}-${issue.field}-${i}`} data-testid="import-issue">
                        <td className="num">{issue.line}</td>
                        <td>
                          <code>{issue.field}</code>
                        </td>
                        <td>{issue.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : (
            <p className="import-clean">{t("import.noIssues")}</p>
          )}
        </div>
      )}
    </Dialog>
  );
}
