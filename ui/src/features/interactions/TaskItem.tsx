import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Task } from "../../bindings/Task";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { formatDate } from "../../lib/dates";

/** One task with its tick box (Space toggles it): done today, or open again. */
export function TaskItem({
  task,
  onChanged,
  onOpen,
  showInteraction = true,
}: {
  task: Task;
  onChanged: (task: Task) => void;
  onOpen?: (task: Task) => void;
  showInteraction?: boolean;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await backend.taskSetDone(task.id, !task.done));
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };
  const cls = ["eng-task", task.overdue ? "is-overdue" : "", task.done ? "is-done" : ""].filter(Boolean).join(" ");
  return (
    <li className={cls} data-testid="task-row" data-overdue={task.overdue || undefined}>
      <input
        type="checkbox"
        className="eng-task-check"
        checked={task.done}
        disabled={busy}
        onChange={() => void toggle()}
        aria-label={t(task.done ? "taskList.markOpen" : "taskList.markDone", { title: task.title })}
        data-testid="task-done"
      />
      <div className="eng-task-main">
        {onOpen ? (
          <button type="button" className="eng-link" onClick={() => onOpen(task)} data-testid="task-open">
            {task.title}
          </button>
        ) : (
          <span className="eng-task-title">{task.title}</span>
        )}
        <span className="eng-task-meta">
          {task.owner_name && <span>{task.owner_name}</span>}
          {task.due_on && (
            <span className={task.overdue ? "eng-overdue" : ""}>
              {task.overdue ? t("taskList.overdueSince", { date: formatDate(task.due_on) }) : t("taskList.due", { date: formatDate(task.due_on) })}
            </span>
          )}
          {task.done && task.done_on && <span>{t("taskList.doneOn", { date: formatDate(task.done_on) })}</span>}
          {showInteraction && task.interaction_subject && <span className="cell-muted">{task.interaction_subject}</span>}
        </span>
        {error && (
          <p className="field-error" role="alert" data-testid="task-error">
            {error.message}
          </p>
        )}
      </div>
    </li>
  );
}
