import { vi, type Mock } from "vitest";
import type { EventsApi } from "../../api/events";
import type { ApiError } from "../../bindings/ApiError";
import type { Event } from "../../bindings/Event";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventInput } from "../../bindings/EventInput";
import type { EventSummary } from "../../bindings/EventSummary";
import type { EventTask } from "../../bindings/EventTask";
import type { EventTaskInput } from "../../bindings/EventTaskInput";
import type { Participant } from "../../bindings/Participant";
import type { ParticipantCounts } from "../../bindings/ParticipantCounts";
import type { ParticipantRole } from "../../bindings/ParticipantRole";
import type { ParticipantState } from "../../bindings/ParticipantState";
import type { PersonList } from "../../bindings/PersonList";
import type { Programme } from "../../bindings/Programme";
import type { ProgrammeIssue } from "../../bindings/ProgrammeIssue";
import type { Session } from "../../bindings/Session";
import type { SessionInput } from "../../bindings/SessionInput";

export type FakeEvents = { [K in keyof EventsApi]: Mock<EventsApi[K]> };

/** A person the fake knows (speakers, invitees, task owners). */
export interface FakePerson {
  id: string;
  display_name: string;
  family_name: string;
  organisation: string | null;
  title: string | null;
  group_code: string | null;
  email: string | null;
  role: ParticipantRole;
  /** Current focal point of an active member. */
  focal_point?: boolean;
  /** Sits on LIBE. */
  libe?: boolean;
}

export const FAKE_PEOPLE: FakePerson[] = [
  { id: "p-zarzalejos", display_name: "Javier Zarzalejos", family_name: "Zarzalejos", organisation: "European Parliament", title: "MEP", group_code: "EPP", email: "javier.zarzalejos@europarl.europa.eu", role: "policy_maker", libe: true },
  { id: "p-vautmans", display_name: "Hilde Vautmans", family_name: "Vautmans", organisation: "European Parliament", title: "MEP", group_code: "RENEW", email: "hilde.vautmans@europarl.europa.eu", role: "policy_maker", libe: true },
  { id: "p-kutcher", display_name: "Ashton Kutcher", family_name: "Kutcher", organisation: "Thorn", title: "Co-founder", group_code: null, email: "ashton@thorn.example", role: "speaker" },
  { id: "p-kohiyama", display_name: "Mié Kohiyama", family_name: "Kohiyama", organisation: "Brave Movement", title: null, group_code: null, email: "mie@brave.example", role: "speaker" },
  { id: "p-depauw", display_name: "Heidi De Pauw", family_name: "De Pauw", organisation: "Child Focus", title: "CEO", group_code: null, email: "heidi@childfocus.example", role: "guest", focal_point: true },
  { id: "p-tunks", display_name: "Michael Tunks", family_name: "Tunks", organisation: "Internet Watch Foundation", title: "Head of Policy", group_code: null, email: "michael@iwf.example", role: "guest", focal_point: true },
  { id: "p-delaney", display_name: "Cathal Delaney", family_name: "Delaney", organisation: "Europol", title: null, group_code: null, email: "cathal@europol.example", role: "guest" },
  { id: "p-eurochild", display_name: "Élodie Martin", family_name: "Martin", organisation: "Eurochild", title: "Policy officer", group_code: null, email: "elodie@eurochild.example", role: "guest", focal_point: true },
  { id: "p-ecpat", display_name: "Anna Schmidt", family_name: "Schmidt", organisation: "ECPAT International", title: null, group_code: null, email: "anna@ecpat.example", role: "guest", focal_point: true },
  { id: "p-mce", display_name: "Luca Rossi", family_name: "Rossi", organisation: "Missing Children Europe", title: null, group_code: null, email: "luca@mce.example", role: "guest", focal_point: true },
  { id: "p-staff", display_name: "Sofia Jansen", family_name: "Jansen", organisation: "ECLAG secretariat", title: "Coordinator", group_code: null, email: "sofia@eclag.example", role: "staff" },
  { id: "p-sd-mep", display_name: "Birgit Sippel", family_name: "Sippel", organisation: "European Parliament", title: "MEP", group_code: "S&D", email: "birgit.sippel@europarl.europa.eu", role: "policy_maker", libe: true },
];

const personById = (id: string) => FAKE_PEOPLE.find((p) => p.id === id);

function invalid(field: string, message: string): ApiError {
  return { code: "validation", message, field };
}

function notFound(what: string, id: string): ApiError {
  return { code: "not_found", message: `no ${what} ${id}`, field: null };
}

function normalise(value: string): string {
  return value.replace("T", " ").trim().replace(" ", "T");
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Brussels offsets, enough for the fake: CEST from the last Sunday of March. */
function zoneLabel(zone: string, local: string): string {
  if (zone !== "Europe/Brussels") return zone === "UTC" ? "UTC" : "+00:00";
  const month = Number(local.slice(5, 7));
  const day = Number(local.slice(8, 10));
  const summer = (month > 3 && month < 10) || (month === 3 && day >= 26) || (month === 10 && day < 29);
  return summer ? "CEST" : "CET";
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface FakeEventState {
  event: Event;
  sessions: Session[];
  participants: Participant[];
  tasks: Array<EventTask & { due_fixed: string | null }>;
  needs: Map<string, { dietary: string | null; access: string | null }>;
}

/** Today for the fake's overdue flags (overridable in tests). */
export const fakeToday = { value: "2023-03-15" };

let clock = 0;
function stamp(): string {
  clock += 1;
  return new Date(Date.UTC(2023, 2, 1, 9, 0, clock)).toISOString();
}

function makeEvent(input: EventInput, id: string): Event {
  const zone = input.time_zone?.trim() || "Europe/Brussels";
  const starts = normalise(input.starts_at);
  const ends = normalise(input.ends_at);
  return {
    id,
    reference: input.reference,
    title: input.title,
    kind: input.kind,
    status: input.status,
    time_zone: zone,
    starts_at: starts,
    ends_at: ends,
    starts_utc: `${starts}:00Z`,
    ends_utc: `${ends}:00Z`,
    zone_label: zoneLabel(zone, starts),
    venue_name: input.venue_name ?? null,
    venue_address: input.venue_address ?? null,
    venue_room: input.venue_room ?? null,
    online_link: input.online_link ?? null,
    capacity: input.capacity ?? null,
    organisers: input.organiser_ids.map((oid) => ({ organisation_id: oid, name: oid })),
    notes: input.notes ?? null,
    created_at: "2023-01-10T10:00:00Z",
    updated_at: "2023-01-10T10:00:00Z",
  };
}

function validateEvent(input: EventInput, others: Event[]): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(input.reference)) throw invalid("reference", "use lower-case letters, digits and dashes");
  if (others.some((e) => e.reference === input.reference)) throw invalid("reference", `"${input.reference}" is already used by another event`);
  if (!input.title.trim()) throw invalid("title", "a title is required");
  if (!LOCAL.test(normalise(input.starts_at))) throw invalid("starts_at", "give a date and a time");
  if (!LOCAL.test(normalise(input.ends_at))) throw invalid("ends_at", "give a date and a time");
  if (normalise(input.ends_at) <= normalise(input.starts_at)) throw invalid("ends_at", "the end must be after the start");
}

function makeParticipant(person: FakePerson, eventId: string, state: ParticipantState, extra: Partial<Participant> = {}): Participant {
  const at = stamp();
  return {
    id: `part-${eventId}-${person.id}`,
    person_id: person.id,
    display_name: person.display_name,
    family_name: person.family_name,
    organisation_id: null,
    organisation_name: person.organisation,
    email: person.email,
    role: person.role,
    counts_for_capacity: person.role !== "staff",
    state,
    invited_on: "2023-02-01",
    registered_at: state === "registered" || state === "attended" ? at : null,
    waitlisted_at: state === "waitlisted" ? at : null,
    checked_in_at: state === "attended" ? at : null,
    group_code: person.group_code,
    dietary_needs: null,
    access_needs: null,
    notes: null,
    ...extra,
  };
}

function countsOf(state: FakeEventState): ParticipantCounts {
  const n = (s: ParticipantState) => state.participants.filter((p) => p.state === s).length;
  return {
    invited: n("invited"),
    registered: n("registered"),
    waitlisted: n("waitlisted"),
    declined: n("declined"),
    attended: n("attended"),
    no_show: n("no_show"),
    seats_taken: state.participants.filter((p) => p.counts_for_capacity && (p.state === "registered" || p.state === "attended")).length,
    capacity: state.event.capacity,
  };
}

function programmeOf(state: FakeEventState): Programme {
  const sessions = [...state.sessions].sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.ends_at.localeCompare(b.ends_at));
  const issues: ProgrammeIssue[] = [];
  for (let i = 0; i < sessions.length; i++) {
    for (let j = i + 1; j < sessions.length; j++) {
      const a = sessions[i]!;
      const b = sessions[j]!;
      if (b.starts_at >= a.ends_at) continue;
      issues.push({ kind: "overlap", session_ids: [a.id, b.id], person_id: null, message: `"${a.title}" and "${b.title}" overlap` });
      for (const s of a.speakers) {
        if (b.speakers.some((o) => o.person_id === s.person_id)) {
          issues.push({
            kind: "double_booked",
            session_ids: [a.id, b.id],
            person_id: s.person_id,
            message: `${s.display_name} is in "${a.title}" and "${b.title}" at the same time`,
          });
        }
      }
    }
  }
  return { sessions, issues };
}

function taskView(state: FakeEventState, task: EventTask & { due_fixed: string | null }): EventTask {
  const due_on = task.due_offset_days !== null ? addDays(state.event.starts_at.slice(0, 10), task.due_offset_days) : task.due_fixed;
  const { due_fixed: _unused, ...rest } = task;
  return { ...rest, due_on, overdue: !task.done && due_on !== null && due_on < fakeToday.value };
}

function tasksOf(state: FakeEventState): EventTask[] {
  return state.tasks.map((t) => taskView(state, t)).sort((a, b) => (a.due_on ?? "9999").localeCompare(b.due_on ?? "9999"));
}

function detailOf(state: FakeEventState): EventDetail {
  return { event: state.event, programme: programmeOf(state), counts: countsOf(state), tasks: tasksOf(state) };
}

function summaryOf(state: FakeEventState): EventSummary {
  const tasks = tasksOf(state);
  const e = state.event;
  return {
    id: e.id,
    reference: e.reference,
    title: e.title,
    kind: e.kind,
    status: e.status,
    time_zone: e.time_zone,
    starts_at: e.starts_at,
    ends_at: e.ends_at,
    venue_name: e.venue_name ?? (e.online_link ? "Online" : null),
    counts: countsOf(state),
    open_tasks: tasks.filter((t) => !t.done).length,
    overdue_tasks: tasks.filter((t) => t.overdue).length,
  };
}

function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function sessionFrom(input: SessionInput, id: string): Session {
  return {
    id,
    title: input.title,
    kind: input.kind,
    starts_at: normalise(input.starts_at),
    ends_at: normalise(input.ends_at),
    notes: input.notes ?? null,
    speakers: input.speakers.map((s) => {
      const p = personById(s.person_id);
      return {
        person_id: s.person_id,
        display_name: p?.display_name ?? s.person_id,
        organisation: p?.organisation ?? null,
        title: p?.title ?? null,
        group_code: p?.group_code ?? null,
        role: s.role,
        state: s.state,
      };
    }),
  };
}

/** The 20 March 2023 event: keynotes by two MEPs, a survivor and a tech founder, then a panel of four. */
function seed(): FakeEventState {
  const event = makeEvent(
    {
      reference: "eclag-hle-2023",
      title: "ECLAG high-level event",
      kind: "conference",
      status: "held",
      time_zone: "Europe/Brussels",
      starts_at: "2023-03-20T14:00",
      ends_at: "2023-03-20T17:30",
      venue_name: "Residence Palace",
      venue_address: "Rue de la Loi 155, 1040 Brussels",
      venue_room: "Polak room",
      online_link: null,
      capacity: 4,
      organiser_ids: [],
      notes: null,
    },
    "event-hle",
  );
  event.organisers = [{ organisation_id: "org-eclag", name: "ECLAG" }];
  const speaker = (id: string, role: Session["speakers"][number]["role"], state: Session["speakers"][number]["state"] = "confirmed") => ({
    person_id: id,
    role,
    state,
  });
  const sessions = [
    sessionFrom({ title: "Keynotes", kind: "keynote", starts_at: "2023-03-20T14:15", ends_at: "2023-03-20T15:15", notes: "Two MEPs, a survivor and a tech founder", speakers: [speaker("p-zarzalejos", "keynote_speaker"), speaker("p-vautmans", "keynote_speaker"), speaker("p-kohiyama", "keynote_speaker"), speaker("p-kutcher", "keynote_speaker")] }, "session-keynotes"),
    sessionFrom({ title: "Welcome", kind: "other", starts_at: "2023-03-20T14:00", ends_at: "2023-03-20T14:15", notes: null, speakers: [speaker("p-staff", "host")] }, "session-welcome"),
    sessionFrom({ title: "Panel: detection that protects children", kind: "panel", starts_at: "2023-03-20T15:30", ends_at: "2023-03-20T16:30", notes: null, speakers: [speaker("p-kohiyama", "panellist"), speaker("p-depauw", "panellist"), speaker("p-tunks", "panellist"), speaker("p-delaney", "panellist", "asked")] }, "session-panel"),
  ];
  const state: FakeEventState = { event, sessions, participants: [], tasks: [], needs: new Map() };
  const reg = (id: string, s: ParticipantState, extra: Partial<Participant> = {}) => {
    const p = personById(id)!;
    state.participants.push(makeParticipant(p, event.id, s, extra));
  };
  reg("p-zarzalejos", "registered");
  reg("p-vautmans", "registered");
  reg("p-kohiyama", "registered");
  reg("p-staff", "registered", { counts_for_capacity: false });
  reg("p-depauw", "invited");
  reg("p-tunks", "invited");
  reg("p-eurochild", "invited");
  reg("p-ecpat", "declined");
  state.needs.set("part-event-hle-p-kohiyama", { dietary: "Vegetarian", access: null });
  state.needs.set("part-event-hle-p-vautmans", { dietary: null, access: "Step-free access" });
  state.tasks = [
    { id: "task-venue", title: "Book the venue", owner_person_id: "p-staff", owner_name: "Sofia Jansen", due_on: null, due_fixed: "2023-01-31", due_offset_days: null, done: true, done_on: "2023-01-20", overdue: false, notes: null },
    { id: "task-invites", title: "Send the invitations", owner_person_id: "p-staff", owner_name: "Sofia Jansen", due_on: null, due_fixed: null, due_offset_days: -30, done: false, done_on: null, overdue: false, notes: null },
    { id: "task-badges", title: "Print the badges", owner_person_id: null, owner_name: null, due_on: null, due_fixed: null, due_offset_days: -2, done: false, done_on: null, overdue: false, notes: null },
  ];
  return state;
}

/** Fakes of the events backend methods, with small plausible data (the 20 March 2023 event). */
export function fakeEvents(): FakeEvents {
  const events = new Map<string, FakeEventState>();
  const first = seed();
  events.set(first.event.id, first);
  const lists: Array<PersonList & { person_ids: string[] }> = [
    { id: "list-steering", name: "Steering group contacts", members: 2, person_ids: ["p-depauw", "p-tunks"] },
  ];
  let seq = 0;

  const get = (id: string): FakeEventState => {
    const s = events.get(id);
    if (!s) throw notFound("event", id);
    return s;
  };
  const findParticipant = (id: string): { state: FakeEventState; participant: Participant } => {
    for (const state of events.values()) {
      const participant = state.participants.find((p) => p.id === id);
      if (participant) return { state, participant };
    }
    throw notFound("participant", id);
  };
  const findSession = (id: string): FakeEventState => {
    for (const state of events.values()) if (state.sessions.some((s) => s.id === id)) return state;
    throw notFound("session", id);
  };
  const findTask = (id: string): FakeEventState => {
    for (const state of events.values()) if (state.tasks.some((t) => t.id === id)) return state;
    throw notFound("task", id);
  };
  const withNeeds = (state: FakeEventState, p: Participant, include: boolean): Participant => {
    const needs = state.needs.get(p.id);
    return include && needs ? { ...p, dietary_needs: needs.dietary, access_needs: needs.access } : { ...p, dietary_needs: null, access_needs: null };
  };
  const replace = (state: FakeEventState, next: Participant) => {
    state.participants = state.participants.map((p) => (p.id === next.id ? next : p));
  };
  const isFull = (state: FakeEventState, except: string) => {
    const cap = state.event.capacity;
    if (cap === null) return false;
    const taken = state.participants.filter((p) => p.id !== except && p.counts_for_capacity && (p.state === "registered" || p.state === "attended")).length;
    return taken >= cap;
  };
  const promote = (state: FakeEventState): Participant | null => {
    if (isFull(state, "")) return null;
    const next = state.participants
      .filter((p) => p.state === "waitlisted")
      .sort((a, b) => (a.waitlisted_at ?? "").localeCompare(b.waitlisted_at ?? ""))[0];
    if (!next) return null;
    const promoted = { ...next, state: "registered" as const, registered_at: stamp(), waitlisted_at: null };
    replace(state, promoted);
    return promoted;
  };
  const invitePeople = (state: FakeEventState, ids: string[]) => {
    let invited = 0;
    let already = 0;
    for (const id of ids) {
      const person = personById(id);
      if (!person) continue;
      if (state.participants.some((p) => p.person_id === id)) {
        already++;
        continue;
      }
      state.participants.push(makeParticipant(person, state.event.id, "invited"));
      invited++;
    }
    return { invited, already, counts: countsOf(state) };
  };

  return {
    eventsList: vi.fn<EventsApi["eventsList"]>(async (query) => {
      const needle = query.search ? fold(query.search) : null;
      return [...events.values()]
        .filter((s) => {
          const day = s.event.starts_at.slice(0, 10);
          if (query.from && day < query.from) return false;
          if (query.to && day > query.to) return false;
          if (query.statuses.length > 0 && !query.statuses.includes(s.event.status)) return false;
          if (needle && !fold(`${s.event.title} ${s.event.reference}`).includes(needle)) return false;
          return true;
        })
        .map(summaryOf)
        .sort((a, b) => b.starts_at.localeCompare(a.starts_at));
    }),
    eventGet: vi.fn<EventsApi["eventGet"]>(async (id) => detailOf(get(id))),
    eventCreate: vi.fn<EventsApi["eventCreate"]>(async (input) => {
      validateEvent(input, [...events.values()].map((s) => s.event));
      seq += 1;
      const state: FakeEventState = { event: makeEvent(input, `event-new-${seq}`), sessions: [], participants: [], tasks: [], needs: new Map() };
      events.set(state.event.id, state);
      return detailOf(state);
    }),
    eventUpdate: vi.fn<EventsApi["eventUpdate"]>(async (id, input) => {
      const state = get(id);
      validateEvent(input, [...events.values()].map((s) => s.event).filter((e) => e.id !== id));
      state.event = { ...makeEvent(input, id), organisers: state.event.organisers };
      return detailOf(state);
    }),
    sessionAdd: vi.fn<EventsApi["sessionAdd"]>(async (id, input) => {
      const state = get(id);
      if (!input.title.trim()) throw invalid("title", "a title is required");
      if (normalise(input.ends_at) <= normalise(input.starts_at)) throw invalid("ends_at", "the end must be after the start");
      seq += 1;
      state.sessions.push(sessionFrom(input, `session-new-${seq}`));
      return programmeOf(state);
    }),
    sessionUpdate: vi.fn<EventsApi["sessionUpdate"]>(async (id, input) => {
      const state = findSession(id);
      if (!input.title.trim()) throw invalid("title", "a title is required");
      if (normalise(input.ends_at) <= normalise(input.starts_at)) throw invalid("ends_at", "the end must be after the start");
      state.sessions = state.sessions.map((s) => (s.id === id ? sessionFrom(input, id) : s));
      return programmeOf(state);
    }),
    sessionDelete: vi.fn<EventsApi["sessionDelete"]>(async (id) => {
      const state = findSession(id);
      state.sessions = state.sessions.filter((s) => s.id !== id);
      return programmeOf(state);
    }),
    participantsList: vi.fn<EventsApi["participantsList"]>(async (id, query) => {
      const state = get(id);
      const needle = query.search ? fold(query.search.trim()) : "";
      const matches = (p: Participant) =>
        !needle ||
        fold(`${p.display_name} ${p.organisation_name ?? ""} ${p.email ?? ""}`)
          .split(/[\s@.]+/)
          .some((word) => word.startsWith(needle)) ||
        fold(p.display_name).startsWith(needle);
      const rows = state.participants
        .filter((p) => (query.states.length === 0 || query.states.includes(p.state)) && matches(p))
        .sort((a, b) => {
          if (a.state === "waitlisted" && b.state === "waitlisted") return (a.waitlisted_at ?? "").localeCompare(b.waitlisted_at ?? "");
          if (a.state === "waitlisted") return -1;
          if (b.state === "waitlisted") return 1;
          return a.family_name.localeCompare(b.family_name);
        });
      const limit = query.limit === 0 ? 100 : query.limit;
      return {
        rows: rows.slice(query.offset, query.offset + limit).map((p) => withNeeds(state, p, query.include_needs)),
        total: rows.length,
        counts: countsOf(state),
      };
    }),
    participantsInvite: vi.fn<EventsApi["participantsInvite"]>(async (id, target) => {
      const state = get(id);
      switch (target.kind) {
        case "people":
          return invitePeople(state, target.person_ids);
        case "saved_list": {
          const list = lists.find((l) => l.id === target.list_id);
          if (!list) throw notFound("list", target.list_id);
          return invitePeople(state, list.person_ids);
        }
        case "focal_points":
          return invitePeople(state, FAKE_PEOPLE.filter((p) => p.focal_point).map((p) => p.id));
        case "committee_members": {
          if (target.committee.toUpperCase() !== "LIBE") return invitePeople(state, []);
          return invitePeople(
            state,
            FAKE_PEOPLE.filter((p) => p.libe && (target.groups.length === 0 || target.groups.includes(p.group_code ?? ""))).map((p) => p.id),
          );
        }
      }
    }),
    participantSetState: vi.fn<EventsApi["participantSetState"]>(async (id, wanted) => {
      const { state, participant } = findParticipant(id);
      const before = participant.state;
      let next: Participant;
      if (wanted === "registered" && before !== "registered" && before !== "attended" && participant.counts_for_capacity && isFull(state, id)) {
        next = { ...participant, state: "waitlisted", waitlisted_at: stamp() };
      } else {
        next = {
          ...participant,
          state: wanted,
          registered_at: wanted === "registered" ? stamp() : participant.registered_at,
          waitlisted_at: wanted === "waitlisted" ? stamp() : null,
        };
      }
      replace(state, next);
      const freed = (before === "registered" || before === "attended") && next.state !== "registered" && next.state !== "attended";
      const promoted = freed ? promote(state) : null;
      return { participant: withNeeds(state, next, false), promoted: promoted && withNeeds(state, promoted, false), counts: countsOf(state) };
    }),
    participantUpdate: vi.fn<EventsApi["participantUpdate"]>(async (id, input) => {
      const { state, participant } = findParticipant(id);
      const next = { ...participant, role: input.role, counts_for_capacity: input.counts_for_capacity, notes: input.notes ?? null };
      state.needs.set(id, { dietary: input.dietary_needs ?? null, access: input.access_needs ?? null });
      replace(state, next);
      promote(state);
      return withNeeds(state, next, false);
    }),
    participantCheckIn: vi.fn<EventsApi["participantCheckIn"]>(async (id, checkedIn) => {
      const { state, participant } = findParticipant(id);
      const next: Participant = checkedIn
        ? { ...participant, state: "attended", checked_in_at: stamp() }
        : { ...participant, state: "registered", checked_in_at: null };
      replace(state, next);
      return { participant: withNeeds(state, next, false), promoted: null, counts: countsOf(state) };
    }),
    eventAttendance: vi.fn<EventsApi["eventAttendance"]>(async (id) => {
      const state = get(id);
      const ps = state.participants;
      const attended = ps.filter((p) => p.state === "attended");
      const groups = new Map<string | null, number>();
      for (const p of attended.filter((p) => p.role === "policy_maker")) groups.set(p.group_code, (groups.get(p.group_code) ?? 0) + 1);
      return {
        invited: ps.length,
        registered: ps.filter((p) => p.state === "registered" || p.state === "attended" || p.state === "no_show").length,
        attended: attended.length,
        no_shows: ps.filter((p) => p.state === "no_show").length,
        policy_makers: [...groups.entries()].map(([group_code, n]) => ({ group_code, attended: n })),
      };
    }),
    eventTaskAdd: vi.fn<EventsApi["eventTaskAdd"]>(async (id, input) => {
      const state = get(id);
      if (!input.title.trim()) throw invalid("title", "say what to do");
      seq += 1;
      state.tasks.push(taskFrom(`task-new-${seq}`, input));
      return tasksOf(state);
    }),
    eventTaskUpdate: vi.fn<EventsApi["eventTaskUpdate"]>(async (id, input) => {
      const state = findTask(id);
      if (!input.title.trim()) throw invalid("title", "say what to do");
      state.tasks = state.tasks.map((t) => (t.id === id ? { ...taskFrom(id, input), done: t.done, done_on: t.done_on } : t));
      return tasksOf(state);
    }),
    eventTaskSetDone: vi.fn<EventsApi["eventTaskSetDone"]>(async (id, done) => {
      const state = findTask(id);
      state.tasks = state.tasks.map((t) => (t.id === id ? { ...t, done, done_on: done ? fakeToday.value : null } : t));
      return tasksOf(state);
    }),
    eventTasksCopy: vi.fn<EventsApi["eventTasksCopy"]>(async (id, from) => {
      const state = get(id);
      const source = get(from);
      for (const t of source.tasks) {
        seq += 1;
        state.tasks.push({ ...t, id: `task-new-${seq}`, done: false, done_on: null });
      }
      return tasksOf(state);
    }),
    eventEmails: vi.fn<EventsApi["eventEmails"]>(async (id, states) => {
      const state = get(id);
      const wanted = states.length === 0 ? ["invited"] : states;
      return state.participants.filter((p) => wanted.includes(p.state) && p.email).map((p) => p.email!);
    }),
    eventExport: vi.fn<EventsApi["eventExport"]>(async (id, options) => {
      const state = get(id);
      if (options.what === "runsheet" || options.what === "ics") return state.sessions.length;
      const states = options.states.length === 0 ? ["registered", "attended"] : options.states;
      return state.participants.filter((p) => states.includes(p.state)).length;
    }),
    personListsList: vi.fn<EventsApi["personListsList"]>(async () => lists.map(({ person_ids: _ids, ...l }) => l)),
    personListCreate: vi.fn<EventsApi["personListCreate"]>(async (name, personIds) => {
      if (!name.trim()) throw invalid("name", "a list needs a name");
      seq += 1;
      const list = { id: `list-new-${seq}`, name, members: personIds.length, person_ids: personIds };
      lists.push(list);
      const { person_ids: _ids, ...rest } = list;
      return rest;
    }),
  };
}

function taskFrom(id: string, input: EventTaskInput): EventTask & { due_fixed: string | null } {
  const owner = input.owner_person_id ? personById(input.owner_person_id) : undefined;
  return {
    id,
    title: input.title,
    owner_person_id: input.owner_person_id ?? null,
    owner_name: owner?.display_name ?? null,
    due_on: null,
    due_fixed: input.due_offset_days !== null && input.due_offset_days !== undefined ? null : (input.due_on ?? null),
    due_offset_days: input.due_offset_days ?? null,
    done: false,
    done_on: null,
    overdue: false,
    notes: input.notes ?? null,
  };
}
