import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Candidate } from "../../bindings/Candidate";
import type { DuplicatePair } from "../../bindings/DuplicatePair";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { useStoreInfo } from "../../app/storeInfo";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { AlertIcon, CheckIcon, MergeIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";

function CandidateName({ candidate }: { candidate: Candidate }) {
  return (
    <span className="cell-name">
      <span className="cell-name-text">{candidate.name}</span>
      {candidate.short_name && <span className="tag">{candidate.short_name}</span>}
    </span>
  );
}

type Side = "a" | "b";

/** Which of the two survives; says plainly what moves and that it can be undone. */
function MergeDialog({
  pair,
  onClose,
  onMerged,
}: {
  pair: DuplicatePair | null;
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const storeInfo = useStoreInfo();
  const [keep, setKeep] = useState<Side | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    setKeep(null);
    setBusy(false);
    setError(null);
  }, [pair]);

  const kept = pair && keep ? pair[keep] : null;
  const dropped = pair && keep ? pair[keep === "a" ? "b" : "a"] : null;

  const undo = async (seq: number) => {
    try {
      const restored = await backend.orgsMergeUndo(seq);
      toast.success(t("duplicates.undone", { name: restored.name }));
      onMerged();
      storeInfo.reload();
    } catch (raw) {
      toast.error(raw, t("duplicates.undoFailed"));
    }
  };

  const merge = async () => {
    if (!kept || !dropped) return;
    setBusy(true);
    setError(null);
    try {
      const report = await backend.orgsMerge(kept.id, dropped.id);
      onClose();
      onMerged();
      storeInfo.reload();
      const details = [
        t("duplicates.movedSignatures", { count: report.signatures_moved }),
        report.signatures_dropped > 0 ? t("duplicates.droppedSignatures", { count: report.signatures_dropped }) : null,
        report.membership_moved ? t("duplicates.membershipMoved") : null,
      ]
        .filter(Boolean)
        .join(" ");
      toast.success(t("duplicates.merged", { dropped: report.merged_name, kept: report.kept.name }), details, {
        label: t("duplicates.undo"),
        onClick: () => void undo(report.audit_seq),
        testId: "merge-undo",
      });
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={pair !== null}
      onOpenChange={(next) => !next && !busy && onClose()}
      title={t("duplicates.mergeTitle")}
      description={t("duplicates.mergeDescription")}
      testId="merge-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button variant="danger" icon={<MergeIcon size={14} />} onClick={merge} disabled={!kept} busy={busy} data-testid="merge-confirm">
            {t("duplicates.merge")}
          </Button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      {pair && (
        <>
          <fieldset className="radio-group merge-choice">
            <legend className="field-label">{t("duplicates.keepWhich")}</legend>
            {(["a", "b"] as const).map((side) => (
              <label key={side} className={`merge-option ${keep === side ? "is-checked" : ""}`}>
                <input type="radio" name="merge-keep" value={side} checked={keep === side} onChange={() => setKeep(side)} data-testid={`merge-keep-${side}`} />
                <CandidateName candidate={pair[side]} />
              </label>
            ))}
          </fieldset>
          {kept && dropped ? (
            <div className="banner banner-warning merge-warning" role="alert" data-testid="merge-warning">
              <AlertIcon className="banner-icon" />
              <div className="banner-body">
                <span className="banner-message">{t("duplicates.warningTitle", { dropped: dropped.name, kept: kept.name })}</span>
                <ul className="merge-list">
                  <li>{t("duplicates.warningSignatures", { kept: kept.name })}</li>
                  <li>{t("duplicates.warningMembership", { kept: kept.name })}</li>
                  <li>{t("duplicates.warningFields", { kept: kept.name })}</li>
                  <li>{t("duplicates.warningUndo")}</li>
                </ul>
              </div>
            </div>
          ) : (
            <p className="field-hint">{t("duplicates.chooseFirst")}</p>
          )}
        </>
      )}
    </Dialog>
  );
}

/** Pairs of organisations that look like the same one, best first, each with "Merge…". */
export function DuplicatesView() {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    backend.orgsDuplicates().then(
      (list) => {
        if (!live) return;
        setPairs(list);
        setError(null);
        setLoading(false);
      },
      (raw: unknown) => {
        if (!live) return;
        setError(toApiError(raw));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [backend, token]);

  const reload = useCallback(() => setToken((n) => n + 1), []);

  return (
    <div className="duplicates-view" data-testid="duplicates">
      <div className="filter-bar">
        <span className="cell-muted">{t("duplicates.help")}</span>
        <span className="footer-spacer" />
        <span className="page-count" data-testid="duplicates-count">
          {pairs ? t("duplicates.count", { count: pairs.length, formatted: pairs.length.toLocaleString(i18n.language) }) : t("common.loading")}
        </span>
        {loading && pairs && <span className="loading-dot" aria-hidden="true" />}
      </div>
      {error && <ErrorBanner error={error} onRetry={reload} testId="duplicates-error" />}
      {pairs && pairs.length === 0 && !error && (
        <EmptyState icon={<CheckIcon size={28} />} title={t("duplicates.emptyTitle")} body={t("duplicates.emptyBody")} testId="duplicates-empty" />
      )}
      {pairs && pairs.length > 0 && (
        <div className="data-table-scroll">
          <table className="data-table duplicates-table" aria-label={t("duplicates.tableLabel")}>
            <thead>
              <tr>
                <th scope="col">{t("duplicates.score")}</th>
                <th scope="col">{t("duplicates.reason")}</th>
                <th scope="col">{t("duplicates.first")}</th>
                <th scope="col">{t("duplicates.second")}</th>
                <th scope="col">
                  <span className="sr-only">{t("signatures.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <tr key={`${pair.a.id}-${pair.b.id}`} data-testid="duplicate-row">
                  <td className="col-score">
                    <span className="score">
                      <span className="score-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(pair.score * 100)}%` }} />
                      </span>
                      {Math.round(pair.score * 100)}%
                    </span>
                  </td>
                  <td>
                    <span className={`tag reason-${pair.reason}`}>{t(`duplicateReason.${pair.reason}`)}</span>
                  </td>
                  <td>
                    <CandidateName candidate={pair.a} />
                  </td>
                  <td>
                    <CandidateName candidate={pair.b} />
                  </td>
                  <td className="col-actions">
                    <Button size="sm" icon={<MergeIcon size={14} />} onClick={() => setMerging(pair)} data-testid="duplicate-merge">
                      {t("duplicates.mergeButton")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MergeDialog pair={merging} onClose={() => setMerging(null)} onMerged={reload} />
    </div>
  );
}
