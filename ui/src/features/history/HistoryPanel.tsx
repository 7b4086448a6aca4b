import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HistorySubject } from "../../api/history";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { HistoryEntry } from "../../bindings/HistoryEntry";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useToast } from "../../components/Toasts";
import { formatDateTime } from "../../lib/dates";
import { changes, fieldLabel, namedLabel, valueText } from "./format";
import { HISTORY_CHANGED, announceHistoryChanged } from "./events";

const PAGE = 20;

/**
 * A record's change history from the audit log, newest first and paged: who changed which
 * field, from what, to what, and when, with the changes to its child records (affiliations,
 * signatures, sessions...). Each entry that can be reversed has an Undo, after confirming.
 * Collapsed until asked for, so a detail pane costs no extra query.
 */
export function HistoryPanel({
  entity,
  id,
  onChanged,
  defaultOpen = false,
}: {
  entity: HistorySubject;
  id: string;
  /** After an undo, so the record around the panel reloads. */
  onChanged?: () => void;
  /** Open at once (in a tab of its own). */
  defaultOpen?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [open, setOpen] = useState(defaultOpen);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState<HistoryEntry | null>(null);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const exists = useCallback((key: string) => i18n.exists(key), [i18n]);

  const load = useCallback(
    async (offset: number) => {
      setLoading(true);
      try {
        const page = await backend.historyForRecord(entity, id, offset, PAGE);
        setEntries((prev) => (offset === 0 ? page.entries : [...prev, ...page.entries]));
        setTotal(page.total);
        setError(null);
      } catch (e) {
        setError(toApiError(e));
      } finally {
        setLoading(false);
      }
    },
    [backend, entity, id],
  );

  useEffect(() => {
    setEntries([]);
    setTotal(0);
    setError(null);
  }, [entity, id]);

  useEffect(() => {
    if (open) void load(0);
  }, [open, load]);

  useEffect(() => {
    if (!open) return;
    const reload = () => void load(0);
    window.addEventListener(HISTORY_CHANGED, reload);
    return () => window.removeEventListener(HISTORY_CHANGED, reload);
  }, [open, load]);

  const undo = async () => {
    if (!confirming) return;
    setBusy(true);
    try {
      const report = await backend.historyUndo(confirming.entry.seq);
      setConfirming(null);
      setUndoError(null);
      toast.success(
        t("history.undoneToast"),
        t("history.undoneToastBody", {
          action: namedLabel(t, exists, "historyAction", report.action),
          entity: namedLabel(t, exists, "historyEntity", report.entity).toLowerCase(),
        }),
      );
      announceHistoryChanged();
      onChanged?.();
    } catch (e) {
      setUndoError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const yes = t("history.yes");
  const no = t("history.no");
  const shown = (value: unknown) => valueText(value, yes, no);

  return (
    <section className="detail-section history-panel" aria-labelledby={`history-${id}`} data-testid="history-panel">
      <div className="history-head">
        <h3 className="section-title" id={`history-${id}`}>
          {t("history.title")}
        </h3>
        <Button variant="ghost" size="sm" onClick={() => setOpen((v) => !v)} aria-expanded={open} data-testid="history-toggle">
          {open ? t("history.hide") : t("history.show")}
        </Button>
      </div>
      {open && (
        <>
          {error && <ErrorBanner error={error} onRetry={() => void load(0)} />}
          {!error && !loading && entries.length === 0 && <p className="cell-empty">{t("history.empty")}</p>}
          {entries.length > 0 && (
            <>
              <p className="history-count">{t("history.count", { count: total })}</p>
              <ol className="history-list" data-testid="history-list">
                {entries.map((item) => {
                  const e = item.entry;
                  const fields = changes(e.before, e.after);
                  const child = e.entity !== entity && !(entity === "policy_maker" && e.entity === "person");
                  const single = e.before == null || e.after == null;
                  return (
                    <li key={e.seq} className={`history-entry${item.undone_by ? " history-undone" : ""}`} data-testid={`history-entry-${e.seq}`}>
                      <div className="history-line">
                        <span className="history-action">
                          {child && <span className="history-entity">{namedLabel(t, exists, "historyEntity", e.entity)} · </span>}
                          {namedLabel(t, exists, "historyAction", e.action)}
                        </span>
                        <span className="history-meta">
                          {formatDateTime(e.at)} · {e.actor ? t("history.by", { actor: e.actor }) : t("history.unknownActor")}
                          {e.undo_of != null && <> · {t("history.undoOf", { seq: e.undo_of })}</>}
                        </span>
                        {item.undone_by != null ? (
                          <span className="history-badge">{t("history.undone")}</span>
                        ) : (
                          item.undoable && (
                            <Button
                              size="sm"
                              variant="secondary"
                              onClick={() => {
                                setUndoError(null);
                                setConfirming(item);
                              }}
                              aria-label={t("history.undoLabel", { seq: e.seq })}
                              data-testid={`history-undo-${e.seq}`}
                            >
                              {t("history.undo")}
                            </Button>
                          )
                        )}
                      </div>
                      {fields.length === 0 ? (
                        <p className="history-none">{t("history.nothingChanged")}</p>
                      ) : single ? (
                        <dl className="history-fields">
                          <dt className="history-caption">{e.after == null ? t("history.fieldsRemoved") : t("history.fieldsSet")}</dt>
                          {fields
                            .filter((f) => shown(e.after == null ? f.from : f.to) !== null)
                            .map((f) => (
                              <div key={f.field} className="history-field">
                                <dt>{fieldLabel(t, exists, f.field)}</dt>
                                <dd>{shown(e.after == null ? f.from : f.to)}</dd>
                              </div>
                            ))}
                        </dl>
                      ) : (
                        <table className="history-diff">
                          <tbody>
                            {fields.map((f) => (
                              <tr key={f.field}>
                                <th scope="row">{fieldLabel(t, exists, f.field)}</th>
                                <td className="history-from" aria-label={t("history.from")}>
                                  {shown(f.from) ?? <em>{t("history.empty_value")}</em>}
                                </td>
                                <td className="history-arrow" aria-hidden="true">
                                  →
                                </td>
                                <td className="history-to" aria-label={t("history.to")}>
                                  {shown(f.to) ?? <em>{t("history.empty_value")}</em>}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                    </li>
                  );
                })}
              </ol>
              {entries.length < total && (
                <Button variant="ghost" size="sm" onClick={() => void load(entries.length)} disabled={loading} data-testid="history-more">
                  {t("history.more")}
                </Button>
              )}
            </>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(o) => !o && setConfirming(null)}
        title={t("history.confirmTitle")}
        body={
          confirming
            ? t("history.confirmBody", { seq: confirming.entry.seq, action: namedLabel(t, exists, "historyAction", confirming.entry.action).toLowerCase() })
            : ""
        }
        confirmLabel={t("history.confirm")}
        onConfirm={() => void undo()}
        busy={busy}
        error={undoError}
        testId="history-undo-dialog"
      />
    </section>
  );
}
