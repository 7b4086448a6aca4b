import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { ColumnChoice } from "../../bindings/ColumnChoice";
import type { ImportIssue } from "../../bindings/ImportIssue";
import type { ImportOptions } from "../../bindings/ImportOptions";
import type { TablePreview } from "../../bindings/TablePreview";
import { useFilePicker } from "../../api/context";
import { toApiError } from "../../api/errors";
import { spreadsheetFilters } from "../../api/files";
import type { Tracking } from "../../api/operations";
import { Button } from "../Button";
import { AlertIcon, CheckIcon, UploadIcon } from "../Icons";
import { ProgressPanel } from "../ProgressPanel";
import { useLongOperation } from "../useLongOperation";
import { ImportWizard, type WizardStepInfo } from "./ImportWizard";

/** What the organisations and people imports report (people call "rejected" "skipped"). */
export interface TableImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: ImportIssue[];
  ignored_columns: string[];
  committed: boolean;
}

/** One figure of a report. */
export interface TableImportStat {
  label: string;
  value: number;
  tone?: string;
  testId: string;
}

/** A file read for the wizard: its first rows and the core's guessed mapping. */
export interface ChosenTable {
  path: string;
  table: TablePreview;
  columns: ColumnChoice[];
}

/** Reads a file's header and first rows, and asks the core which column gives which field. */
export async function readTable(
  path: string,
  preview: (path: string) => Promise<TablePreview>,
  guess: (headers: string[]) => Promise<ColumnChoice[]>,
): Promise<ChosenTable> {
  const table = await preview(path);
  const columns = await guess(table.headers);
  return { path, table, columns };
}

export interface TableImportWizardProps<R extends TableImportReport> {
  /** The file chosen through the open dialog: the wizard is open (on the columns step) while set. */
  start: ChosenTable | null;
  onClose: () => void;
  /** The import was written (the wizard then shows its report). */
  onCommitted: (report: R) => void;
  title: string;
  /** Prefix of the data-testids: `${p}-preview` (the dialog), `${p}-issue`, `${p}-skip`, `${p}-commit`... */
  testPrefix: string;
  fieldLabel: (field: string) => string;
  /** Reads a file and guesses its columns (the file step's "Choose another file"). */
  read: (path: string) => Promise<ChosenTable>;
  /** The import itself: a dry run for the preview, then the real one (both with progress and Cancel). */
  run: (path: string, options: ImportOptions, tracking?: Tracking) => Promise<R>;
  /** The figures of a report (of the dry run when `dryRun`). */
  stats: (report: R, dryRun: boolean) => TableImportStat[];
  /** Rows refused by the report. */
  rejected: (report: R) => number;
  /** Label of the "skip the refused rows" checkbox. */
  skipLabel: (count: number) => string;
  /** More of a report to show under its problems (e.g. possible duplicates). */
  extra?: (report: R) => ReactNode;
}

type StepId = "file" | "map" | "preview" | "confirm";
const STEP_IDS: readonly StepId[] = ["file", "map", "preview", "confirm"];

function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

function Stat({ label, value, tone, testId }: TableImportStat) {
  const { i18n } = useTranslation();
  return (
    <div className={`stat ${tone ? `stat-${tone}` : ""}`} data-testid={testId}>
      <div className="stat-value">{value.toLocaleString(i18n.language)}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/**
 * The organisations and people imports on the shared ImportWizard shell: file → columns →
 * rows (the dry run's problems beside them) → confirm, then the report. The mapping chosen
 * here is sent with the dry run and the import, so the file imports as the wizard showed it.
 */
export function TableImportWizard<R extends TableImportReport>({
  start,
  onClose,
  onCommitted,
  title,
  testPrefix,
  fieldLabel,
  read,
  run,
  stats,
  rejected,
  skipLabel,
  extra,
}: TableImportWizardProps<R>) {
  const { t } = useTranslation();
  const files = useFilePicker();
  const [step, setStep] = useState(1);
  const [chosen, setChosen] = useState<ChosenTable | null>(start);
  const [columns, setColumns] = useState<ColumnChoice[]>(start?.columns ?? []);
  const [dry, setDry] = useState<{ report: R; key: string } | null>(null);
  const [skip, setSkip] = useState(false);
  const [report, setReport] = useState<R | null>(null);
  const [notCommitted, setNotCommitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const operation = useLongOperation();

  const reset = (next: ChosenTable | null) => {
    setChosen(next);
    setColumns(next?.columns ?? []);
    setDry(null);
    setSkip(false);
    setReport(null);
    setNotCommitted(false);
    setBusy(false);
    setError(null);
  };

  useEffect(() => {
    reset(start);
    setStep(1);
  }, [start]);

  const steps: WizardStepInfo[] = useMemo(
    () => [
      { id: "file", label: t("tableImport.stepFile") },
      { id: "map", label: t("tableImport.stepMap") },
      { id: "preview", label: t("tableImport.stepPreview") },
      { id: "confirm", label: t("tableImport.stepConfirm") },
    ],
    [t],
  );
  const stepId = STEP_IDS[step] ?? "file";
  const key = JSON.stringify(columns);
  const dryReport = dry?.report ?? null;
  const hasIssues = dryReport !== null && (dryReport.issues.length > 0 || rejected(dryReport) > 0);

  const chooseFile = async () => {
    setError(null);
    try {
      const path = await files.pickOpenFile({ filters: spreadsheetFilters() });
      if (!path) return;
      setBusy(true);
      const next = await read(path);
      reset(next);
      setStep(1);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const dryRun = async () => {
    if (!chosen) return;
    if (dry && dry.key === key) {
      setStep(2);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await operation.run((tracking) => run(chosen.path, { dry_run: true, skip_invalid: true, columns }, tracking));
      if (result === undefined) return; // cancelled: the toast says so, the step stays
      setDry({ report: result, key });
      setSkip(false);
      setNotCommitted(false);
      setStep(2);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!chosen || !dry) return;
    setBusy(true);
    setError(null);
    try {
      const result = await operation.run((tracking) =>
        run(chosen.path, { dry_run: false, skip_invalid: hasIssues && skip, columns }, tracking),
      );
      if (result === undefined) return; // cancelled: nothing was written
      if (result.committed) {
        setReport(result);
        onCommitted(result);
      } else {
        // The file changed or the core refused: show what it says now.
        setDry({ report: result, key });
        setSkip(false);
        setNotCommitted(true);
        setStep(2);
      }
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  let canNext = false;
  let blockedReason: string | undefined;
  switch (stepId) {
    case "file":
      canNext = chosen !== null;
      break;
    case "map":
      canNext = columns.some((c) => c.column !== null);
      break;
    case "preview":
      canNext = dryReport !== null && (!hasIssues || skip);
      if (dryReport && hasIssues && !skip) blockedReason = t("tableImport.needSkip");
      break;
    case "confirm":
      canNext = report === null && dryReport !== null;
      break;
  }

  const next = () => {
    if (!canNext || busy) return;
    if (stepId === "file") setStep(1);
    else if (stepId === "map") void dryRun();
    else if (stepId === "preview") setStep(3);
    else void confirm();
  };

  const back = () => {
    setError(null);
    if (step > 0) setStep(step - 1);
  };

  return (
    <ImportWizard
      open={start !== null}
      onClose={onClose}
      title={title}
      description={chosen ? t("tableImport.fromFile", { name: fileName(chosen.path) }) : t("tableImport.description")}
      steps={steps}
      current={step}
      canNext={canNext}
      blockedReason={blockedReason}
      onNext={next}
      onBack={back}
      busy={busy}
      error={error}
      confirmLabel={t("tableImport.confirm")}
      confirmTestId={`${testPrefix}-commit`}
      finished={report !== null}
      testId={`${testPrefix}-preview`}
    >
      <ProgressPanel operation={operation} />
      {stepId === "file" && (
        <div className="wizard-file">
          <UploadIcon size={28} className="wizard-file-icon" />
          <p className="wizard-file-text">{t("tableImport.fileHelp")}</p>
          <Button variant="primary" onClick={chooseFile} busy={busy} data-testid="wizard-choose-file" autoFocus>
            {chosen ? t("tableImport.chooseOther") : t("tableImport.choose")}
          </Button>
          {chosen && (
            <p className="wizard-file-chosen" data-testid="wizard-file">
              <strong>{fileName(chosen.path)}</strong> ·{" "}
              {t("tableImport.fileSummary", { count: chosen.table.total_rows, columns: chosen.table.headers.length })}
            </p>
          )}
        </div>
      )}
      {stepId === "map" && chosen && (
        <MapStep table={chosen.table} columns={columns} fieldLabel={fieldLabel} onChange={setColumns} />
      )}
      {stepId === "preview" && chosen && dryReport && (
        <div className="preview-step">
          {notCommitted && (
            <div className="banner banner-warning" role="alert" data-testid={`${testPrefix}-not-committed`}>
              {t("tableImport.notCommitted")}
            </div>
          )}
          <RowsPreview table={chosen.table} columns={columns} fieldLabel={fieldLabel} issues={dryReport.issues} />
          <Problems report={dryReport} testPrefix={testPrefix} extra={extra} />
          {hasIssues && (
            <label className="checkbox-row import-skip">
              <input
                type="checkbox"
                checked={skip}
                onChange={(e) => setSkip(e.target.checked)}
                disabled={busy}
                data-testid={`${testPrefix}-skip`}
              />
              <span>{skipLabel(rejected(dryReport))}</span>
            </label>
          )}
        </div>
      )}
      {stepId === "confirm" && (report || dryReport) && (
        <div className="import-preview" data-testid={report ? `${testPrefix}-report` : undefined}>
          {report ? (
            <p className="import-clean">
              <CheckIcon size={14} /> {t("tableImport.committed", { count: report.rows })}
            </p>
          ) : (
            <p className="wizard-intro">{t("tableImport.confirmHelp")}</p>
          )}
          <div className="stats">
            {stats((report ?? dryReport)!, report === null).map((s) => (
              <Stat key={s.testId} {...s} />
            ))}
          </div>
          {!report && hasIssues && skip && (
            <p className="cell-muted">{skipLabel(rejected(dryReport!))}</p>
          )}
        </div>
      )}
    </ImportWizard>
  );
}

function samples(table: TablePreview, index: number | null, count = 3): string[] {
  if (index === null) return [];
  const out: string[] = [];
  for (const row of table.rows) {
    const value = row.cells[index]?.trim();
    if (value) out.push(value);
    if (out.length >= count) break;
  }
  return out;
}

function MapStep({
  table,
  columns,
  fieldLabel,
  onChange,
}: {
  table: TablePreview;
  columns: ColumnChoice[];
  fieldLabel: (field: string) => string;
  onChange: (next: ColumnChoice[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="map-step">
      <p className="wizard-intro">{t("tableImport.mapHelp")}</p>
      <div className="map-grid" role="group" aria-label={t("tableImport.stepMap")}>
        {columns.map((choice, i) => {
          const id = `map-${choice.field}`;
          const example = samples(table, choice.column);
          return (
            <div className="map-row" key={choice.field}>
              <label className="field-label" htmlFor={id}>
                {fieldLabel(choice.field)}
              </label>
              <select
                id={id}
                className="input select"
                value={choice.column === null ? "" : String(choice.column)}
                onChange={(e) => {
                  const column = e.target.value === "" ? null : Number(e.target.value);
                  onChange(columns.map((c, j) => (j === i ? { ...c, column } : c)));
                }}
                data-testid={id}
              >
                <option value="">{t("tableImport.notInFile")}</option>
                {table.headers.map((header, index) => (
                  <option key={index} value={index}>
                    {header.trim() || t("tableImport.columnN", { n: index + 1 })}
                  </option>
                ))}
              </select>
              <div className="map-samples" data-testid={`map-sample-${choice.field}`}>
                {example.map((v, k) => (
                  <span key={k} className="tag tag-sample" title={v}>
                    {v}
                  </span>
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function RowsPreview({
  table,
  columns,
  fieldLabel,
  issues,
}: {
  table: TablePreview;
  columns: ColumnChoice[];
  fieldLabel: (field: string) => string;
  issues: readonly ImportIssue[];
}) {
  const { t } = useTranslation();
  const mapped = columns.filter((c) => c.column !== null);
  return (
    <>
      <p className="wizard-intro">{t("tableImport.previewHelp", { shown: table.rows.length, total: table.total_rows })}</p>
      <div className="issues-scroll">
        <table className="issues-table" data-testid="wizard-preview-table">
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              {mapped.map((c) => (
                <th scope="col" key={c.field}>
                  {fieldLabel(c.field)}
                </th>
              ))}
              <th scope="col">{t("tableImport.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              const own = issues.filter((issue) => issue.line === row.line);
              return (
                <tr key={row.line} data-testid="wizard-preview-row" data-line={row.line} className={own.length > 0 ? "has-issue" : undefined}>
                  <td className="num">{row.line}</td>
                  {mapped.map((c) => {
                    const value = c.column === null ? "" : (row.cells[c.column] ?? "");
                    return <td key={c.field}>{value || <span className="cell-empty">—</span>}</td>;
                  })}
                  <td data-testid="wizard-preview-row-issues">
                    {own.map((issue, i) => (
                      <span key={i} className="row-issue">
                        <AlertIcon size={12} /> <code>{issue.field}</code> {issue.message}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Problems<R extends TableImportReport>({
  report,
  testPrefix,
  extra,
}: {
  report: R;
  testPrefix: string;
  extra?: (report: R) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="import-preview">
      {report.ignored_columns.length > 0 && (
        <div className="import-ignored" data-testid={`${testPrefix}-ignored`}>
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
      {report.issues.length > 0 ? (
        <div className="issues">
          <h3 className="section-title">{t("import.issuesTitle", { count: report.issues.length })}</h3>
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
                {report.issues.map((issue, i) => (
                  <tr key={`${issue.line}-${issue.field}-${i}`} data-testid={`${testPrefix}-issue`}>
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
      {extra?.(report)}
    </div>
  );
}
