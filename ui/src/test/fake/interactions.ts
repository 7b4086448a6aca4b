import { vi, type Mock } from "vitest";
import type { InteractionsApi } from "../../api/interactions";
import type { Interaction } from "../../bindings/Interaction";
import type { InteractionInput } from "../../bindings/InteractionInput";
import type { PartyHit } from "../../bindings/PartyHit";
import type { Task } from "../../bindings/Task";
import type { TaskInput } from "../../bindings/TaskInput";

export type FakeInteractions = { [K in keyof InteractionsApi]: Mock<InteractionsApi[K]> };

/** People and organisations the fake pickers know. */
export const FAKE_PARTIES: PartyHit[] = [
  { kind: "person", id: "person-heidi", name: "Heidi De Pauw", detail: "Child Focus" },
  { kind: "person", id: "person-javier", name: "Javier Zarzalejos", detail: "EPP" },
  { kind: "person", id: "person-hilde", name: "Hilde Vautmans", detail: "Renew" },
  { kind: "organisation", id: "org-iwf", name: "Internet Watch Foundation", detail: "IWF · GB" },
  { kind: "organisation", id: "org-thorn", name: "Thorn", detail: "US" },
];

export function makeTask(i: number, overrides: Partial<Task> = {}): Task {
  return {
    id: `task-${i}`,
    interaction_id: "interaction-1",
    interaction_subject: "Meeting with the rapporteur",
    title: `Follow-up ${i}`,
    owner_person_id: "person-heidi",
    owner_name: "Heidi De Pauw",
    due_on: "2023-04-01",
    done: false,
    done_on: null,
    notes: null,
    overdue: false,
    ...overrides,
  };
}

export function makeInteraction(i: number, overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: `interaction-${i}`,
    kind: "meeting",
    occurred_on: `2023-03-${String(20 - (i % 19)).padStart(2, "0")}`,
    subject: `Meeting number ${i}`,
    outcome: i === 1 ? "Supportive of the proposal" : null,
    dossier_id: null,
    dossier_reference: null,
    participants: [
      { person_id: "person-javier", organisation_id: null, name: "Javier Zarzalejos" },
      { person_id: null, organisation_id: "org-iwf", name: "Internet Watch Foundation" },
    ],
    tasks: i === 1 ? [makeTask(1, { interaction_id: `interaction-${i}` })] : [],
    created_at: "2023-03-20T10:00:00Z",
    updated_at: "2023-03-20T10:00:00Z",
    ...overrides,
  };
}

function nameOf(id: string): string {
  return FAKE_PARTIES.find((p) => p.id === id)?.name ?? id;
}

/** What the core would store for an input (enough for the UI's tests). */
export function interactionFrom(id: string, input: InteractionInput): Interaction {
  return makeInteraction(0, {
    id,
    kind: input.kind,
    occurred_on: input.occurred_on,
    subject: input.subject,
    outcome: input.outcome,
    dossier_id: input.dossier_id,
    participants: [
      ...input.person_ids.map((p) => ({ person_id: p, organisation_id: null, name: nameOf(p) })),
      ...input.organisation_ids.map((o) => ({ person_id: null, organisation_id: o, name: nameOf(o) })),
    ],
    tasks: input.tasks.map((t, n) => taskFrom(t.id ?? `task-new-${n}`, t, id)),
  });
}

export function taskFrom(id: string, input: TaskInput, interactionId: string | null = null): Task {
  return makeTask(0, {
    id,
    interaction_id: interactionId,
    title: input.title,
    owner_person_id: input.owner_person_id,
    owner_name: input.owner_person_id ? nameOf(input.owner_person_id) : null,
    due_on: input.due_on,
    done: input.done,
    done_on: input.done ? "2024-01-01" : null,
    notes: input.notes,
  });
}

/** Fakes of the interactions backend methods, with small plausible data. */
export function fakeInteractions(): FakeInteractions {
  const rows = [makeInteraction(1), makeInteraction(2, { kind: "call", subject: "Call with IWF" })];
  const tasks = [
    makeTask(1, { title: "Send the position paper", due_on: "2023-03-27", overdue: true }),
    makeTask(2, { title: "Book the room", due_on: null, interaction_id: null, interaction_subject: null }),
  ];
  return {
    interactionsList: vi.fn<InteractionsApi["interactionsList"]>(async (q) => ({
      rows: rows.slice(q.offset, q.offset + (q.limit || 100)),
      total: rows.length,
      offset: q.offset,
    })),
    interactionGet: vi.fn<InteractionsApi["interactionGet"]>(async (id) => rows.find((r) => r.id === id) ?? makeInteraction(1, { id })),
    interactionCreate: vi.fn<InteractionsApi["interactionCreate"]>(async (input) => interactionFrom("interaction-new", input)),
    interactionUpdate: vi.fn<InteractionsApi["interactionUpdate"]>(async (id, input) => interactionFrom(id, input)),
    interactionDelete: vi.fn<InteractionsApi["interactionDelete"]>(async () => undefined),
    timelineGet: vi.fn<InteractionsApi["timelineGet"]>(async (q) => ({
      rows: rows.map((interaction) => ({ interaction, via: [] })),
      total: rows.length,
      offset: q.offset,
      open_tasks: [tasks[0]!],
    })),
    tasksList: vi.fn<InteractionsApi["tasksList"]>(async (q) => ({
      rows: tasks.slice(q.offset),
      total: tasks.length,
      offset: q.offset,
      overdue: tasks.filter((t) => t.overdue).length,
    })),
    taskCreate: vi.fn<InteractionsApi["taskCreate"]>(async (input) => taskFrom("task-new", input)),
    taskUpdate: vi.fn<InteractionsApi["taskUpdate"]>(async (id, input) => taskFrom(id, input)),
    taskSetDone: vi.fn<InteractionsApi["taskSetDone"]>(async (id, done) => {
      const task = tasks.find((t) => t.id === id) ?? makeTask(9, { id });
      return { ...task, done, done_on: done ? "2024-01-01" : null, overdue: false };
    }),
    taskDelete: vi.fn<InteractionsApi["taskDelete"]>(async () => undefined),
    tasksOverdueCount: vi.fn<InteractionsApi["tasksOverdueCount"]>(async () => 1),
    partiesSearch: vi.fn<InteractionsApi["partiesSearch"]>(async (text, peopleOnly) =>
      FAKE_PARTIES.filter((p) => (!peopleOnly || p.kind === "person") && p.name.toLowerCase().startsWith(text.trim().toLowerCase())),
    ),
    dossierChoices: vi.fn<InteractionsApi["dossierChoices"]>(async () => [
      { id: "dossier-csa", reference: "2022/0155(COD)", short_title: "CSA Regulation" },
    ]),
    seatTermAdd: vi.fn<InteractionsApi["seatTermAdd"]>(async (input) => ({
      id: "term-new",
      body: { id: "body-1", name: input.body, kind: input.kind },
      role: input.role,
      organisation_id: input.organisation_id,
      organisation_name: input.organisation_id ? nameOf(input.organisation_id) : null,
      person_id: input.person_id,
      person_name: input.person_id ? nameOf(input.person_id) : null,
      starts_on: input.starts_on,
      ends_on: input.ends_on,
    })),
    seatTermEnd: vi.fn<InteractionsApi["seatTermEnd"]>(async (id, endsOn) => ({
      id,
      body: { id: "body-1", name: "Steering group", kind: "steering_group" },
      role: "member",
      organisation_id: "org-iwf",
      organisation_name: "Internet Watch Foundation",
      person_id: null,
      person_name: null,
      starts_on: "2022-04-01",
      ends_on: endsOn,
    })),
    seatBodies: vi.fn<InteractionsApi["seatBodies"]>(async () => [
      { id: "body-1", name: "Steering group", kind: "steering_group" },
      { id: "body-2", name: "Policy working group", kind: "working_group" },
    ]),
  };
}
