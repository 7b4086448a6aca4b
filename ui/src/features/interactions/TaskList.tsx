import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Task } from "../../bindings/Task";
import type { TaskQuery } from "../../bindings/TaskQuery";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { PartyChips, PartyPicker, type PickedParty } from "./PartyPicker";
import { TaskDialog } from "./TaskDialog";
import { TaskItem } from "./TaskItem";

type Show = "open" | "done" | "all";
const PAGE = 200;

/** Every task: open first, overdue first, then by due date, undated last; filters and ticks. */
export function TaskList({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [show, setShow] = useState<Show>("open");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [owner, setOwner] = useState<PickedParty | null>(null);
  const [rows, setRows] = useState<Task[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const [dialog, setDialog] = useState<{ editing: Task | null } | null>(null);

  const query = useCallback(
    (offset: number): TaskQuery => ({
      owner_person_id: owner?.id ?? null,
      done: show === "all" ? null : show === "done",
      overdue: overdueOnly,
      offset,
      limit: PAGE,
    }),
    [owner, show, overdueOnly],
  );

  useEffect(() => {
    let live = true;
    setError(null);
    backend.tasksList(query(0)).then(
      (page) => {
        if (!live) return;
        setRows(page.rows);
        setTotal(page.total);
      },
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, query, token]);

  const more = async () => {
    try {
      const page = await backend.tasksList(query(rows?.length ?? 0));
      setRows((prev) => [...(prev ?? []), ...page.rows]);
      setTotal(page.total);
    } catch (raw) {
      setError(toApiError(raw));
    }
  };

  const changed = (task: Task) => {
    // Stay in place: a ticked task keeps its row until the list is refreshed.
    setRows((prev) => prev?.map((r) => (r.id === task.id ? task : r)) ?? null);
    onChanged();
  };

  return (
    <section className="eng-tasks" aria-label={t("taskList.title")}>
      <div className="toolbar eng-filters" role="toolbar">
        <label className="field-label toolbar-label" htmlFor="task-show">
          {t("taskList.show")}
        </label>
        <select id="task-show" className="input select" value={show} onChange={(e) => setShow(e.target.value as Show)} disabled={overdueOnly} data-testid="task-filter-show">
          <option value="open">{t("taskList.showOpen")}</option>
          <option value="done">{t("taskList.showDone")}</option>
          <option value="all">{t("taskList.showAll")}</option>
        </select>
        <label className="eng-check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="task-filter-overdue" />
          {t("taskList.overdueOnly")}
        </label>
        <div className="eng-owner-filter">
          {owner ? (
            <PartyChips parties={[owner]} onRemove={() => setOwner(null)} testId="task-filter-owner-chip" />
          ) : (
            <PartyPicker id="task-filter-owner" scope="people" placeholder={t("taskList.ownerFilter")} onPick={(hit) => setOwner(hit)} testId="task-filter-owner" />
          )}
        </div>
        <Button onClick={() => setDialog({ editing: null })} data-testid="task-add">
          {t("taskList.add")}
        </Button>
      </div>
      {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="tasks-error" />}
      {rows === null && !error && <p className="page-loading">{t("common.loading")}</p>}
      {rows && rows.length === 0 && <EmptyState title={t("taskList.emptyTitle")} body={t("taskList.emptyBody")} testId="tasks-empty" />}
      {rows && rows.length > 0 && (
        <>
          <p className="cell-muted" data-testid="tasks-count">
            {t("taskList.count", { count: total })}
          </p>
          <ul className="eng-task-list" data-testid="task-list">
            {rows.map((task) => (
              <TaskItem key={task.id} task={task} onChanged={changed} onOpen={(task) => setDialog({ editing: task })} />
            ))}
          </ul>
          {rows.length < total && (
            <Button onClick={() => void more()} data-testid="tasks-more">
              {t("engagement.more")}
            </Button>
          )}
        </>
      )}
      <TaskDialog
        open={dialog !== null}
        editing={dialog?.editing ?? null}
        onOpenChange={(open) => !open && setDialog(null)}
        onSaved={() => {
          setDialog(null);
          setToken((n) => n + 1);
          onChanged();
        }}
      />
    </section>
  );
}
