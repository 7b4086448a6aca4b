import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Body } from "../../bindings/Body";
import type { BodyKind } from "../../bindings/BodyKind";
import type { SeatRole } from "../../bindings/SeatRole";
import type { SeatTerm } from "../../bindings/SeatTerm";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { formatDate, todayIso } from "../../lib/dates";
import { PartyChips, PartyPicker, type PickedParty } from "../interactions/PartyPicker";
import { BODY_KINDS, SEAT_ROLES } from "./enums";

const ADD_FIELDS = {
  body: "seat-body",
  kind: "seat-kind",
  role: "seat-role",
  organisation_id: "seat-org",
  person_id: "seat-person",
  starts_on: "seat-start",
  ends_on: "seat-end",
} as const;

/** "Heidi De Pauw (Child Focus)", "Eurochild", "Mié Kohiyama". */
export function holderOf(term: SeatTerm): string {
  if (term.person_name && term.organisation_name) return `${term.person_name} (${term.organisation_name})`;
  return term.person_name ?? term.organisation_name ?? "";
}

/** Records a seat term: a body by name (existing ones suggested), a role, an organisation and/or a person, dates. */
export function AddTermDialog({ open, onOpenChange, onSaved }: { open: boolean; onOpenChange: (open: boolean) => void; onSaved: (term: SeatTerm) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(ADD_FIELDS);
  const listId = useId();
  const [bodies, setBodies] = useState<Body[]>([]);
  const [body, setBody] = useState("");
  const [kind, setKind] = useState<BodyKind>("working_group");
  const [role, setRole] = useState<SeatRole>("member");
  const [org, setOrg] = useState<PickedParty | null>(null);
  const [person, setPerson] = useState<PickedParty | null>(null);
  const [starts, setStarts] = useState(todayIso());
  const [ends, setEnds] = useState("");

  useEffect(() => {
    if (!open) return;
    form.reset();
    setBody("");
    setKind("working_group");
    setRole("member");
    setOrg(null);
    setPerson(null);
    setStarts(todayIso());
    setEnds("");
    let live = true;
    backend.seatBodies().then(
      (list) => live && setBodies(list),
      (raw: unknown) => live && form.showError(raw),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const existing = bodies.find((b) => b.name.toLowerCase() === body.trim().toLowerCase());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const saved = await form.submit(() =>
      backend.seatTermAdd({
        body: body.trim(),
        kind: existing?.kind ?? kind,
        role,
        organisation_id: org?.id ?? null,
        person_id: person?.id ?? null,
        starts_on: starts,
        ends_on: ends.trim() || null,
      }),
    );
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  const optional = t("form.optional");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !(form.submitting && !next) && onOpenChange(next)}
      title={t("seatForm.title")}
      size="lg"
      testId="seat-form"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="seat-term-form" busy={form.submitting} data-testid="seat-form-submit">
            {t("seatForm.save")}
          </Button>
        </>
      }
    >
      <form id="seat-term-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="seat-form-error" />
          </div>
        )}
        <Field htmlFor="seat-body" label={t("seatForm.body")} errorKey="body" error={err.body} hint={t("seatForm.bodyHint")}>
          <input
            id="seat-body"
            className="input"
            list={listId}
            autoComplete="off"
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              form.clearFieldError("body");
            }}
            data-testid="seat-body"
            {...invalidProps("seat-body", err.body)}
          />
          <datalist id={listId}>
            {bodies.map((b) => (
              <option key={b.id} value={b.name} />
            ))}
          </datalist>
        </Field>
        <Field htmlFor="seat-kind" label={t("seatForm.kind")} errorKey="kind" error={err.kind} hint={t("seatForm.kindHint")}>
          <EnumSelect id="seat-kind" value={existing?.kind ?? kind} values={BODY_KINDS} label={(k) => t(`bodyKind.${k}`)} onChange={setKind} disabled={!!existing} error={err.kind} />
        </Field>
        <Field htmlFor="seat-role" label={t("seatForm.role")} errorKey="role" error={err.role}>
          <EnumSelect id="seat-role" value={role} values={SEAT_ROLES} label={(r) => t(`seatRole.${r}`)} onChange={setRole} error={err.role} />
        </Field>
        <div className="form-span field-hint">{t("seatForm.holderHint")}</div>
        <Field htmlFor="seat-org" label={t("seatForm.organisation")} errorKey="organisation_id" error={err.organisation_id} optional optionalLabel={optional}>
          {org ? (
            <PartyChips parties={[org]} onRemove={() => setOrg(null)} testId="seat-org-chip" />
          ) : (
            <PartyPicker
              id="seat-org"
              scope="organisations"
              onPick={(hit) => {
                setOrg(hit);
                form.clearFieldError("organisation_id");
              }}
              error={err.organisation_id}
              testId="seat-org"
            />
          )}
        </Field>
        <Field htmlFor="seat-person" label={t("seatForm.person")} errorKey="person_id" error={err.person_id} optional optionalLabel={optional}>
          {person ? (
            <PartyChips parties={[person]} onRemove={() => setPerson(null)} testId="seat-person-chip" />
          ) : (
            <PartyPicker
              id="seat-person"
              scope="people"
              onPick={(hit) => {
                setPerson(hit);
                form.clearFieldError("organisation_id");
                form.clearFieldError("person_id");
              }}
              error={err.person_id}
              testId="seat-person"
            />
          )}
        </Field>
        <Field htmlFor="seat-start" label={t("seatForm.startsOn")} errorKey="starts_on" error={err.starts_on}>
          <input
            id="seat-start"
            type="date"
            className="input"
            value={starts}
            onChange={(e) => {
              setStarts(e.target.value);
              form.clearFieldError("starts_on");
            }}
            data-testid="seat-start"
            {...invalidProps("seat-start", err.starts_on)}
          />
        </Field>
        <Field htmlFor="seat-end" label={t("seatForm.endsOn")} errorKey="ends_on" error={err.ends_on} optional optionalLabel={optional}>
          <input
            id="seat-end"
            type="date"
            className="input"
            value={ends}
            onChange={(e) => {
              setEnds(e.target.value);
              form.clearFieldError("ends_on");
            }}
            data-testid="seat-end"
            {...invalidProps("seat-end", err.ends_on)}
          />
        </Field>
      </form>
    </Dialog>
  );
}

const END_FIELDS = { ends_on: "seat-end-date" } as const;

/** Ends a term: its last day, today by default. */
export function EndTermDialog({ term, onOpenChange, onSaved }: { term: SeatTerm | null; onOpenChange: (open: boolean) => void; onSaved: (term: SeatTerm) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(END_FIELDS);
  const [ends, setEnds] = useState(todayIso());
  const termId = term?.id ?? null;

  useEffect(() => {
    if (!termId) return;
    form.reset();
    setEnds(todayIso());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [termId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!term || form.submitting) return;
    const saved = await form.submit(() => backend.seatTermEnd(term.id, ends.trim() || null));
    if (saved) onSaved(saved);
  };
  const err = form.fieldErrors;
  return (
    <Dialog
      open={term !== null}
      onOpenChange={(next) => !(form.submitting && !next) && onOpenChange(next)}
      title={t("seatForm.endTitle")}
      description={
        term
          ? t("seatForm.endBody", { holder: holderOf(term), role: t(`seatRole.${term.role}`), body: term.body.name, start: formatDate(term.starts_on) })
          : undefined
      }
      size="sm"
      testId="seat-end-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="seat-end-form" busy={form.submitting} data-testid="seat-end-submit">
            {t("seatForm.endSave")}
          </Button>
        </>
      }
    >
      <form id="seat-end-form" onSubmit={submit} noValidate>
        {form.bannerError && <ErrorBanner error={form.bannerError} testId="seat-end-error" />}
        <Field htmlFor="seat-end-date" label={t("seatForm.endsOn")} errorKey="ends_on" error={err.ends_on}>
          <input
            id="seat-end-date"
            type="date"
            className="input"
            value={ends}
            onChange={(e) => {
              setEnds(e.target.value);
              form.clearFieldError("ends_on");
            }}
            data-testid="seat-end-date"
            {...invalidProps("seat-end-date", err.ends_on)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
