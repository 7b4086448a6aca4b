import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { FetchProgress } from "../../bindings/FetchProgress";
import type { MepChange } from "../../bindings/MepChange";
import type { MepChangeKind } from "../../bindings/MepChangeKind";
import type { MepSyncReport } from "../../bindings/MepSyncReport";
import { useBackend, useFilePicker } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { DownloadIcon, UploadIcon } from "../../components/Icons";
import { ProgressPanel } from "../../components/ProgressPanel";
import { useLongOperation } from "../../components/useLongOperation";
import { changeFieldLabel, mepStatusLabel } from "./labels";

type Step =
  | { kind: "choose" }
  | { kind: "reading"; path: string }
  | { kind: "fetching"; progress: FetchProgress | null }
  | { kind: "review"; path: string; fromWeb: boolean; plan: MepSyncReport };

const KINDS: MepChangeKind[] = ["added", "updated", "outgoing"];

function ChangeValue({ change }: { change: MepChange }) {
  const { t } = useTranslation();
  if (change.kind === "added") return <span className="cell-muted">{t("policy.import.newMep")}</span>;
  if (change.kind === "outgoing") return <span className="cell-muted">{t("policy.import.leaves")}</span>;
  const show = (value: string | undefined) =>
    change.field === "status" && (value === "current" || value === "outgoing") ? mepStatusLabel(t, value) : (value ?? "—");
  return (
    <span className="policy-change">
      <span className="policy-change-from">{show(change.from)}</span>
      <span className="arrow" aria-hidden="true">
        →
      </span>
      <span className="policy-change-to">{show(change.to)}</span>
    </span>
  );
}

/**
 * "Import MEP list…": choose the Parliament's XML (or fetch it), review the plan (counts and
 * every change, grouped), then Apply or Cancel. Nothing is written before Apply.
 */
export function MepImportDialog({
  open,
  onClose,
  onApplied,
}: {
  open: boolean;
  onClose: () => void;
  onApplied: (report: MepSyncReport) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [error, setError] = useState<ApiError | null>(null);
  const [applying, setApplying] = useState(false);
  const operation = useLongOperation();
  const live = useRef(0);
  const applyRef = useRef<HTMLButtonElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);

  // Keyboard users land on Apply when the plan is shown, and back on "Choose" otherwise.
  useEffect(() => {
    if (step.kind === "review") applyRef.current?.focus();
    if (step.kind === "choose" && open) chooseRef.current?.focus();
  }, [step.kind, open]);

  useEffect(() => {
    if (open) {
      live.current++;
      setStep({ kind: "choose" });
      setError(null);
      setApplying(false);
    }
  }, [open]);

  const chooseFile = async () => {
    setError(null);
    const run = ++live.current;
    try {
      const path = await files.pickOpenFile({
        title: t("policy.import.pickTitle"),
        filters: [
          { name: t("policy.import.filterXml"), extensions: ["xml"] },
          { name: t("files.filterAll"), extensions: ["*"] },
        ],
      });
      if (!path || run !== live.current) return;
      setStep({ kind: "reading", path });
      const plan = await backend.mepsPreview(path);
      if (run === live.current) setStep({ kind: "review", path, fromWeb: false, plan });
    } catch (raw) {
      if (run !== live.current) return;
      setError(toApiError(raw));
      setStep({ kind: "choose" });
    }
  };

  const fetchList = async () => {
    setError(null);
    const run = ++live.current;
    setStep({ kind: "fetching", progress: null });
    try {
      const fetched = await backend.mepsFetch((progress) => {
        if (run === live.current) setStep({ kind: "fetching", progress });
      });
      if (run === live.current) setStep({ kind: "review", path: fetched.path, fromWeb: true, plan: fetched.plan });
    } catch (raw) {
      if (run !== live.current) return;
      setError(toApiError(raw));
      setStep({ kind: "choose" });
    }
  };

  const apply = async () => {
    if (step.kind !== "review" || applying) return;
    setApplying(true);
    setError(null);
    try {
      const path = step.path;
      const report = await operation.run((tracking) => backend.mepsImport(path, tracking));
      // Cancelled: nothing was written; the plan stays on screen.
      if (report !== undefined) onApplied(report);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setApplying(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter" || step.kind !== "review") return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("button, a, input, select, textarea")) return;
    event.preventDefault();
    void apply();
  };

  const close = () => {
    live.current++;
    onClose();
  };

  let body;
  if (step.kind === "review") {
    const { plan } = step;
    const counts: Array<[string, number, string]> = [
      [t("policy.import.added"), plan.added, "added"],
      [t("policy.import.updated"), plan.updated, "updated"],
      [t("policy.import.outgoing"), plan.outgoing, "outgoing"],
      [t("policy.import.unchanged"), plan.unchanged, "unchanged"],
    ];
    body = (
      <div className="mep-review" data-testid="mep-review">
        <p className="cell-muted">
          {t("policy.import.source", { source: step.fromWeb ? t("policy.import.sourceWeb") : step.path })}
        </p>
        <dl className="mep-review-counts">
          {counts.map(([label, n, id]) => (
            <div key={id} className={`mep-count mep-count-${id}`} data-testid={`mep-count-${id}`}>
              <dt>{label}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
        {plan.changes.length === 0 ? (
          <p data-testid="mep-no-changes">{t("policy.import.noChanges")}</p>
        ) : (
          <div className="mep-review-scroll" tabIndex={0} aria-label={t("policy.import.changesLabel")}>
            {KINDS.map((kind) => {
              const changes = plan.changes.filter((c) => c.kind === kind);
              if (changes.length === 0) return null;
              const heading =
                kind === "added" ? t("policy.import.added") : kind === "updated" ? t("policy.import.updated") : t("policy.import.outgoing");
              return (
                <section key={kind} className="mep-review-group" data-testid={`mep-changes-${kind}`}>
                  <h3 className="section-title">
                    {heading} <span className="cell-muted">({changes.length})</span>
                  </h3>
                  <table className="simple-table mep-changes">
                    <thead>
                      <tr>
                        <th scope="col">{t("policy.import.epId")}</th>
                        <th scope="col">{t("policy.import.mep")}</th>
                        <th scope="col">{t("policy.import.field")}</th>
                        <th scope="col">{t("policy.import.change")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((change, n) => (
                        <tr key={`${change.ep_id}-${change.field ?? ""}-${n}`} data-testid="mep-change">
                          <td className="cell-muted">{change.ep_id}</td>
                          <td>{change.name}</td>
                          <td>{change.kind === "updated" ? changeFieldLabel(t, change.field) : ""}</td>
                          <td>
                            <ChangeValue change={change} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              );
            })}
          </div>
        )}
      </div>
    );
  } else if (step.kind === "fetching") {
    const p = step.progress;
    const kb = (n: number) => Math.round(n / 1024).toLocaleString();
    body = (
      <div className="mep-fetching" data-testid="mep-fetching">
        <p>{t("policy.import.fetching")}</p>
        <progress
          className="mep-progress"
          data-testid="mep-fetch-progress"
          max={p?.total ?? undefined}
          value={p?.total ? p.received : undefined}
          aria-label={t("policy.import.fetching")}
        />
        {p && (
          <p className="cell-muted">
            {p.total ? t("policy.import.progress", { received: kb(p.received), total: kb(p.total) }) : t("policy.import.progressUnknown", { received: kb(p.received) })}
          </p>
        )}
      </div>
    );
  } else {
    body = (
      <div className="mep-choose">
        <p>{t("policy.import.intro")}</p>
        {step.kind === "reading" && <p className="cell-muted">{t("policy.import.reading", { path: step.path })}</p>}
        <div className="mep-choose-actions">
          <Button ref={chooseRef} icon={<UploadIcon size={14} />} onClick={chooseFile} busy={step.kind === "reading"} data-testid="mep-import-file">
            {t("policy.import.chooseFile")}
          </Button>
          <Button icon={<DownloadIcon size={14} />} onClick={fetchList} disabled={step.kind === "reading"} data-testid="mep-fetch">
            {t("policy.import.fetch")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) close();
      }}
      title={step.kind === "review" ? t("policy.import.reviewTitle") : t("policy.import.title")}
      size="lg"
      testId="mep-import-dialog"
      onKeyDown={onKeyDown}
      footer={
        <>
          {step.kind === "review" && (
            <Button variant="ghost" onClick={() => setStep({ kind: "choose" })} disabled={applying} data-testid="mep-back">
              {t("policy.import.back")}
            </Button>
          )}
          <Button onClick={close} disabled={applying} data-testid="mep-cancel">
            {t("common.cancel")}
          </Button>
          {step.kind === "review" && (
            <Button ref={applyRef} variant="primary" onClick={apply} busy={applying} data-testid="mep-apply" shortcut={t("keys.enter")}>
              {t("policy.import.apply")}
            </Button>
          )}
        </>
      }
    >
      {error && (
        <ErrorBanner
          error={error}
          testId="mep-import-error"
          onDismiss={() => setError(null)}
        />
      )}
      <ProgressPanel operation={operation} />
      {body}
    </Dialog>
  );
}
