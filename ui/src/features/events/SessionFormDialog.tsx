import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Event } from "../../bindings/Event";
import type { Programme } from "../../bindings/Programme";
import type { Session } from "../../bindings/Session";
import type { SessionInput } from "../../bindings/SessionInput";
import type { SessionKind } from "../../bindings/SessionKind";
import type { SpeakerRole } from "../../bindings/SpeakerRole";
import type { SpeakerState } from "../../bindings/SpeakerState";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { CloseIcon } from "../../components/Icons";
import { useApiForm } from "../../components/useApiForm";
import { SESSION_KINDS, SPEAKER_ROLES, SPEAKER_STATES } from "./enums";
import { SearchPicker } from "./SearchPicker";
import { searchPeople } from "./search";
import { joinLocal, splitLocal } from "./time";
import { blankToNull } from "./useEvents";

export const SESSION_FORM_FIELDS = {
  title: "session-title",
  kind: "session-kind",
  starts_at: "session-start",
  ends_at: "session-end",
  notes: "session-notes",
  speakers: "session-speaker-picker",
} as const;

interface SpeakerRow {
  person_id: string;
  name: string;
  role: SpeakerRole;
  state: SpeakerState;
}

interface FormState {
  title: string;
  kind: SessionKind;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  notes: string;
  speakers: SpeakerRow[];
}

function blank(event: Event): FormState {
  const s = splitLocal(event.starts_at);
  return { title: "", kind: "keynote", startDate: s.date, startTime: s.time, endDate: s.date, endTime: "", notes: "", speakers: [] };
}

function stateOf(session: Session): FormState {
  const s = splitLocal(session.starts_at);
  const e = splitLocal(session.ends_at);
  return {
    title: session.title,
    kind: session.kind,
    startDate: s.date,
    startTime: s.time,
    endDate: e.date,
    endTime: e.time,
    notes: session.notes ?? "",
    speakers: session.speakers.map((sp) => ({ person_id: sp.person_id, name: sp.display_name, role: sp.role, state: sp.state })),
  };
}

/** Add or edit a session: times in the event's zone, speakers with role and confirmation. */
export function SessionFormDialog({
  event,
  session,
  open,
  onClose,
  onSaved,
}: {
  event: Event;
  /** null: a new session. */
  session: Session | null;
  open: boolean;
  onClose: () => void;
  onSaved: (programme: Programme) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(SESSION_FORM_FIELDS);
  const [state, setState] = useState<FormState>(() => blank(event));

  useEffect(() => {
    if (!open) return;
    form.reset();
    setState(session ? stateOf(session) : blank(event));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, session?.id]);

  const set =
    <K extends keyof FormState>(key: K, field: keyof typeof SESSION_FORM_FIELDS) =>
    (value: FormState[K]) => {
      setState((prev) => ({ ...prev, [key]: value }));
      form.clearFieldError(field);
    };

  const setSpeaker = (index: number, patch: Partial<SpeakerRow>) =>
    set("speakers", "speakers")(state.speakers.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.submitting) return;
    const input: SessionInput = {
      title: state.title.trim(),
      kind: state.kind,
      starts_at: joinLocal(state.startDate, state.startTime),
      ends_at: joinLocal(state.endDate || state.startDate, state.endTime),
      notes: blankToNull(state.notes),
      speakers: state.speakers.map(({ person_id, role, state: s }) => ({ person_id, role, state: s })),
    };
    const saved = await form.submit(() => (session ? backend.sessionUpdate(session.id, input) : backend.sessionAdd(event.id, input)));
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  const defaultRole: SpeakerRole = state.kind === "panel" ? "panellist" : state.kind === "keynote" ? "keynote_speaker" : "host";

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !form.submitting) onClose();
      }}
      title={session ? t("sessionForm.editTitle") : t("sessionForm.newTitle")}
      description={t("sessionForm.zoneNote", { zone: event.time_zone })}
      size="lg"
      testId="session-form"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="session-form-el" busy={form.submitting} data-testid="session-save">
            {session ? t("form.save") : t("sessionForm.add")}
          </Button>
        </>
      }
    >
      <form id="session-form-el" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="session-form-error" />
          </div>
        )}
        <Field htmlFor="session-title" label={t("sessionForm.title")} errorKey="title" error={err.title} className="form-span">
          <input
            id="session-title"
            className="input"
            autoComplete="off"
            value={state.title}
            onChange={(e) => set("title", "title")(e.target.value)}
            data-testid="session-title"
            {...invalidProps("session-title", err.title)}
          />
        </Field>
        <Field htmlFor="session-kind" label={t("sessionForm.kind")} errorKey="kind" error={err.kind}>
          <EnumSelect id="session-kind" value={state.kind} values={SESSION_KINDS} label={(k) => t(`eventSessionKind.${k}`)} onChange={set("kind", "kind")} error={err.kind} />
        </Field>
        <div />
        <Field htmlFor="session-start" label={t("sessionForm.start")} errorKey="starts_at" error={err.starts_at}>
          <div className="date-time">
            <input
              id="session-start-date"
              className="input"
              type="date"
              aria-label={t("sessionForm.startDate")}
              value={state.startDate}
              onChange={(e) => set("startDate", "starts_at")(e.target.value)}
              data-testid="session-start-date"
            />
            <input
              id="session-start"
              className="input"
              type="time"
              value={state.startTime}
              onChange={(e) => set("startTime", "starts_at")(e.target.value)}
              data-testid="session-start"
              {...invalidProps("session-start", err.starts_at)}
            />
          </div>
        </Field>
        <Field htmlFor="session-end" label={t("sessionForm.end")} errorKey="ends_at" error={err.ends_at}>
          <div className="date-time">
            <input
              id="session-end-date"
              className="input"
              type="date"
              aria-label={t("sessionForm.endDate")}
              value={state.endDate}
              onChange={(e) => set("endDate", "ends_at")(e.target.value)}
              data-testid="session-end-date"
            />
            <input
              id="session-end"
              className="input"
              type="time"
              value={state.endTime}
              onChange={(e) => set("endTime", "ends_at")(e.target.value)}
              data-testid="session-end"
              {...invalidProps("session-end", err.ends_at)}
            />
          </div>
        </Field>
        <Field htmlFor="session-speaker-picker" label={t("sessionForm.speakers")} errorKey="speakers" error={err.speakers} className="form-span">
          <SearchPicker
            id="session-speaker-picker"
            testId="session-speaker-picker"
            search={(q) => searchPeople(backend, q)}
            exclude={state.speakers.map((s) => s.person_id)}
            placeholder={t("sessionForm.speakerPlaceholder")}
            onPick={(p) => set("speakers", "speakers")([...state.speakers, { person_id: p.id, name: p.label, role: defaultRole, state: "to_ask" }])}
          />
          {state.speakers.length > 0 && (
            <ul className="speaker-rows" data-testid="session-speakers">
              {state.speakers.map((s, i) => (
                <li key={s.person_id} className="speaker-row" data-testid="session-speaker">
                  <span className="speaker-name">{s.name}</span>
                  <EnumSelect
                    id={`speaker-role-${i}`}
                    value={s.role}
                    values={SPEAKER_ROLES}
                    label={(r) => t(`eventSpeakerRole.${r}`)}
                    onChange={(role) => setSpeaker(i, { role })}
                  />
                  <EnumSelect
                    id={`speaker-state-${i}`}
                    value={s.state}
                    values={SPEAKER_STATES}
                    label={(st) => t(`eventSpeakerState.${st}`)}
                    onChange={(st) => setSpeaker(i, { state: st })}
                  />
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={t("events.remove", { name: s.name })}
                    onClick={() => set("speakers", "speakers")(state.speakers.filter((_, j) => j !== i))}
                  >
                    <CloseIcon size={12} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field htmlFor="session-notes" label={t("sessionForm.notes")} errorKey="notes" error={err.notes} optional optionalLabel={t("form.optional")} className="form-span">
          <textarea
            id="session-notes"
            className="input textarea"
            rows={2}
            value={state.notes}
            onChange={(e) => set("notes", "notes")(e.target.value)}
            {...invalidProps("session-notes", err.notes)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
