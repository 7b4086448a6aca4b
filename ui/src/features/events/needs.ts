import type { Backend } from "../../api/backend";
import type { Participant } from "../../bindings/Participant";
import type { ParticipantInput } from "../../bindings/ParticipantInput";

/**
 * A participant with their sensitive needs, for an update that must keep them: the list is
 * read page by page (500 a page) with the needs until the participant is found.
 */
export async function withStoredNeeds(backend: Backend, eventId: string, participant: Participant): Promise<Participant> {
  for (let offset = 0; ; offset += 500) {
    const page = await backend.participantsList(eventId, { states: [], search: null, include_needs: true, offset, limit: 500 });
    const found = page.rows.find((p) => p.id === participant.id);
    if (found) return found;
    if (page.rows.length === 0 || offset + page.rows.length >= page.total) return participant;
  }
}

/** The editable details of a participant as they are, with `patch` applied. */
export function inputOf(p: Participant, patch: Partial<ParticipantInput> = {}): ParticipantInput {
  return {
    role: p.role,
    counts_for_capacity: p.counts_for_capacity,
    organisation_id: p.organisation_id,
    dietary_needs: p.dietary_needs,
    access_needs: p.access_needs,
    notes: p.notes,
    ...patch,
  };
}
