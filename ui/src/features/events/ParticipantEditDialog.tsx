import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Participant } from "../../bindings/Participant";
import type { ParticipantInput } from "../../bindings/ParticipantInput";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { PARTICIPANT_ROLES } from "./enums";
import { inputOf, withStoredNeeds } from "./needs";
import { blankToNull } from "./useEvents";

const FIELDS = {
  role: "participant-role",
  counts_for_capacity: "participant-seat",
  dietary_needs: "participant-dietary",
  access_needs: "participant-access",
  notes: "participant-notes",
} as const;

/** A participant's role, seat and (sensitive) needs: the needs are read only when this opens. */
export function ParticipantEditDialog({
  eventId,
  participant,
  onClose,
  onSaved,
}: {
  eventId: string;
  participant: Participant | null;
  onClose: () => void;
  onSaved: (p: Participant) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(FIELDS);
  const [input, setInput] = useState<ParticipantInput | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!participant) return;
    form.reset();
    setInput(null);
    setLoadError(null);
    let live = true;
    withStoredNeeds(backend, eventId, participant).then(
      (full) => live && setInput(inputOf(full)),
      (raw: unknown) => live && setLoadError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [participant?.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!participant || !input || form.submitting) return;
    const saved = await form.submit(() =>
      backend.participantUpdate(participant.id, {
        ...input,
        dietary_needs: blankToNull(input.dietary_needs ?? ""),
        access_needs: blankToNull(input.access_needs ?? ""),
        notes: blankToNull(input.notes ?? ""),
      }),
    );
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  const patch = (p: Partial<ParticipantInput>) => setInput((prev) => (prev ? { ...prev, ...p } : prev));

  return (
    <Dialog
      open={participant !== null}
      onOpenChange={(next) => !next && !form.submitting && onClose()}
      title={participant ? t("participantForm.title", { name: participant.display_name }) : ""}
      testId="participant-form"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="participant-form-el" busy={form.submitting} disabled={!input} data-testid="participant-form-submit">
            {t("form.save")}
          </Button>
        </>
      }
    >
      {loadError && <ErrorBanner error={loadError} />}
      {form.bannerError && <ErrorBanner error={form.bannerError} />}
      {input ? (
        <form id="participant-form-el" className="form-grid" onSubmit={submit} noValidate>
          <Field htmlFor="participant-role" label={t("participantForm.role")} errorKey="role" error={err.role}>
            <EnumSelect id="participant-role" value={input.role} values={PARTICIPANT_ROLES} label={(r) => t(`eventParticipantRole.${r}`)} onChange={(role) => patch({ role })} error={err.role} />
          </Field>
          <Field htmlFor="participant-seat" label={t("participants.takesSeat")} errorKey="counts_for_capacity" error={err.counts_for_capacity} hint={t("participants.takesSeatHint")}>
            <input id="participant-seat" type="checkbox" checked={input.counts_for_capacity} onChange={(e) => patch({ counts_for_capacity: e.target.checked })} />
          </Field>
          <p className="form-span field-hint sensitive-note">{t("participantForm.sensitive")}</p>
          <Field htmlFor="participant-dietary" label={t("participantForm.dietary")} errorKey="dietary_needs" error={err.dietary_needs}>
            <input id="participant-dietary" className="input" value={input.dietary_needs ?? ""} onChange={(e) => patch({ dietary_needs: e.target.value })} />
          </Field>
          <Field htmlFor="participant-access" label={t("participantForm.access")} errorKey="access_needs" error={err.access_needs}>
            <input id="participant-access" className="input" value={input.access_needs ?? ""} onChange={(e) => patch({ access_needs: e.target.value })} />
          </Field>
          <Field htmlFor="participant-notes" label={t("participantForm.notes")} errorKey="notes" error={err.notes} className="form-span">
            <textarea id="participant-notes" className="input textarea" rows={2} value={input.notes ?? ""} onChange={(e) => patch({ notes: e.target.value })} />
          </Field>
        </form>
      ) : (
        !loadError && <p className="page-loading">{t("common.loading")}</p>
      )}
    </Dialog>
  );
}
