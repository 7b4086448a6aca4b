import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { Dossier } from "../../bindings/Dossier";
import type { UnmatchedRow } from "../../bindings/UnmatchedRow";
import type { Vote } from "../../bindings/Vote";
import type { VoteBreakdown } from "../../bindings/VoteBreakdown";
import type { VoteResult } from "../../bindings/VoteResult";
import { useBackend, useFilePicker } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { UploadIcon } from "../../components/Icons";
import { ProgressPanel } from "../../components/ProgressPanel";
import { useLongOperation } from "../../components/useLongOperation";
import { useApiForm } from "../../components/useApiForm";
import { useToast } from "../../components/Toasts";
import { formatDate, todayIso } from "../../lib/dates";
import { VOTE_POSITIONS } from "./enums";
import { LevelPill } from "./LevelPill";

/** Core field name → control id. */
export const VOTE_FIELDS = { voted_on: "vote-date", title: "vote-title" } as const;

const COLOURS: Record<(typeof VOTE_POSITIONS)[number], string> = {
  for: "#2f9e44",
  against: "#d93036",
  abstention: "#e8a317",
  did_not_vote: "#9a9aa6",
};

function BreakdownTable({ rows, label, testId }: { rows: VoteBreakdown[]; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="simple-table vote-breakdown" data-testid={testId}>
      <thead>
        <tr>
          <th>{label}</th>
          {VOTE_POSITIONS.map((p) => (
            <th key={p} className="num">
              {t(`votePosition.${p}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`${testId}-row`}>
            <td>{row.key || t("stances.vote.none")}</td>
            {VOTE_POSITIONS.map((p) => (
              <td key={p} className="num">
                {row.counts[p]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BreakdownChart({ rows, label }: { rows: VoteBreakdown[]; label: string }) {
  const { t } = useTranslation();
  const data = rows.map((r) => ({ key: r.key || t("stances.vote.none"), ...r.counts }));
  return (
    <figure className="vote-chart" aria-label={label}>
      <BarChart width={Math.max(320, 60 * data.length + 80)} height={220} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="key" fontSize={11} />
        <YAxis allowDecimals={false} fontSize={11} width={32} />
        <Tooltip />
        <Legend />
        {VOTE_POSITIONS.map((p) => (
          <Bar key={p} dataKey={p} name={t(`votePosition.${p}`)} stackId="v" fill={COLOURS[p]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}

function Results({
  result,
  unmatched,
  onAccept,
  onAcceptAll,
  busy,
}: {
  result: VoteResult;
  unmatched: UnmatchedRow[];
  onAccept: (personId: string) => void;
  onAcceptAll: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="vote-results" data-testid="vote-results">
      <p className="vote-summary" data-testid="vote-summary">
        <strong>{result.vote.title}</strong> · {formatDate(result.vote.voted_on)} · {result.dossier_reference}
      </p>
      <ul className="vote-counts" data-testid="vote-counts">
        {VOTE_POSITIONS.map((p) => (
          <li key={p} data-testid={`vote-count-${p}`}>
            <span className="vote-count-dot" style={{ background: COLOURS[p] }} aria-hidden="true" />
            {t(`votePosition.${p}`)} <strong>{result.counts[p]}</strong>
          </li>
        ))}
      </ul>
      {unmatched.length > 0 && (
        <section className="vote-unmatched" data-testid="vote-unmatched" aria-label={t("stances.vote.unmatchedTitle", { count: unmatched.length })}>
          <h3 className="section-title">{t("stances.vote.unmatchedTitle", { count: unmatched.length })}</h3>
          <ul>
            {unmatched.map((row) => (
              <li key={row.line} data-testid="vote-unmatched-row">
                {t("stances.vote.line", { line: row.line })}: {row.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="vote-breakdowns">
        <section>
          <h3 className="section-title">{t("stances.vote.byGroup")}</h3>
          <BreakdownTable rows={result.by_group} label={t("stances.vote.group")} testId="vote-by-group" />
          <BreakdownChart rows={result.by_group} label={t("stances.vote.byGroup")} />
        </section>
        <section>
          <h3 className="section-title">{t("stances.vote.byCountry")}</h3>
          <BreakdownTable rows={result.by_country} label={t("stances.vote.country")} testId="vote-by-country" />
          <BreakdownChart rows={result.by_country} label={t("stances.vote.byCountry")} />
        </section>
      </div>
      <section className="vote-proposals" data-testid="vote-proposals">
        <header className="vote-proposals-header">
          <h3 className="section-title">{t("stances.vote.proposals", { count: result.proposals.length })}</h3>
          <Button size="sm" variant="primary" onClick={onAcceptAll} disabled={busy || result.proposals.length === 0} data-testid="vote-accept-all">
            {t("stances.vote.acceptAll")}
          </Button>
        </header>
        {result.proposals.length === 0 ? (
          <p className="cell-muted" data-testid="vote-no-proposals">{t("stances.vote.noProposals")}</p>
        ) : (
          <table className="simple-table">
            <thead>
              <tr>
                <th>{t("stances.vote.mep")}</th>
                <th>{t("stances.vote.voted")}</th>
                <th>{t("stances.vote.current")}</th>
                <th>{t("stances.vote.proposed")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {result.proposals.map((p) => (
                <tr key={p.person_id} data-testid="vote-proposal">
                  <td>
                    {p.display_name}
                    <span className="cell-muted"> · {[p.group_code, p.country].filter(Boolean).join(" · ")}</span>
                  </td>
                  <td>{t(`votePosition.${p.position}`)}</td>
                  <td>{p.current ? <LevelPill level={p.current} /> : <span className="cell-muted">{t("stances.vote.noStance")}</span>}</td>
                  <td>
                    <LevelPill level={p.proposed} />
                  </td>
                  <td className="num">
                    <Button size="sm" onClick={() => onAccept(p.person_id)} disabled={busy} data-testid={`vote-accept-${p.person_id}`}>
                      {t("stances.vote.accept")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/**
 * "Import vote…": the vote's title and date, a CSV through the native open dialog, then the
 * results (counts, breakdown by group and country as tables and charts, unmatched rows) and
 * the proposed stance updates, accepted one by one or all at once. Earlier votes reopen here.
 */
export function VoteImportDialog({
  open,
  dossier,
  onOpenChange,
  onChanged,
}: {
  open: boolean;
  dossier: Dossier;
  onOpenChange: (open: boolean) => void;
  /** Stances were recorded (the board should reload). */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const toast = useToast();
  const form = useApiForm(VOTE_FIELDS);
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(todayIso());
  const [result, setResult] = useState<VoteResult | null>(null);
  const [unmatched, setUnmatched] = useState<UnmatchedRow[]>([]);
  const [earlier, setEarlier] = useState<Vote[]>([]);
  const [busy, setBusy] = useState(false);
  const operation = useLongOperation();

  useEffect(() => {
    if (!open) return;
    form.reset();
    setResult(null);
    setUnmatched([]);
    setTitle("");
    setDate(todayIso());
    backend.votesList(dossier.id).then(setEarlier, form.showError);
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, dossier.id]);

  const choose = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    let path: string | null;
    try {
      path = await files.pickOpenFile({
        title: t("stances.vote.pickTitle"),
        filters: [
          { name: t("stances.vote.csvFilter"), extensions: ["csv", "tsv", "txt"] },
          { name: t("files.filterAll"), extensions: ["*"] },
        ],
      });
    } catch (raw) {
      form.showError(raw);
      return;
    }
    if (!path) return;
    const chosen = path;
    // Cancelled: undefined, nothing stored (the toast says so).
    const report = await form.submit(() =>
      operation.run((tracking) => backend.voteImport(chosen, { dossier_id: dossier.id, voted_on: date, title }, tracking)),
    );
    if (report) {
      setResult(report.result);
      setUnmatched(report.unmatched);
      toast.success(t("stances.vote.imported", { count: report.matched }));
    }
  };

  const reopen = async (voteId: string) => {
    const found = await form.submit(() => backend.voteResult(voteId));
    if (found) {
      setResult(found);
      setUnmatched([]);
    }
  };

  const accept = async (action: () => Promise<VoteResult>) => {
    setBusy(true);
    try {
      const next = await action();
      const recorded = (result?.proposals.length ?? 0) - next.proposals.length;
      setResult(next);
      toast.success(t("stances.vote.accepted", { count: recorded }));
      onChanged();
    } catch (raw) {
      form.setBannerError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && (form.submitting || busy)) return;
        onOpenChange(next);
      }}
      title={t("stances.vote.title", { reference: dossier.reference })}
      size="xl"
      testId="vote-dialog"
      footer={
        result ? (
          <>
            <Button onClick={() => setResult(null)} data-testid="vote-another">
              {t("stances.vote.another")}
            </Button>
            <Button variant="primary" onClick={() => onOpenChange(false)}>
              {t("common.done")}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => onOpenChange(false)} disabled={form.submitting}>
              {t("common.cancel")}
            </Button>
            <Button
              variant="primary"
              type="submit"
              form="vote-form"
              icon={<UploadIcon size={14} />}
              busy={form.submitting}
              data-testid="vote-choose-file"
            >
              {t("stances.vote.chooseFile")}
            </Button>
          </>
        )
      }
    >
      {form.bannerError && <ErrorBanner error={form.bannerError} testId="vote-error" />}
      <ProgressPanel operation={operation} />
      {result ? (
        <Results
          result={result}
          unmatched={unmatched}
          busy={busy}
          onAccept={(personId) => void accept(() => backend.voteAccept(result.vote.id, [personId]))}
          onAcceptAll={() => void accept(() => backend.voteAcceptAll(result.vote.id))}
        />
      ) : (
        <>
          <form id="vote-form" className="form-grid" onSubmit={choose} noValidate>
            <Field htmlFor="vote-title" label={t("stances.vote.voteTitle")} errorKey="title" error={err.title} className="form-span">
              <input
                id="vote-title"
                className="input"
                autoComplete="off"
                placeholder={t("stances.vote.titlePlaceholder")}
                value={title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  form.clearFieldError("title");
                }}
                data-testid="vote-title"
                {...invalidProps("vote-title", err.title)}
              />
            </Field>
            <Field htmlFor="vote-date" label={t("stances.vote.date")} errorKey="voted_on" error={err.voted_on}>
              <input
                id="vote-date"
                type="date"
                className="input"
                value={date}
                max={todayIso()}
                onChange={(e) => {
                  setDate(e.target.value);
                  form.clearFieldError("voted_on");
                }}
                data-testid="vote-date"
                {...invalidProps("vote-date", err.voted_on)}
              />
            </Field>
            <p className="field-hint form-span">{t("stances.vote.fileHint")}</p>
          </form>
          {earlier.length > 0 && (
            <section className="vote-earlier" aria-label={t("stances.vote.earlier")}>
              <h3 className="section-title">{t("stances.vote.earlier")}</h3>
              <ul>
                {earlier.map((vote) => (
                  <li key={vote.id}>
                    <button type="button" className="link-btn" onClick={() => void reopen(vote.id)} data-testid="vote-earlier">
                      {formatDate(vote.voted_on)} · {vote.title}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Dialog>
  );
}
