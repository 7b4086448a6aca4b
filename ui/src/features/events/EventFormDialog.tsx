import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Event } from "../../bindings/Event";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventInput } from "../../bindings/EventInput";
import type { EventKind } from "../../bindings/EventKind";
import type { EventStatus } from "../../bindings/EventStatus";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { CloseIcon } from "../../components/Icons";
import { useApiForm } from "../../components/useApiForm";
import { COMMON_ZONES, EVENT_KINDS, EVENT_STATUSES } from "./enums";
import { SearchPicker, type PickOption } from "./SearchPicker";
import { searchOrganisations } from "./search";
import { joinLocal, splitLocal } from "./time";
import { blankToNull } from "./useEvents";

/** Core field name → control id. The start and end errors land on their date inputs. */
export const EVENT_FORM_FIELDS = {
  reference: "event-reference",
  title: "event-title",
  kind: "event-kind",
  status: "event-status",
  time_zone: "event-zone",
  starts_at: "event-start-date",
  ends_at: "event-end-date",
  venue_name: "event-venue",
  venue_address: "event-address",
  venue_room: "event-room",
  online_link: "event-link",
  capacity: "event-capacity",
  organiser_ids: "event-organisers",
  notes: "event-notes",
} as const;

interface FormState {
  reference: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  zone: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  venue: string;
  address: string;
  room: string;
  link: string;
  capacity: string;
  organisers: PickOption[];
  notes: string;
}

const BLANK: FormState = {
  reference: "",
  title: "",
  kind: "conference",
  status: "planning",
  zone: "Europe/Brussels",
  startDate: "",
  startTime: "09:00",
  endDate: "",
  endTime: "17:00",
  venue: "",
  address: "",
  room: "",
  link: "",
  capacity: "",
  organisers: [],
  notes: "",
};

function stateOf(e: Event): FormState {
  const s = splitLocal(e.starts_at);
  const en = splitLocal(e.ends_at);
  return {
    reference: e.reference,
    title: e.title,
    kind: e.kind,
    status: e.status,
    zone: e.time_zone,
    startDate: s.date,
    startTime: s.time,
    endDate: en.date,
    endTime: en.time,
    venue: e.venue_name ?? "",
    address: e.venue_address ?? "",
    room: e.venue_room ?? "",
    link: e.online_link ?? "",
    capacity: e.capacity === null ? "" : String(e.capacity),
    organisers: e.organisers.map((o) => ({ id: o.organisation_id, label: o.name })),
    notes: e.notes ?? "",
  };
}

/** "" → null, "60" → 60; anything else is sent as NaN-free garbage the core refuses. */
function parseCapacity(value: string): number | null | "bad" {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : "bad";
}

type FormMode = { kind: "create" } | { kind: "edit"; event: Event };

export function EventFormDialog({
  open,
  mode,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  mode: FormMode;
  onOpenChange: (open: boolean) => void;
  onSaved: (detail: EventDetail, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(EVENT_FORM_FIELDS);
  const [state, setState] = useState<FormState>(BLANK);
  const zonesId = useId();
  const editedId = mode.kind === "edit" ? mode.event.id : null;

  useEffect(() => {
    if (!open) return;
    form.reset();
    setState(mode.kind === "edit" ? stateOf(mode.event) : BLANK);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editedId]);

  const set =
    <K extends keyof FormState>(key: K, field: keyof typeof EVENT_FORM_FIELDS) =>
    (value: FormState[K]) => {
      setState((prev) => ({ ...prev, [key]: value }));
      form.clearFieldError(field);
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const capacity = parseCapacity(state.capacity);
    if (capacity === "bad") {
      form.showError({ code: "validation", message: t("eventForm.capacityNumber"), field: "capacity" });
      return;
    }
    const input: EventInput = {
      reference: state.reference.trim(),
      title: state.title.trim(),
      kind: state.kind,
      status: state.status,
      time_zone: blankToNull(state.zone),
      starts_at: joinLocal(state.startDate, state.startTime),
      ends_at: joinLocal(state.endDate || state.startDate, state.endTime),
      venue_name: blankToNull(state.venue),
      venue_address: blankToNull(state.address),
      venue_room: blankToNull(state.room),
      online_link: blankToNull(state.link),
      capacity,
      organiser_ids: state.organisers.map((o) => o.id),
      notes: blankToNull(state.notes),
    };
    if (mode.kind === "edit") {
      const saved = await form.submit(() => backend.eventUpdate(mode.event.id, input));
      if (saved) onSaved(saved, false);
    } else {
      const saved = await form.submit(() => backend.eventCreate(input));
      if (saved) onSaved(saved, true);
    }
  };

  const err = form.fieldErrors;
  const optional = t("form.optional");
  const text = (key: keyof FormState, field: keyof typeof EVENT_FORM_FIELDS, extra: Record<string, unknown> = {}) => ({
    id: EVENT_FORM_FIELDS[field],
    name: EVENT_FORM_FIELDS[field],
    className: "input",
    autoComplete: "off",
    value: state[key] as string,
    onChange: (e: { target: { value: string } }) => set(key, field)(e.target.value as never),
    "data-testid": EVENT_FORM_FIELDS[field],
    ...invalidProps(EVENT_FORM_FIELDS[field], err[field]),
    ...extra,
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && form.submitting) return;
        onOpenChange(next);
      }}
      title={mode.kind === "edit" ? t("eventForm.editTitle") : t("eventForm.newTitle")}
      size="lg"
      testId="event-form"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="event-form-el" busy={form.submitting} data-testid="event-form-submit">
            {mode.kind === "edit" ? t("form.save") : t("eventForm.create")}
          </Button>
        </>
      }
    >
      <form id="event-form-el" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="event-form-error" />
          </div>
        )}
        <Field htmlFor="event-title" label={t("eventForm.title")} errorKey="title" error={err.title} className="form-span">
          <input {...text("title", "title")} />
        </Field>
        <Field htmlFor="event-reference" label={t("eventForm.reference")} errorKey="reference" error={err.reference} hint={t("eventForm.referenceHint")}>
          <input {...text("reference", "reference", { className: "input input-mono", spellCheck: false, placeholder: "eclag-hle-2023" })} />
        </Field>
        <Field htmlFor="event-kind" label={t("eventForm.kind")} errorKey="kind" error={err.kind}>
          <EnumSelect id="event-kind" value={state.kind} values={EVENT_KINDS} label={(k) => t(`eventKind.${k}`)} onChange={set("kind", "kind")} error={err.kind} />
        </Field>
        <Field htmlFor="event-status" label={t("eventForm.status")} errorKey="status" error={err.status}>
          <EnumSelect
            id="event-status"
            value={state.status}
            values={EVENT_STATUSES}
            label={(s) => t(`eventStatus.${s}`)}
            onChange={set("status", "status")}
            error={err.status}
          />
        </Field>
        <Field htmlFor="event-zone" label={t("eventForm.zone")} errorKey="time_zone" error={err.time_zone} hint={t("eventForm.zoneHint")}>
          <input {...text("zone", "time_zone", { list: zonesId, spellCheck: false })} />
          <datalist id={zonesId}>
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <div className="form-grid form-span event-times">
          <Field htmlFor="event-start-date" label={t("eventForm.start")} errorKey="starts_at" error={err.starts_at}>
            <div className="date-time">
              <input {...text("startDate", "starts_at", { type: "date" })} />
              <input
                id="event-start-time"
                className="input"
                type="time"
                aria-label={t("eventForm.startTime")}
                value={state.startTime}
                onChange={(e) => set("startTime", "starts_at")(e.target.value)}
                data-testid="event-start-time"
              />
            </div>
          </Field>
          <Field htmlFor="event-end-date" label={t("eventForm.end")} errorKey="ends_at" error={err.ends_at} hint={t("eventForm.endHint")}>
            <div className="date-time">
              <input {...text("endDate", "ends_at", { type: "date" })} />
              <input
                id="event-end-time"
                className="input"
                type="time"
                aria-label={t("eventForm.endTime")}
                value={state.endTime}
                onChange={(e) => set("endTime", "ends_at")(e.target.value)}
                data-testid="event-end-time"
              />
            </div>
          </Field>
        </div>
        <Field htmlFor="event-venue" label={t("eventForm.venue")} errorKey="venue_name" error={err.venue_name} optional optionalLabel={optional}>
          <input {...text("venue", "venue_name")} />
        </Field>
        <Field htmlFor="event-room" label={t("eventForm.room")} errorKey="venue_room" error={err.venue_room} optional optionalLabel={optional}>
          <input {...text("room", "venue_room")} />
        </Field>
        <Field htmlFor="event-address" label={t("eventForm.address")} errorKey="venue_address" error={err.venue_address} optional optionalLabel={optional}>
          <input {...text("address", "venue_address")} />
        </Field>
        <Field htmlFor="event-link" label={t("eventForm.link")} errorKey="online_link" error={err.online_link} optional optionalLabel={optional}>
          <input {...text("link", "online_link", { inputMode: "url", placeholder: "https://" })} />
        </Field>
        <Field htmlFor="event-capacity" label={t("eventForm.capacity")} errorKey="capacity" error={err.capacity} optional optionalLabel={optional} hint={t("eventForm.capacityHint")}>
          <input {...text("capacity", "capacity", { inputMode: "numeric" })} />
        </Field>
        <Field htmlFor="event-organisers" label={t("eventForm.organisers")} errorKey="organiser_ids" error={err.organiser_ids} optional optionalLabel={optional}>
          <SearchPicker
            id="event-organisers"
            testId="event-organiser-picker"
            search={(q) => searchOrganisations(backend, q)}
            exclude={state.organisers.map((o) => o.id)}
            placeholder={t("eventForm.organisersPlaceholder")}
            onPick={(o) => set("organisers", "organiser_ids")([...state.organisers, o])}
          />
          {state.organisers.length > 0 && (
            <div className="chips picked-chips" data-testid="event-organisers-picked">
              {state.organisers.map((o) => (
                <span key={o.id} className="tag">
                  {o.label}
                  <button
                    type="button"
                    className="tag-remove"
                    aria-label={t("events.remove", { name: o.label })}
                    onClick={() => set("organisers", "organiser_ids")(state.organisers.filter((x) => x.id !== o.id))}
                  >
                    <CloseIcon size={10} />
                  </button>
                </span>
              ))}
            </div>
          )}
        </Field>
        <Field htmlFor="event-notes" label={t("eventForm.notes")} errorKey="notes" error={err.notes} optional optionalLabel={optional} className="form-span">
          <textarea
            id="event-notes"
            name="event-notes"
            className="input textarea"
            rows={3}
            value={state.notes}
            onChange={(e) => set("notes", "notes")(e.target.value)}
            {...invalidProps("event-notes", err.notes)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
