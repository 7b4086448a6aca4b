import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Event } from "../../bindings/Event";
import type { EventSummary } from "../../bindings/EventSummary";
import type { EventTask } from "../../bindings/EventTask";
import type { EventTaskInput } from "../../bindings/EventTaskInput";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { CheckIcon, CloseIcon, CopyIcon, PencilIcon, PlusIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { useApiForm } from "../../components/useApiForm";
import { formatDate } from "../../lib/dates";
import { SearchPicker, type PickOption } from "./SearchPicker";
import { searchPeople } from "./search";
import { blankToNull } from "./useEvents";

const FIELDS = {
  title: "task-title",
  owner_person_id: "task-owner",
  due_on: "task-due-date",
  due_offset_days: "task-due-days",
  notes: "task-notes",
} as const;

type DueMode = "none" | "date" | "before" | "after";

interface TaskState {
  title: string;
  owner: PickOption | null;
  mode: DueMode;
  date: string;
  days: string;
  notes: string;
}

const BLANK: TaskState = { title: "", owner: null, mode: "before", date: "", days: "10", notes: "" };

function stateOf(task: EventTask): TaskState {
  const offset = task.due_offset_days;
  return {
    title: task.title,
    owner: task.owner_person_id ? { id: task.owner_person_id, label: task.owner_name ?? task.owner_person_id } : null,
    mode: offset !== null ? (offset < 0 ? "before" : "after") : task.due_on ? "date" : "none",
    date: task.due_on ?? "",
    days: offset !== null ? String(Math.abs(offset)) : "10",
    notes: task.notes ?? "",
  };
}

/** "10 days before" / "on the day" / "3 days after". */
export function RelativeDue({ offset }: { offset: number }) {
  const { t } = useTranslation();
  if (offset === 0) return <>{t("tasks.onTheDay")}</>;
  return <>{offset < 0 ? t("tasks.daysBefore", { count: -offset }) : t("tasks.daysAfter", { count: offset })}</>;
}

/** The add/edit fields of a task; `onSubmit` resolves to the fresh list, or undefined on error. */
function TaskForm({
  initial,
  submitLabel,
  formId,
  onDone,
  save,
}: {
  initial: TaskState;
  submitLabel: string;
  formId: string;
  onDone: (tasks: EventTask[]) => void;
  save: (input: EventTaskInput) => Promise<EventTask[]>;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(FIELDS);
  // The form starts from `initial` when mounted (the edit dialog mounts one per task).
  const [state, setState] = useState<TaskState>(initial);

  const set = <K extends keyof TaskState>(key: K, value: TaskState[K], field?: keyof typeof FIELDS) => {
    setState((prev) => ({ ...prev, [key]: value }));
    if (field) form.clearFieldError(field);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.submitting) return;
    const days = Number(state.days);
    if ((state.mode === "before" || state.mode === "after") && (!/^\d+$/.test(state.days.trim()) || !Number.isFinite(days))) {
      form.showError({ code: "validation", message: t("tasks.daysNumber"), field: "due_offset_days" });
      return;
    }
    const input: EventTaskInput = {
      title: state.title.trim(),
      owner_person_id: state.owner?.id ?? null,
      due_on: state.mode === "date" ? blankToNull(state.date) : null,
      due_offset_days: state.mode === "before" ? -days : state.mode === "after" ? days : null,
      notes: blankToNull(state.notes),
    };
    const tasks = await form.submit(() => save(input));
    if (tasks) {
      onDone(tasks);
      setState(BLANK);
    }
  };

  const err = form.fieldErrors;
  return (
    <form id={formId} className="task-form" onSubmit={submit} noValidate data-testid={formId}>
      {form.bannerError && <ErrorBanner error={form.bannerError} />}
      <div className="task-form-grid">
        <Field htmlFor={`${formId}-title`} label={t("tasks.what")} errorKey="title" error={err.title}>
          <input
            id={`${formId}-title`}
            className="input"
            value={state.title}
            onChange={(e) => set("title", e.target.value, "title")}
            data-testid="task-title"
            {...invalidProps(`${formId}-title`, err.title)}
          />
        </Field>
        <Field htmlFor={`${formId}-owner`} label={t("tasks.owner")} errorKey="owner_person_id" error={err.owner_person_id} optional optionalLabel={t("form.optional")}>
          {state.owner ? (
            <span className="tag">
              {state.owner.label}
              <button type="button" className="tag-remove" aria-label={t("events.remove", { name: state.owner.label })} onClick={() => set("owner", null)}>
                <CloseIcon size={10} />
              </button>
            </span>
          ) : (
            <SearchPicker id={`${formId}-owner`} search={(q) => searchPeople(backend, q)} onPick={(p) => set("owner", p, "owner_person_id")} testId="task-owner" />
          )}
        </Field>
        <Field htmlFor={`${formId}-mode`} label={t("tasks.due")} errorKey="due_offset_days" error={err.due_offset_days ?? err.due_on}>
          <div className="task-due">
            <select id={`${formId}-mode`} className="input select" value={state.mode} onChange={(e) => set("mode", e.target.value as DueMode)} data-testid="task-due-mode">
              <option value="none">{t("tasks.dueNone")}</option>
              <option value="date">{t("tasks.dueDate")}</option>
              <option value="before">{t("tasks.dueBefore")}</option>
              <option value="after">{t("tasks.dueAfter")}</option>
            </select>
            {state.mode === "date" && (
              <input type="date" className="input" aria-label={t("tasks.dueDate")} value={state.date} onChange={(e) => set("date", e.target.value, "due_on")} data-testid="task-due-date" />
            )}
            {(state.mode === "before" || state.mode === "after") && (
              <input
                className="input task-days"
                inputMode="numeric"
                aria-label={t("tasks.days")}
                value={state.days}
                onChange={(e) => set("days", e.target.value, "due_offset_days")}
                data-testid="task-due-days"
              />
            )}
          </div>
        </Field>
        <div className="task-form-submit">
          <Button variant="primary" type="submit" busy={form.submitting} icon={<PlusIcon size={14} />} data-testid="task-save">
            {submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** The event's checklist: owners, absolute or relative due dates, overdue tasks highlighted. */
export function TasksTab({
  event,
  tasks,
  otherEvents,
  onChanged,
}: {
  event: Event;
  tasks: EventTask[];
  otherEvents: EventSummary[];
  onChanged: (tasks: EventTask[]) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [editing, setEditing] = useState<EventTask | null>(null);
  const [copyFrom, setCopyFrom] = useState("");
  const [copying, setCopying] = useState(false);
  const overdue = tasks.filter((task) => task.overdue).length;
  const done = tasks.filter((task) => task.done).length;

  const toggle = async (task: EventTask) => {
    try {
      onChanged(await backend.eventTaskSetDone(task.id, !task.done));
    } catch (raw) {
      toast.error(raw, t("tasks.saveFailed"));
    }
  };

  const copy = async () => {
    if (!copyFrom) return;
    setCopying(true);
    try {
      const next = await backend.eventTasksCopy(event.id, copyFrom);
      onChanged(next);
      toast.success(t("tasks.copied", { count: next.length - tasks.length }));
    } catch (raw) {
      toast.error(raw, t("tasks.copyFailed"));
    } finally {
      setCopying(false);
    }
  };

  return (
    <section className="letter-section" aria-labelledby="tasks-title" data-testid="tasks">
      <div className="section-head">
        <h2 className="section-title" id="tasks-title">
          {t("tasks.title")} <span className="cell-muted">{t("tasks.progress", { done, total: tasks.length })}</span>
          {overdue > 0 && (
            <span className="badge-overdue" data-testid="tasks-overdue">
              {t("events.overdueBadge", { count: overdue })}
            </span>
          )}
        </h2>
        {otherEvents.length > 0 && (
          <div className="section-actions">
            <label className="sr-only" htmlFor="tasks-copy-from">
              {t("tasks.copyFrom")}
            </label>
            <select id="tasks-copy-from" className="input select input-sm" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)} data-testid="tasks-copy-from">
              <option value="">{t("tasks.copyFromPlaceholder")}</option>
              {otherEvents.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.starts_at.slice(0, 10)})
                </option>
              ))}
            </select>
            <Button size="sm" icon={<CopyIcon size={14} />} onClick={copy} disabled={!copyFrom} busy={copying} data-testid="tasks-copy">
              {t("tasks.copy")}
            </Button>
          </div>
        )}
      </div>

      <TaskForm initial={BLANK} submitLabel={t("tasks.add")} formId="task-add" onDone={onChanged} save={(input) => backend.eventTaskAdd(event.id, input)} />

      {tasks.length === 0 ? (
        <EmptyState icon={<CheckIcon size={24} />} title={t("tasks.emptyTitle")} body={t("tasks.emptyBody")} testId="tasks-empty" />
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.id} className={`task-row ${task.done ? "is-done" : ""} ${task.overdue ? "is-overdue" : ""}`} data-testid="task-row" data-overdue={task.overdue || undefined}>
              <label className="checkbox-row">
                <input type="checkbox" checked={task.done} onChange={() => toggle(task)} data-testid="task-done" />
                <span className="task-title">{task.title}</span>
              </label>
              <span className="cell-muted task-owner">{task.owner_name ?? t("tasks.noOwner")}</span>
              <span className="task-due-text" data-testid="task-due">
                {task.due_on ? formatDate(task.due_on) : t("tasks.noDue")}
                {task.due_offset_days !== null && (
                  <span className="cell-muted">
                    {" "}
                    (<RelativeDue offset={task.due_offset_days} />)
                  </span>
                )}
                {task.overdue && <span className="badge-overdue">{t("tasks.overdue")}</span>}
              </span>
              <button type="button" className="icon-btn" aria-label={t("tasks.edit", { title: task.title })} onClick={() => setEditing(task)} data-testid="task-edit">
                <PencilIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={t("tasks.editTitle")} size="lg" testId="task-edit-dialog">
        {editing && (
          <TaskForm
            key={editing.id}
            initial={stateOf(editing)}
            submitLabel={t("form.save")}
            formId="task-edit"
            onDone={(next) => {
              setEditing(null);
              onChanged(next);
            }}
            save={(input) => backend.eventTaskUpdate(editing.id, input)}
          />
        )}
      </Dialog>
    </section>
  );
}
