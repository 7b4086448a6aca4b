import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../bindings/Task";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { PartyChips, PartyPicker, type PickedParty } from "./PartyPicker";

const FIELDS = { title: "task-title", owner_person_id: "task-owner", due_on: "task-due", notes: "task-notes" } as const;

/** Adds a task of no interaction, or edits any task. */
export function TaskDialog({
  open,
  onOpenChange,
  editing,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  editing: Task | null;
  onSaved: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(FIELDS);
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState<PickedParty | null>(null);
  const [due, setDue] = useState("");
  const [notes, setNotes] = useState("");
  const editedId = editing?.id ?? null;

  useEffect(() => {
    if (!open) return;
    form.reset();
    setTitle(editing?.title ?? "");
    setOwner(editing?.owner_person_id ? { kind: "person", id: editing.owner_person_id, name: editing.owner_name ?? editing.owner_person_id } : null);
    setDue(editing?.due_on ?? "");
    setNotes(editing?.notes ?? "");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editedId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const input = {
      id: editing?.id ?? null,
      title: title.trim(),
      owner_person_id: owner?.id ?? null,
      due_on: due.trim() || null,
      done: editing?.done ?? false,
      notes: notes.trim() || null,
    };
    const saved = await form.submit(() => (editing ? backend.taskUpdate(editing.id, input) : backend.taskCreate(input)));
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !(form.submitting && !next) && onOpenChange(next)}
      title={editing ? t("taskList.editTitle") : t("taskList.newTitle")}
      testId="task-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="task-form" busy={form.submitting} data-testid="task-save">
            {t("form.save")}
          </Button>
        </>
      }
    >
      <form id="task-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="task-form-error" />
          </div>
        )}
        <Field htmlFor="task-title" label={t("engagement.taskTitle")} errorKey="title" error={err.title} className="form-span">
          <input
            id="task-title"
            className="input"
            autoComplete="off"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              form.clearFieldError("title");
            }}
            data-testid="task-title"
            {...invalidProps("task-title", err.title)}
          />
        </Field>
        <Field htmlFor="task-owner" label={t("engagement.taskOwner")} errorKey="owner_person_id" error={err.owner_person_id}>
          {owner ? (
            <PartyChips parties={[owner]} onRemove={() => setOwner(null)} />
          ) : (
            <PartyPicker id="task-owner" scope="people" placeholder={t("engagement.ownerPlaceholder")} onPick={(hit) => setOwner(hit)} error={err.owner_person_id} testId="task-owner" />
          )}
        </Field>
        <Field htmlFor="task-due" label={t("engagement.taskDue")} errorKey="due_on" error={err.due_on}>
          <input
            id="task-due"
            type="date"
            className="input"
            value={due}
            onChange={(e) => {
              setDue(e.target.value);
              form.clearFieldError("due_on");
            }}
            data-testid="task-due"
            {...invalidProps("task-due", err.due_on)}
          />
        </Field>
        <Field htmlFor="task-notes" label={t("taskList.notes")} errorKey="notes" error={err.notes} optional optionalLabel={t("form.optional")} className="form-span">
          <textarea id="task-notes" className="input textarea" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} {...invalidProps("task-notes", err.notes)} />
        </Field>
      </form>
    </Dialog>
  );
}
