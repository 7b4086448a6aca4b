import type { Attendance } from "../bindings/Attendance";
import type { EventDetail } from "../bindings/EventDetail";
import type { EventExportOptions } from "../bindings/EventExportOptions";
import type { EventInput } from "../bindings/EventInput";
import type { EventQuery } from "../bindings/EventQuery";
import type { EventSummary } from "../bindings/EventSummary";
import type { EventTask } from "../bindings/EventTask";
import type { EventTaskInput } from "../bindings/EventTaskInput";
import type { InviteOutcome } from "../bindings/InviteOutcome";
import type { InviteTarget } from "../bindings/InviteTarget";
import type { Participant } from "../bindings/Participant";
import type { ParticipantChange } from "../bindings/ParticipantChange";
import type { ParticipantInput } from "../bindings/ParticipantInput";
import type { ParticipantPage } from "../bindings/ParticipantPage";
import type { ParticipantQuery } from "../bindings/ParticipantQuery";
import type { ParticipantState } from "../bindings/ParticipantState";
import type { PersonList } from "../bindings/PersonList";
import type { Programme } from "../bindings/Programme";
import type { SessionInput } from "../bindings/SessionInput";
import { call } from "./call";

/** The backend methods for events: the programme, participants, tasks and exports. */
export interface EventsApi {
  eventsList(query: EventQuery): Promise<EventSummary[]>;
  eventGet(id: string): Promise<EventDetail>;
  eventCreate(input: EventInput): Promise<EventDetail>;
  eventUpdate(id: string, input: EventInput): Promise<EventDetail>;
  /** `id` is the event. */
  sessionAdd(id: string, input: SessionInput): Promise<Programme>;
  /** `id` is the session. */
  sessionUpdate(id: string, input: SessionInput): Promise<Programme>;
  sessionDelete(id: string): Promise<Programme>;
  participantsList(id: string, query: ParticipantQuery): Promise<ParticipantPage>;
  participantsInvite(id: string, target: InviteTarget): Promise<InviteOutcome>;
  /** `id` is the participant. Registering when full waitlists instead; declining promotes. */
  participantSetState(id: string, state: ParticipantState): Promise<ParticipantChange>;
  participantUpdate(id: string, input: ParticipantInput): Promise<Participant>;
  participantCheckIn(id: string, checkedIn: boolean): Promise<ParticipantChange>;
  eventAttendance(id: string): Promise<Attendance>;
  /** `id` is the event. */
  eventTaskAdd(id: string, input: EventTaskInput): Promise<EventTask[]>;
  /** `id` is the task. */
  eventTaskUpdate(id: string, input: EventTaskInput): Promise<EventTask[]>;
  eventTaskSetDone(id: string, done: boolean): Promise<EventTask[]>;
  /** Copies the checklist of `from` (relative dates stay relative) into the event `id`. */
  eventTasksCopy(id: string, from: string): Promise<EventTask[]>;
  /** Addresses of the event's participants in these states (empty = invited). */
  eventEmails(id: string, states: ParticipantState[]): Promise<string[]>;
  /** Writes an export to `path`; resolves with the number of rows, badges or sessions. */
  /** People flagged sensitive are left out unless `includeSensitive` (after the app's warning). */
  eventExport(id: string, options: EventExportOptions, path: string, includeSensitive?: boolean): Promise<number>;
  personListsList(): Promise<PersonList[]>;
  personListCreate(name: string, personIds: string[]): Promise<PersonList>;
}

export const eventsBackend: EventsApi = {
  eventsList: (query) => call("events_list", { query }),
  eventGet: (id) => call("event_get", { id }),
  eventCreate: (input) => call("event_create", { input }),
  eventUpdate: (id, input) => call("event_update", { id, input }),
  sessionAdd: (id, input) => call("session_add", { id, input }),
  sessionUpdate: (id, input) => call("session_update", { id, input }),
  sessionDelete: (id) => call("session_delete", { id }),
  participantsList: (id, query) => call("participants_list", { id, query }),
  participantsInvite: (id, target) => call("participants_invite", { id, target }),
  participantSetState: (id, state) => call("participant_set_state", { id, state }),
  participantUpdate: (id, input) => call("participant_update", { id, input }),
  participantCheckIn: (id, checkedIn) => call("participant_check_in", { id, checkedIn }),
  eventAttendance: (id) => call("event_attendance", { id }),
  eventTaskAdd: (id, input) => call("event_task_add", { id, input }),
  eventTaskUpdate: (id, input) => call("event_task_update", { id, input }),
  eventTaskSetDone: (id, done) => call("event_task_set_done", { id, done }),
  eventTasksCopy: (id, from) => call("event_tasks_copy", { id, from }),
  eventEmails: (id, states) => call("event_emails", { id, states }),
  eventExport: (id, options, path, includeSensitive) => call("event_export", { id, options, path, includeSensitive: includeSensitive ?? false }),
  personListsList: () => call("person_lists_list"),
  personListCreate: (name, personIds) => call("person_list_create", { name, personIds }),
};
