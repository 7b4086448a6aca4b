import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Task } from "../../bindings/Task";
import type { TimelinePage } from "../../bindings/TimelinePage";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDate } from "../../lib/dates";
import { InteractionDialog } from "./InteractionDialog";
import type { PickedParty } from "./PartyPicker";
import { TaskItem } from "./TaskItem";
import { announceTasksChanged } from "./useOverdueCount";

const PAGE = 20;

/**
 * A person's, policy-maker's or organisation's interactions, newest first, with their open
 * tasks and a "Log interaction" button that starts with the record as a participant. An
 * organisation's timeline includes what its current people took part in ("via ...").
 */
export function Timeline({ personId, organisationId, name }: { personId?: string; organisationId?: string; name?: string }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [page, setPage] = useState<TimelinePage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const [logging, setLogging] = useState(false);
  const [fetchedName, setFetchedName] = useState<string | null>(null);
  const recordId = personId ?? organisationId ?? null;

  const query = useCallback(
    (offset: number) => ({ person_id: personId ?? null, organisation_id: personId ? null : (organisationId ?? null), offset, limit: PAGE }),
    [personId, organisationId],
  );

  useEffect(() => {
    if (!recordId) return;
    let live = true;
    setError(null);
    backend.timelineGet(query(0)).then(
      (p) => live && setPage(p),
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, query, recordId, token]);

  if (!recordId) return null;

  const more = async () => {
    if (!page) return;
    try {
      const next = await backend.timelineGet(query(page.rows.length));
      setPage({ ...next, rows: [...page.rows, ...next.rows] });
    } catch (raw) {
      setError(toApiError(raw));
    }
  };

  // The record's own name, for the participant the log dialog starts with: given, seen on
  // the timeline, or asked for when the dialog opens.
  const seen =
    name ??
    page?.rows
      .flatMap((e) => e.interaction.participants)
      .find((p) => (personId ? p.person_id === personId : p.organisation_id === organisationId))?.name ??
    fetchedName;
  const prefill: PickedParty[] = [{ kind: personId ? "person" : "organisation", id: recordId, name: seen ?? t("timeline.thisRecord") }];

  const openLog = async () => {
    if (!seen) {
      try {
        setFetchedName(
          personId ? (await backend.personGet(personId)).person.display_name : (await backend.orgGet(recordId)).organisation.name,
        );
      } catch (raw) {
        setError(toApiError(raw));
        return;
      }
    }
    setLogging(true);
  };

  const taskChanged = (task: Task) => {
    setPage((p) => (p ? { ...p, open_tasks: p.open_tasks.map((x) => (x.id === task.id ? task : x)) } : p));
    announceTasksChanged();
  };

  return (
    <section className="detail-section eng-timeline" aria-labelledby={`timeline-${recordId}`} data-testid="timeline">
      <div className="section-head">
        <h3 className="section-title" id={`timeline-${recordId}`}>
          {t("timeline.title")}
          {page && <span className="cell-muted"> · {t("engagement.count", { count: page.total })}</span>}
        </h3>
        <div className="section-actions">
          <Button size="sm" onClick={() => void openLog()} data-testid="timeline-log-button">
            {t("engagement.log")}
          </Button>
        </div>
      </div>
      {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="timeline-error" />}
      {page && page.open_tasks.length > 0 && (
        <div className="eng-timeline-tasks">
          <h4 className="prop-label">{t("timeline.openTasks")}</h4>
          <ul className="eng-task-list" data-testid="timeline-tasks">
            {page.open_tasks.map((task) => (
              <TaskItem key={task.id} task={task} onChanged={taskChanged} />
            ))}
          </ul>
        </div>
      )}
      {page && page.rows.length === 0 && (
        <p className="cell-empty" data-testid="timeline-empty">
          {t("timeline.empty")}
        </p>
      )}
      {page && page.rows.length > 0 && (
        <ol className="eng-timeline-list">
          {page.rows.map(({ interaction, via }) => (
            <li key={interaction.id} className="eng-timeline-item" data-testid="timeline-entry">
              <div className="eng-timeline-head">
                <span className="eng-row-date">{formatDate(interaction.occurred_on)}</span>
                <span className={`eng-kind eng-kind-${interaction.kind}`}>{t(`interactionKind.${interaction.kind}`)}</span>
                <span className="eng-row-subject">{interaction.subject}</span>
              </div>
              {via.length > 0 && (
                <p className="eng-via" data-testid="timeline-via">
                  {t("timeline.via", { names: via.join(", ") })}
                </p>
              )}
              <p className="cell-muted">{interaction.participants.map((p) => p.name).join(", ")}</p>
              {interaction.outcome && <p className="notes-text selectable">{interaction.outcome}</p>}
              {interaction.tasks.length > 0 && (
                <p className="cell-muted">
                  {interaction.tasks.map((task) => `${task.done ? "✓" : "○"} ${task.title}${task.due_on ? ` (${formatDate(task.due_on)})` : ""}`).join(" · ")}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {page && page.rows.length < page.total && (
        <Button size="sm" onClick={() => void more()} data-testid="timeline-more">
          {t("engagement.more")}
        </Button>
      )}
      <InteractionDialog
        open={logging}
        editing={null}
        prefill={prefill}
        onOpenChange={setLogging}
        onSaved={() => {
          setLogging(false);
          setToken((n) => n + 1);
          announceTasksChanged();
        }}
      />
    </section>
  );
}
