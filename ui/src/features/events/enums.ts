import type { EventExportFormat } from "../../bindings/EventExportFormat";
import type { EventExportKind } from "../../bindings/EventExportKind";
import type { EventKind } from "../../bindings/EventKind";
import type { EventStatus } from "../../bindings/EventStatus";
import type { ParticipantRole } from "../../bindings/ParticipantRole";
import type { ParticipantState } from "../../bindings/ParticipantState";
import type { ProgrammeIssueKind } from "../../bindings/ProgrammeIssueKind";
import type { SessionKind } from "../../bindings/SessionKind";
import type { SpeakerRole } from "../../bindings/SpeakerRole";
import type { SpeakerState } from "../../bindings/SpeakerState";

/** Compile-time check that a tuple lists every member of a union. */
type Exhaustive<Union, List extends readonly Union[]> = [Union] extends [List[number]] ? List : never;

const kinds = ["conference", "roundtable", "webinar", "press_briefing", "meeting", "other"] as const satisfies readonly EventKind[];
export const EVENT_KINDS: Exhaustive<EventKind, typeof kinds> = kinds;

const statuses = ["idea", "planning", "confirmed", "held", "cancelled"] as const satisfies readonly EventStatus[];
export const EVENT_STATUSES: Exhaustive<EventStatus, typeof statuses> = statuses;

const sessionKinds = ["keynote", "panel", "break", "networking", "other"] as const satisfies readonly SessionKind[];
export const SESSION_KINDS: Exhaustive<SessionKind, typeof sessionKinds> = sessionKinds;

const speakerRoles = ["keynote_speaker", "panellist", "moderator", "host"] as const satisfies readonly SpeakerRole[];
export const SPEAKER_ROLES: Exhaustive<SpeakerRole, typeof speakerRoles> = speakerRoles;

const speakerStates = ["to_ask", "asked", "confirmed", "declined"] as const satisfies readonly SpeakerState[];
export const SPEAKER_STATES: Exhaustive<SpeakerState, typeof speakerStates> = speakerStates;

const participantRoles = ["guest", "speaker", "policy_maker", "press", "staff", "organiser"] as const satisfies readonly ParticipantRole[];
export const PARTICIPANT_ROLES: Exhaustive<ParticipantRole, typeof participantRoles> = participantRoles;

const participantStates = ["invited", "registered", "waitlisted", "declined", "attended", "no_show"] as const satisfies readonly ParticipantState[];
export const PARTICIPANT_STATES: Exhaustive<ParticipantState, typeof participantStates> = participantStates;

const issueKinds = ["overlap", "double_booked", "outside_event"] as const satisfies readonly ProgrammeIssueKind[];
export const PROGRAMME_ISSUE_KINDS: Exhaustive<ProgrammeIssueKind, typeof issueKinds> = issueKinds;

const exportKinds = ["participants", "badges", "ics", "runsheet"] as const satisfies readonly EventExportKind[];
export const EVENT_EXPORT_KINDS: Exhaustive<EventExportKind, typeof exportKinds> = exportKinds;

const exportFormats = ["csv", "xlsx", "pdf", "docx", "ics"] as const satisfies readonly EventExportFormat[];
export const EVENT_EXPORT_FORMATS: Exhaustive<EventExportFormat, typeof exportFormats> = exportFormats;

/** The state changes a coordinator can make from each state (check-in has its own screen). */
export const NEXT_STATES: Record<ParticipantState, readonly ParticipantState[]> = {
  invited: ["registered", "declined"],
  registered: ["declined", "no_show"],
  waitlisted: ["registered", "declined"],
  declined: ["registered", "invited"],
  attended: ["registered", "no_show"],
  no_show: ["attended", "registered"],
};

/** Common IANA zones for the zone picker (any other IANA name can be typed). */
export const COMMON_ZONES = [
  "Europe/Brussels",
  "Europe/Amsterdam",
  "Europe/Berlin",
  "Europe/Paris",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Warsaw",
  "Europe/Stockholm",
  "Europe/Helsinki",
  "Europe/Athens",
  "Europe/Bucharest",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/London",
  "UTC",
  "America/New_York",
  "America/Toronto",
  "Asia/Bangkok",
] as const;
