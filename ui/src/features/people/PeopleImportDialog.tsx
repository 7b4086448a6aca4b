import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { ImportIssue } from "../../bindings/ImportIssue";
import type { PeopleImportReport } from "../../bindings/PeopleImportReport";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";

export interface PeopleImportPreview {
  path: string;
  report: PeopleImportReport;
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

function IssueTable({ issues, testId }: { issues: readonly ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="issues-scroll">
      <table className="issues-table">
        <thead>
          <tr>
            <th scope="col">{t("people.import.line")}</th>
            <th scope="col">{t("people.import.field")}</th>
            <th scope="col">{t("people.import.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={`${issue.line}-${issue.field}-${i}`} data-testid={testId}>
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
  );
}

/**
 * The dry-run preview of a people import (what would be created, updated or left alone, every
 * refused line and every possible duplicate), then the real import on request.
 */
export function PeopleImportDialog({
  preview,
  onClose,
  onCommitted,
}: {
  preview: PeopleImportPreview | null;
  onClose: () => void;
  onCommitted: (report: PeopleImportReport) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [report, setReport] = useState<PeopleImportReport | null>(preview?.report ?? null);
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

  const hasIssues = (report?.issues.length ?? 0) > 0 || (report?.skipped ?? 0) > 0;
  const canImport = report !== null && !busy && (!hasIssues || skip);

  const commit = async () => {
    if (!preview || !canImport) return;
    setBusy(true);
    setError(null);
    setNotCommitted(false);
    try {
      const result = await backend.peopleImport(preview.path, { dry_run: false, skip_invalid: hasIssues && skip });
      if (result.committed) {
        onCommitted(result);
      } else {
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
      open={preview !== null}
      onOpenChange={(next) => !next && !busy && onClose()}
      title={t("people.import.title")}
      description={preview ? t("people.import.file", { name: fileName(preview.path) }) : undefined}
      size="lg"
      testId="people-import-preview"
      footer={
        <>
          {hasIssues && report && (
            <label className="checkbox-row import-skip">
              <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} disabled={busy} data-testid="people-import-skip" />
              <span>{t("people.import.skip", { count: report.skipped })}</span>
            </label>
          )}
          <span className="footer-spacer" />
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" onClick={commit} disabled={!canImport} busy={busy} data-testid="people-import-commit">
            {t("people.import.commit")}
          </Button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      {notCommitted && (
        <div className="banner banner-warning" role="alert">
          {t("people.import.notCommitted")}
        </div>
      )}
      {report && (
        <div className="import-preview">
          <div className="stats">
            <Stat label={t("people.import.rows")} value={report.rows} testId="people-import-rows" />
            <Stat label={t("people.import.wouldCreate")} value={report.created} tone="good" testId="people-import-created" />
            <Stat label={t("people.import.wouldUpdate")} value={report.updated} tone="info" testId="people-import-updated" />
            <Stat label={t("people.import.unchanged")} value={report.unchanged} testId="people-import-unchanged" />
            <Stat label={t("people.import.skipped")} value={report.skipped} tone={report.skipped ? "bad" : ""} testId="people-import-skipped" />
          </div>
          {report.ignored_columns.length > 0 && (
            <div className="import-ignored">
              <span className="prop-label">{t("people.import.ignoredColumns")}</span>
              <div className="chips">
                {report.ignored_columns.map((c) => (
                  <span key={c} className="tag">
                    {c}
                  </span>
                ))}
              </div>
            </div>
          )}
          {report.issues.length > 0 ? (
            <div className="issues">
              <h3 className="section-title">{t("people.import.issuesTitle", { count: report.issues.length })}</h3>
              <IssueTable issues={report.issues} testId="people-import-issue" />
            </div>
          ) : (
            <p className="import-clean">{t("people.import.noIssues")}</p>
          )}
          {report.possible_duplicates.length > 0 && (
            <div className="issues">
              <h3 className="section-title">{t("people.import.duplicatesTitle", { count: report.possible_duplicates.length })}</h3>
              <IssueTable issues={report.possible_duplicates} testId="people-import-duplicate" />
            </div>
          )}
          <p className="field-hint">{t("people.import.columnsHint")}</p>
        </div>
      )}
    </Dialog>
  );
}
