import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { RowDecision } from "../../bindings/RowDecision";
import type { RowMatch } from "../../bindings/RowMatch";
import type { SignatureColumns } from "../../bindings/SignatureColumns";
import type { SignatureImportReport } from "../../bindings/SignatureImportReport";
import type { TablePreview } from "../../bindings/TablePreview";
import { useBackend, useFilePicker } from "../../api/context";
import { toApiError } from "../../api/errors";
import { spreadsheetFilters } from "../../api/files";
import { Button } from "../../components/Button";
import { AlertIcon, CheckIcon, UploadIcon } from "../../components/Icons";
import { ImportWizard, type WizardStepInfo } from "../../components/ImportWizard";
import { ProgressPanel } from "../../components/ProgressPanel";
import { useLongOperation } from "../../components/useLongOperation";

/** The columns a signature file can map, in the order the wizard shows them. */
export const SIGNATURE_FIELDS = ["organisation", "country", "signer", "signer_title", "date", "email"] as const satisfies ReadonlyArray<
  keyof SignatureColumns
>;
type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/** What the coordinator chose for one row (the line is the map's key). */
export type Choice = { action: "organisation"; organisation_id: string } | { action: "create" } | { action: "skip" };

type StepId = "file" | "map" | "preview" | "match" | "confirm";
const STEP_IDS: readonly StepId[] = ["file", "map", "preview", "match", "confirm"];

/** Exact rows default to their match; rows with problems default to skip; the rest wait for a choice. */
export function defaultChoices(matches: readonly RowMatch[]): Map<number, Choice> {
  const choices = new Map<number, Choice>();
  for (const row of matches) {
    if (row.issues.length > 0) choices.set(row.line, { action: "skip" });
    else if (row.outcome.kind === "exact") choices.set(row.line, { action: "organisation", organisation_id: row.outcome.id });
  }
  return choices;
}

export function toDecisions(matches: readonly RowMatch[], choices: ReadonlyMap<number, Choice>): RowDecision[] {
  return matches.flatMap((row): RowDecision[] => {
    const choice = choices.get(row.line);
    if (!choice) return [];
    switch (choice.action) {
      case "organisation":
        return [{ action: "organisation", line: row.line, organisation_id: choice.organisation_id }];
      case "create":
        return [{ action: "create", line: row.line }];
      case "skip":
        return [{ action: "skip", line: row.line }];
    }
  });
}

function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

function sameColumns(a: SignatureColumns | null, b: SignatureColumns): boolean {
  return a !== null && SIGNATURE_FIELDS.every((f) => a[f] === b[f]);
}

/**
 * Import signatures from a spreadsheet into one letter, on the shared ImportWizard shell:
 * file → columns → rows → matches → confirm. Nothing is written before the last step.
 */
export function SignatureImportWizard({
  open,
  letterId,
  onClose,
  onImported,
}: {
  open: boolean;
  letterId: string;
  onClose: () => void;
  /** The import was written: refresh the letter. */
  onImported: (report: SignatureImportReport) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const [step, setStep] = useState(0);
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<TablePreview | null>(null);
  const [columns, setColumns] = useState<SignatureColumns | null>(null);
  const [analysedWith, setAnalysedWith] = useState<{ path: string; columns: SignatureColumns } | null>(null);
  const [matches, setMatches] = useState<RowMatch[]>([]);
  const [choices, setChoices] = useState<Map<number, Choice>>(new Map());
  const [report, setReport] = useState<SignatureImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const operation = useLongOperation();

  useEffect(() => {
    if (!open) return;
    setStep(0);
    setPath(null);
    setPreview(null);
    setColumns(null);
    setAnalysedWith(null);
    setMatches([]);
    setChoices(new Map());
    setReport(null);
    setBusy(false);
    setError(null);
  }, [open]);

  const steps: WizardStepInfo[] = useMemo(
    () => [
      { id: "file", label: t("wizard.signatures.stepFile") },
      { id: "map", label: t("wizard.signatures.stepMap") },
      { id: "preview", label: t("wizard.signatures.stepPreview") },
      { id: "match", label: t("wizard.signatures.stepMatch") },
      { id: "confirm", label: t("wizard.signatures.stepConfirm") },
    ],
    [t],
  );
  const stepId = STEP_IDS[step] ?? "file";
  const undecided = matches.filter((m) => !choices.has(m.line)).length;

  const chooseFile = async () => {
    setError(null);
    try {
      const chosen = await files.pickOpenFile({ title: t("wizard.signatures.openTitle"), filters: spreadsheetFilters() });
      if (!chosen) return;
      setBusy(true);
      const table = await backend.importPreview(chosen);
      setPath(chosen);
      setPreview(table);
      setColumns(table.columns);
      setAnalysedWith(null);
      setStep(1);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const analyse = async () => {
    if (!path || !columns) return;
    if (analysedWith && analysedWith.path === path && sameColumns(analysedWith.columns, columns)) {
      setStep(3);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const rows = await backend.signaturesAnalyse(path, columns);
      setMatches(rows);
      setChoices(defaultChoices(rows));
      setAnalysedWith({ path, columns });
      setStep(3);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!path || !columns) return;
    const decisions = toDecisions(matches, choices);
    const anySkip = decisions.some((d) => d.action === "skip");
    setBusy(true);
    setError(null);
    try {
      const result = await operation.run((tracking) =>
        backend.signaturesImport(letterId, path, columns, decisions, { dry_run: false, skip_invalid: anySkip, create_missing: false }, tracking),
      );
      if (result === undefined) return; // cancelled: nothing was written, the step stays
      setReport(result);
      if (result.committed) onImported(result);
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
      canNext = preview !== null;
      break;
    case "map":
      canNext = columns?.organisation != null;
      if (!canNext) blockedReason = t("wizard.signatures.needOrganisation");
      break;
    case "preview":
      canNext = true;
      break;
    case "match":
      canNext = matches.length > 0 && undecided === 0;
      if (undecided > 0) blockedReason = t("wizard.signatures.needDecision", { count: undecided });
      else if (matches.length === 0) blockedReason = t("wizard.signatures.noRows");
      break;
    case "confirm":
      canNext = report === null && matches.length > 0;
      break;
  }

  const next = () => {
    if (!canNext || busy) return;
    if (stepId === "file" || stepId === "map") setStep(step + 1);
    else if (stepId === "preview") void analyse();
    else if (stepId === "match") setStep(4);
    else if (stepId === "confirm") void confirm();
  };

  const back = () => {
    setError(null);
    if (step > 0) setStep(step - 1);
  };

  return (
    <ImportWizard
      open={open}
      onClose={onClose}
      title={t("wizard.signatures.title")}
      description={path ? t("wizard.signatures.fromFile", { name: fileName(path) }) : t("wizard.signatures.description")}
      steps={steps}
      current={step}
      canNext={canNext}
      blockedReason={blockedReason}
      onNext={next}
      onBack={back}
      busy={busy}
      error={error}
      confirmLabel={t("wizard.signatures.confirm")}
      finished={report !== null}
      testId="signatures-import-wizard"
    >
      <ProgressPanel operation={operation} />
      {stepId === "file" && <FileStep path={path} preview={preview} busy={busy} onChoose={chooseFile} />}
      {stepId === "map" && preview && columns && <MapStep preview={preview} columns={columns} onChange={setColumns} />}
      {stepId === "preview" && preview && columns && <PreviewStep preview={preview} columns={columns} />}
      {stepId === "match" && (
        <MatchStep
          matches={matches}
          choices={choices}
          undecided={undecided}
          onChoose={(line, choice) =>
            setChoices((prev) => {
              const nextChoices = new Map(prev);
              nextChoices.set(line, choice);
              return nextChoices;
            })
          }
        />
      )}
      {stepId === "confirm" &&
        (report ? (
          <ReportView report={report} />
        ) : (
          <ConfirmStep matches={matches} choices={choices} hasCountry={columns?.country != null} />
        ))}
    </ImportWizard>
  );
}

// ---- steps ------------------------------------------------------------------

function FileStep({
  path,
  preview,
  busy,
  onChoose,
}: {
  path: string | null;
  preview: TablePreview | null;
  busy: boolean;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="wizard-file">
      <UploadIcon size={28} className="wizard-file-icon" />
      <p className="wizard-file-text">{t("wizard.signatures.fileHelp")}</p>
      <Button variant="primary" onClick={onChoose} busy={busy} data-testid="wizard-choose-file" autoFocus>
        {path ? t("wizard.signatures.chooseOther") : t("wizard.signatures.choose")}
      </Button>
      {path && preview && (
        <p className="wizard-file-chosen" data-testid="wizard-file">
          <strong>{fileName(path)}</strong> · {t("wizard.signatures.fileSummary", { count: preview.total_rows, columns: preview.headers.length })}
        </p>
      )}
    </div>
  );
}

function fieldLabel(t: (key: string) => string, field: SignatureField): string {
  switch (field) {
    case "organisation":
      return t("wizard.signatures.fields.organisation");
    case "country":
      return t("wizard.signatures.fields.country");
    case "signer":
      return t("wizard.signatures.fields.signer");
    case "signer_title":
      return t("wizard.signatures.fields.signer_title");
    case "date":
      return t("wizard.signatures.fields.date");
    case "email":
      return t("wizard.signatures.fields.email");
  }
}

function samples(preview: TablePreview, index: number | null, count = 3): string[] {
  if (index === null) return [];
  const out: string[] = [];
  for (const row of preview.rows) {
    const value = row.cells[index]?.trim();
    if (value) out.push(value);
    if (out.length >= count) break;
  }
  return out;
}

function headerLabel(t: (key: string, options?: Record<string, unknown>) => string, preview: TablePreview, index: number): string {
  return preview.headers[index]?.trim() || t("wizard.signatures.columnN", { n: index + 1 });
}

function MapStep({
  preview,
  columns,
  onChange,
}: {
  preview: TablePreview;
  columns: SignatureColumns;
  onChange: (next: SignatureColumns) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="map-step">
      <p className="wizard-intro">{t("wizard.signatures.mapHelp")}</p>
      <div className="map-grid" role="group" aria-label={t("wizard.signatures.stepMap")}>
        {SIGNATURE_FIELDS.map((field) => {
          const id = `map-${field}`;
          const value = columns[field];
          const example = samples(preview, value);
          return (
            <div className="map-row" key={field}>
              <label className="field-label" htmlFor={id}>
                {fieldLabel(t, field)}
                {field === "organisation" ? (
                  <span className="field-required">{t("wizard.signatures.required")}</span>
                ) : (
                  <span className="field-optional">{t("form.optional")}</span>
                )}
              </label>
              <select
                id={id}
                className="input select"
                value={value === null ? "" : String(value)}
                onChange={(e) => onChange({ ...columns, [field]: e.target.value === "" ? null : Number(e.target.value) })}
                data-testid={id}
                aria-invalid={field === "organisation" && value === null ? true : undefined}
              >
                <option value="">{t("wizard.signatures.notInFile")}</option>
                {preview.headers.map((_, index) => (
                  <option key={index} value={index}>
                    {headerLabel(t, preview, index)}
                  </option>
                ))}
              </select>
              <div className="map-samples" data-testid={`map-sample-${field}`}>
                {example.length > 0 ? (
                  example.map((v, i) => (
                    <span key={i} className="tag tag-sample" title={v}>
                      {v}
                    </span>
                  ))
                ) : (
                  <span className="cell-empty">{value === null ? "" : t("wizard.signatures.noSamples")}</span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function PreviewStep({ preview, columns }: { preview: TablePreview; columns: SignatureColumns }) {
  const { t } = useTranslation();
  const mapped = SIGNATURE_FIELDS.filter((f) => columns[f] !== null);
  return (
    <div className="preview-step">
      <p className="wizard-intro">{t("wizard.signatures.previewHelp", { shown: preview.rows.length, total: preview.total_rows })}</p>
      <div className="issues-scroll tall">
        <table className="issues-table" data-testid="wizard-preview-table">
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              {mapped.map((f) => (
                <th scope="col" key={f}>
                  {fieldLabel(t, f)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} data-testid="wizard-preview-row">
                <td className="num">{row.line}</td>
                {mapped.map((f) => {
                  const index = columns[f];
                  const value = index === null ? "" : (row.cells[index] ?? "");
                  return <td key={f}>{value || <span className="cell-empty">—</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

function MatchStep({
  matches,
  choices,
  undecided,
  onChoose,
}: {
  matches: RowMatch[];
  choices: ReadonlyMap<number, Choice>;
  undecided: number;
  onChoose: (line: number, choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const [onlyPending, setOnlyPending] = useState(false);
  const exact = matches.filter((m) => m.outcome.kind === "exact" && m.issues.length === 0).length;
  // Keep a row visible once shown, even after it gets its decision.
  const [pendingLines] = useState(() => new Set(matches.filter((m) => !choices.has(m.line)).map((m) => m.line)));
  const visible = onlyPending ? matches.filter((m) => pendingLines.has(m.line)) : matches;

  if (matches.length === 0) return <p className="cell-empty">{t("wizard.signatures.noRows")}</p>;

  return (
    <div className="match-step">
      <div className="match-head">
        <span className={`match-counter ${undecided > 0 ? "is-pending" : "is-done"}`} data-testid="match-undecided" role="status">
          {undecided > 0 ? <AlertIcon size={14} /> : <CheckIcon size={14} />}
          {undecided > 0 ? t("wizard.signatures.needDecision", { count: undecided }) : t("wizard.signatures.allDecided")}
        </span>
        <span className="cell-muted">{t("wizard.signatures.exactCount", { count: exact, total: matches.length })}</span>
        <span className="footer-spacer" />
        <label className="switch-row">
          <input type="checkbox" role="switch" className="switch" checked={onlyPending} onChange={(e) => setOnlyPending(e.target.checked)} />
          <span>{t("wizard.signatures.onlyPending")}</span>
        </label>
      </div>
      <div className="match-list">
        {visible.map((row) => {
          const choice = choices.get(row.line);
          const name = `match-${row.line}`;
          const isExact = row.outcome.kind === "exact";
          const rowClass = choice ? (choice.action === "skip" ? "is-skipped" : "is-decided") : "is-pending";
          return (
            <div key={row.line} className={`match-row ${rowClass} ${isExact ? "is-exact" : ""}`} data-testid="match-row" data-line={row.line}>
              <div className="match-source">
                <span className="match-line">{t("wizard.signatures.line", { line: row.line })}</span>
                <span className="match-written">{row.organisation}</span>
                {row.country && <span className="country-code">{row.country}</span>}
                {row.signer && <span className="cell-muted">{row.signer}</span>}
              </div>
              {row.issues.length > 0 && (
                <ul className="match-issues" data-testid="match-issues">
                  {row.issues.map((issue, i) => (
                    <li key={i}>
                      <AlertIcon size={12} /> <code>{issue.field}</code> {issue.message}
                    </li>
                  ))}
                </ul>
              )}
              <div className="match-options" role="radiogroup" aria-label={t("wizard.signatures.choiceFor", { name: row.organisation })}>
                {row.outcome.kind === "exact" ? (
                  <label className="match-option is-exact-option">
                    <input
                      type="radio"
                      name={name}
                      value={row.outcome.id}
                      checked={choice?.action === "organisation" && choice.organisation_id === row.outcome.id}
                      onChange={() =>
                        row.outcome.kind === "exact" && onChoose(row.line, { action: "organisation", organisation_id: row.outcome.id })
                      }
                      data-testid="match-exact"
                    />
                    <CheckIcon size={13} className="match-exact-icon" />
                    <span>{row.outcome.name}</span>
                    <span className="match-score">{t("wizard.signatures.exact")}</span>
                  </label>
                ) : (
                  <>
                    {row.outcome.suggestions.map((s) => (
                      <label key={s.id} className="match-option">
                        <input
                          type="radio"
                          name={name}
                          value={s.id}
                          checked={choice?.action === "organisation" && choice.organisation_id === s.id}
                          onChange={() => onChoose(row.line, { action: "organisation", organisation_id: s.id })}
                          data-testid="match-suggestion"
                        />
                        <span>{s.name}</span>
                        <span className="match-score">{percent(s.score)}</span>
                      </label>
                    ))}
                    {row.outcome.suggestions.length === 0 && <span className="cell-muted match-none">{t("wizard.signatures.noSuggestion")}</span>}
                    <label className="match-option">
                      <input
                        type="radio"
                        name={name}
                        value="create"
                        checked={choice?.action === "create"}
                        onChange={() => onChoose(row.line, { action: "create" })}
                        data-testid="match-create"
                      />
                      <span>{t("wizard.signatures.create")}</span>
                    </label>
                  </>
                )}
                <label className="match-option">
                  <input
                    type="radio"
                    name={name}
                    value="skip"
                    checked={choice?.action === "skip"}
                    onChange={() => onChoose(row.line, { action: "skip" })}
                    data-testid="match-skip"
                  />
                  <span>{t("wizard.signatures.skip")}</span>
                </label>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
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

function ConfirmStep({ matches, choices, hasCountry }: { matches: RowMatch[]; choices: ReadonlyMap<number, Choice>; hasCountry: boolean }) {
  const { t } = useTranslation();
  const decisions = toDecisions(matches, choices);
  const sign = decisions.filter((d) => d.action === "organisation").length;
  const create = decisions.filter((d) => d.action === "create").length;
  const skip = decisions.filter((d) => d.action === "skip").length;
  return (
    <div className="import-preview">
      <p className="wizard-intro">{t("wizard.signatures.confirmHelp")}</p>
      <div className="stats stats-3">
        <Stat label={t("wizard.signatures.toSign")} value={sign} tone="good" testId="confirm-sign" />
        <Stat label={t("wizard.signatures.toCreate")} value={create} tone="info" testId="confirm-create" />
        <Stat label={t("wizard.signatures.toSkip")} value={skip} testId="confirm-skip" />
      </div>
      {create > 0 && !hasCountry && (
        <div className="banner banner-warning" role="alert">
          <AlertIcon className="banner-icon" />
          <span className="banner-message">{t("wizard.signatures.createNeedsCountry")}</span>
        </div>
      )}
    </div>
  );
}

function ReportView({ report }: { report: SignatureImportReport }) {
  const { t } = useTranslation();
  return (
    <div className="import-preview" data-testid="signatures-import-report">
      {report.committed ? (
        <p className="import-clean">
          <CheckIcon size={14} /> {t("wizard.signatures.committed", { count: report.rows })}
        </p>
      ) : (
        <div className="banner banner-warning" role="alert" data-testid="signatures-import-not-committed">
          <AlertIcon className="banner-icon" />
          <span className="banner-message">{t("wizard.signatures.notCommitted")}</span>
        </div>
      )}
      <div className="stats">
        <Stat label={t("wizard.signatures.signed")} value={report.signed} tone="good" testId="report-signed" />
        <Stat label={t("wizard.signatures.updated")} value={report.updated} tone="info" testId="report-updated" />
        <Stat label={t("import.unchanged")} value={report.unchanged} testId="report-unchanged" />
        <Stat label={t("import.rejected")} value={report.rejected} tone={report.rejected ? "bad" : ""} testId="report-rejected" />
        <Stat label={t("wizard.signatures.created")} value={report.organisations_created} testId="report-created" />
      </div>
      {report.issues.length > 0 && (
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
                  <tr key={`${issue.line}-${issue.field}-${i}`} data-testid="report-issue">
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
      )}
    </div>
  );
}
