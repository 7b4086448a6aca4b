import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { DossierChoice } from "../../bindings/DossierChoice";
import type { Interaction } from "../../bindings/Interaction";
import type { InteractionInput } from "../../bindings/InteractionInput";
import type { InteractionKind } from "../../bindings/InteractionKind";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { todayIso } from "../../lib/dates";
import { INTERACTION_KINDS } from "./enums";
import { PartyChips, PartyPicker, type PickedParty } from "./PartyPicker";

interface TaskRow {
  key: number;
  id: string | null;
  title: string;
  owner: PickedParty | null;
  due_on: string;
  done: boolean;
  notes: string | null;
}

interface FormState {
  kind: InteractionKind;
  occurred_on: string;
  subject: string;
  outcome: string;
  dossier_id: string;
  participants: PickedParty[];
  tasks: TaskRow[];
}

let nextKey = 1;

function blankTask(): TaskRow {
  return { key: nextKey++, id: null, title: "", owner: null, due_on: "", done: false, notes: null };
}

function stateOf(interaction: Interaction): FormState {
  return {
    kind: interaction.kind,
    occurred_on: interaction.occurred_on,
    subject: interaction.subject,
    outcome: interaction.outcome ?? "",
    dossier_id: interaction.dossier_id ?? "",
    participants: interaction.participants.map((p) =>
      p.person_id ? { kind: "person", id: p.person_id, name: p.name } : { kind: "organisation", id: p.organisation_id ?? "", name: p.name },
    ),
    tasks: interaction.tasks.map((task) => ({
      key: nextKey++,
      id: task.id,
      title: task.title,
      owner: task.owner_person_id ? { kind: "person", id: task.owner_person_id, name: task.owner_name ?? task.owner_person_id } : null,
      due_on: task.due_on ?? "",
      done: task.done,
      notes: task.notes,
    })),
  };
}

function blankState(prefill: readonly PickedParty[]): FormState {
  return { kind: "meeting", occurred_on: todayIso(), subject: "", outcome: "", dossier_id: "", participants: [...prefill], tasks: [] };
}

function blankToNull(value: string): string | null {
  const v = value.trim();
  return v === "" ? null : v;
}

/** The input the core receives: participants split into people and organisations, task rows in order. */
export function inputOf(state: FormState): InteractionInput {
  return {
    kind: state.kind,
    occurred_on: state.occurred_on.trim(),
    subject: state.subject.trim(),
    outcome: blankToNull(state.outcome),
    dossier_id: blankToNull(state.dossier_id),
    person_ids: state.participants.filter((p) => p.kind === "person").map((p) => p.id),
    organisation_ids: state.participants.filter((p) => p.kind === "organisation").map((p) => p.id),
    tasks: state.tasks.map((task) => ({
      id: task.id,
      title: task.title.trim(),
      owner_person_id: task.owner?.id ?? null,
      due_on: blankToNull(task.due_on),
      done: task.done,
      notes: task.notes,
    })),
  };
}

/** Logs an interaction, or edits one (participants and tasks together). */
export function InteractionDialog({
  open,
  onOpenChange,
  editing,
  prefill = [],
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The interaction to edit; a new one when null. */
  editing: Interaction | null;
  /** Participants a new interaction starts with (the record whose timeline it was logged from). */
  prefill?: readonly PickedParty[];
  onSaved: (saved: Interaction, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [state, setState] = useState<FormState>(() => blankState(prefill));
  const [dossiers, setDossiers] = useState<DossierChoice[]>([]);
  const [dossierError, setDossierError] = useState<ApiError | null>(null);
  const fieldIds = useMemo(() => {
    const ids: Record<string, string> = {
      kind: "interaction-kind",
      occurred_on: "interaction-date",
      subject: "interaction-subject",
      participants: "interaction-participants",
      outcome: "interaction-outcome",
      dossier_id: "interaction-dossier",
    };
    state.tasks.forEach((_, n) => {
      ids[`tasks.${n}.title`] = `task-${n}-title`;
      ids[`tasks.${n}.due_on`] = `task-${n}-due`;
      ids[`tasks.${n}.owner_person_id`] = `task-${n}-owner`;
    });
    return ids;
  }, [state.tasks]);
  const form = useApiForm(fieldIds);
  const editedId = editing?.id ?? null;
  const prefillKey = prefill.map((p) => p.id).join(",");
  const lastTaskTitle = useRef<HTMLInputElement | null>(null);
  const [focusNewTask, setFocusNewTask] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.reset();
    setState(editing ? stateOf(editing) : blankState(prefill));
    let live = true;
    backend.dossierChoices().then(
      (list) => live && setDossiers(list),
      (raw: unknown) => live && setDossierError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
    // Only on opening (or switching record), not on every refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editedId, prefillKey]);

  useEffect(() => {
    if (focusNewTask) {
      lastTaskTitle.current?.focus();
      setFocusNewTask(false);
    }
  }, [focusNewTask]);

  const patch = (next: Partial<FormState>, field?: string) => {
    setState((prev) => ({ ...prev, ...next }));
    if (field) form.clearFieldError(field);
  };
  const patchTask = (key: number, next: Partial<TaskRow>, field?: string) => {
    setState((prev) => ({ ...prev, tasks: prev.tasks.map((task) => (task.key === key ? { ...task, ...next } : task)) }));
    if (field) form.clearFieldError(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const input = inputOf(state);
    const saved = await form.submit(() => (editing ? backend.interactionUpdate(editing.id, input) : backend.interactionCreate(input)));
    if (saved) onSaved(saved, !editing);
  };

  const err = form.fieldErrors;
  const optional = t("form.optional");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && form.submitting) return;
        onOpenChange(next);
      }}
      title={editing ? t("engagement.editTitle") : t("engagement.logTitle")}
      size="lg"
      testId="interaction-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="interaction-form" busy={form.submitting} data-testid="interaction-save">
            {editing ? t("form.save") : t("engagement.logSave")}
          </Button>
        </>
      }
    >
      <form id="interaction-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="interaction-form-error" />
          </div>
        )}
        <Field htmlFor="interaction-kind" label={t("engagement.kind")} errorKey="kind" error={err.kind}>
          <EnumSelect
            id="interaction-kind"
            value={state.kind}
            values={INTERACTION_KINDS}
            label={(kind) => t(`interactionKind.${kind}`)}
            onChange={(kind) => patch({ kind }, "kind")}
            error={err.kind}
          />
        </Field>
        <Field htmlFor="interaction-date" label={t("engagement.date")} errorKey="occurred_on" error={err.occurred_on}>
          <input
            id="interaction-date"
            name="interaction-date"
            type="date"
            className="input"
            value={state.occurred_on}
            onChange={(e) => patch({ occurred_on: e.target.value }, "occurred_on")}
            data-testid="interaction-date"
            {...invalidProps("interaction-date", err.occurred_on)}
          />
        </Field>
        <Field htmlFor="interaction-subject" label={t("engagement.subject")} errorKey="subject" error={err.subject} className="form-span">
          <input
            id="interaction-subject"
            name="interaction-subject"
            className="input"
            autoComplete="off"
            value={state.subject}
            onChange={(e) => patch({ subject: e.target.value }, "subject")}
            data-testid="interaction-subject"
            {...invalidProps("interaction-subject", err.subject)}
          />
        </Field>
        <Field
          htmlFor="interaction-participants"
          label={t("engagement.participants")}
          errorKey="participants"
          error={err.participants}
          hint={t("engagement.participantsHint")}
          className="form-span"
        >
          <PartyChips
            parties={state.participants}
            onRemove={(id) => patch({ participants: state.participants.filter((p) => p.id !== id) }, "participants")}
            testId="interaction-participant-chips"
          />
          <PartyPicker
            id="interaction-participants"
            scope="all"
            exclude={state.participants.map((p) => p.id)}
            onPick={(hit) => patch({ participants: [...state.participants, { kind: hit.kind, id: hit.id, name: hit.name }] }, "participants")}
            error={err.participants}
            testId="interaction-participants"
          />
        </Field>
        {(dossiers.length > 0 || dossierError) && (
          <Field htmlFor="interaction-dossier" label={t("engagement.dossier")} errorKey="dossier_id" error={err.dossier_id} optional optionalLabel={optional}>
            {dossierError && <ErrorBanner error={dossierError} testId="interaction-dossier-error" />}
            <select
              id="interaction-dossier"
              name="interaction-dossier"
              className="input select"
              value={state.dossier_id}
              onChange={(e) => patch({ dossier_id: e.target.value }, "dossier_id")}
              {...invalidProps("interaction-dossier", err.dossier_id)}
            >
              <option value="">{t("engagement.noDossier")}</option>
              {dossiers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.reference} · {d.short_title}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field
          htmlFor="interaction-outcome"
          label={t("engagement.outcome")}
          errorKey="outcome"
          error={err.outcome}
          optional
          optionalLabel={optional}
          className="form-span"
        >
          <textarea
            id="interaction-outcome"
            name="interaction-outcome"
            className="input textarea"
            rows={4}
            value={state.outcome}
            onChange={(e) => patch({ outcome: e.target.value }, "outcome")}
            data-testid="interaction-outcome"
            {...invalidProps("interaction-outcome", err.outcome)}
          />
        </Field>
        <fieldset className="form-span eng-task-rows">
          <legend className="field-label">{t("engagement.followUps")}</legend>
          {state.tasks.map((task, n) => (
            <div key={task.key} className="eng-task-row" data-testid="task-form-row">
              <Field htmlFor={`task-${n}-title`} label={t("engagement.taskTitle")} errorKey={`tasks.${n}.title`} error={err[`tasks.${n}.title`]}>
                <input
                  id={`task-${n}-title`}
                  ref={n === state.tasks.length - 1 ? lastTaskTitle : undefined}
                  className="input"
                  autoComplete="off"
                  value={task.title}
                  onChange={(e) => patchTask(task.key, { title: e.target.value }, `tasks.${n}.title`)}
                  data-testid={`task-${n}-title`}
                  {...invalidProps(`task-${n}-title`, err[`tasks.${n}.title`])}
                />
              </Field>
              <Field htmlFor={`task-${n}-owner`} label={t("engagement.taskOwner")} errorKey={`tasks.${n}.owner_person_id`} error={err[`tasks.${n}.owner_person_id`]}>
                {task.owner ? (
                  <PartyChips parties={[task.owner]} onRemove={() => patchTask(task.key, { owner: null }, `tasks.${n}.owner_person_id`)} />
                ) : (
                  <PartyPicker
                    id={`task-${n}-owner`}
                    scope="people"
                    placeholder={t("engagement.ownerPlaceholder")}
                    onPick={(hit) => patchTask(task.key, { owner: { kind: hit.kind, id: hit.id, name: hit.name } }, `tasks.${n}.owner_person_id`)}
                    error={err[`tasks.${n}.owner_person_id`]}
                    testId={`task-${n}-owner`}
                  />
                )}
              </Field>
              <Field htmlFor={`task-${n}-due`} label={t("engagement.taskDue")} errorKey={`tasks.${n}.due_on`} error={err[`tasks.${n}.due_on`]}>
                <input
                  id={`task-${n}-due`}
                  type="date"
                  className="input"
                  value={task.due_on}
                  onChange={(e) => patchTask(task.key, { due_on: e.target.value }, `tasks.${n}.due_on`)}
                  data-testid={`task-${n}-due`}
                  {...invalidProps(`task-${n}-due`, err[`tasks.${n}.due_on`])}
                />
              </Field>
              <label className="eng-task-done">
                <input type="checkbox" checked={task.done} onChange={(e) => patchTask(task.key, { done: e.target.checked })} />
                {t("engagement.taskDone")}
              </label>
              <button
                type="button"
                className="icon-btn"
                aria-label={t("engagement.removeTask", { n: n + 1 })}
                onClick={() => setState((prev) => ({ ...prev, tasks: prev.tasks.filter((x) => x.key !== task.key) }))}
                data-testid={`task-${n}-remove`}
              >
                ×
              </button>
            </div>
          ))}
          <Button
            size="sm"
            onClick={() => {
              setState((prev) => ({ ...prev, tasks: [...prev.tasks, blankTask()] }));
              setFocusNewTask(true);
            }}
            data-testid="interaction-add-task"
          >
            {t("engagement.addTask")}
          </Button>
        </fieldset>
      </form>
    </Dialog>
  );
}
