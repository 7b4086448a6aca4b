import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { SeatTerm } from "../../bindings/SeatTerm";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { UsersIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { formatDate, todayIso } from "../../lib/dates";
import { AddTermDialog, EndTermDialog, holderOf } from "./SeatTermDialogs";

/** "Who held which seat on date X": every body's seats on a chosen day (today by default);
 * terms are added and ended here. */
export function SeatsPage() {
  const { t } = useTranslation();
  const backend = useBackend();
  const [date, setDate] = useState(todayIso());
  const [terms, setTerms] = useState<SeatTerm[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<SeatTerm | null>(null);
  const toast = useToast();

  useEffect(() => {
    if (!date) return;
    let live = true;
    setError(null);
    backend.seatsHeldOn(date).then(
      (list) => live && setTerms(list),
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, date, token]);

  const count = terms?.length ?? 0;
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("seats.title")}</h1>
          {terms && (
            <span className="page-count" data-testid="seats-count" aria-live="polite">
              {t("seats.count", { count })}
            </span>
          )}
        </div>
        <div className="toolbar" role="toolbar">
          <label className="field-label toolbar-label" htmlFor="seats-date">
            {t("seats.dateLabel")}
          </label>
          <input
            id="seats-date"
            type="date"
            className="input"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="seats-date"
          />
          <Button onClick={() => setDate(todayIso())} disabled={date === todayIso()} data-testid="seats-today">
            {t("seats.today")}
          </Button>
          <Button variant="primary" onClick={() => setAdding(true)} data-testid="seat-add">
            {t("seatForm.add")}
          </Button>
        </div>
      </header>
      <div className="page-body">
        <section className="list-area" aria-label={t("seats.title")}>
          {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="seats-error" />}
          {terms === null && !error && <p className="page-loading">{t("seats.loading")}</p>}
          {terms && terms.length === 0 && (
            <EmptyState
              icon={<UsersIcon size={28} />}
              title={t("seats.emptyTitle", { date: formatDate(date) })}
              body={t("seats.emptyBody")}
              testId="seats-empty"
            />
          )}
          {terms && terms.length > 0 && (
            <table className="simple-table" data-testid="seats-table">
              <thead>
                <tr>
                  <th>{t("seats.body")}</th>
                  <th>{t("seats.role")}</th>
                  <th>{t("seats.holder")}</th>
                  <th>{t("seats.term")}</th>
                  <th aria-label={t("seatForm.end")} />
                </tr>
              </thead>
              <tbody>
                {terms.map((term) => (
                  <tr key={term.id} data-testid="seat-row">
                    <td>
                      <span className="cell-name-text">{term.body.name}</span>
                      {t(`bodyKind.${term.body.kind}`).toLowerCase() !== term.body.name.toLowerCase() && (
                        <span className="cell-muted"> · {t(`bodyKind.${term.body.kind}`)}</span>
                      )}
                    </td>
                    <td>{t(`seatRole.${term.role}`)}</td>
                    <td data-testid="seat-holder">{holderOf(term)}</td>
                    <td className="cell-muted">
                      {term.ends_on
                        ? t("seats.from_to", { start: formatDate(term.starts_on), end: formatDate(term.ends_on) })
                        : t("seats.since", { start: formatDate(term.starts_on) })}
                    </td>
                    <td>
                      {(!term.ends_on || term.ends_on > todayIso()) && (
                        <Button size="sm" variant="ghost" onClick={() => setEnding(term)} data-testid="seat-end">
                          {t("seatForm.end")}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <AddTermDialog
        open={adding}
        onOpenChange={setAdding}
        onSaved={(term) => {
          setAdding(false);
          toast.success(t("seatForm.added", { holder: holderOf(term) }));
          setToken((n) => n + 1);
        }}
      />
      <EndTermDialog
        term={ending}
        onOpenChange={(open) => !open && setEnding(null)}
        onSaved={(term) => {
          setEnding(null);
          toast.success(t("seatForm.ended", { holder: holderOf(term) }));
          setToken((n) => n + 1);
        }}
      />
    </div>
  );
}
