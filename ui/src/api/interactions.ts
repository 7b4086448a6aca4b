import type { Body } from "../bindings/Body";
import type { DossierChoice } from "../bindings/DossierChoice";
import type { Interaction } from "../bindings/Interaction";
import type { InteractionInput } from "../bindings/InteractionInput";
import type { InteractionPage } from "../bindings/InteractionPage";
import type { InteractionQuery } from "../bindings/InteractionQuery";
import type { PartyHit } from "../bindings/PartyHit";
import type { SeatTerm } from "../bindings/SeatTerm";
import type { SeatTermInput } from "../bindings/SeatTermInput";
import type { Task } from "../bindings/Task";
import type { TaskInput } from "../bindings/TaskInput";
import type { TaskPage } from "../bindings/TaskPage";
import type { TaskQuery } from "../bindings/TaskQuery";
import type { TimelinePage } from "../bindings/TimelinePage";
import type { TimelineQuery } from "../bindings/TimelineQuery";
import { call } from "./call";

/** The backend methods for the engagement log (interactions, timelines, follow-up tasks) and seat terms. */
export interface InteractionsApi {
  interactionsList(query: InteractionQuery): Promise<InteractionPage>;
  interactionGet(id: string): Promise<Interaction>;
  interactionCreate(input: InteractionInput): Promise<Interaction>;
  /** Participants and tasks are edited together with the interaction. */
  interactionUpdate(id: string, input: InteractionInput): Promise<Interaction>;
  /** Deletes it with its tasks. */
  interactionDelete(id: string): Promise<void>;
  timelineGet(query: TimelineQuery): Promise<TimelinePage>;
  tasksList(query: TaskQuery): Promise<TaskPage>;
  taskCreate(input: TaskInput): Promise<Task>;
  taskUpdate(id: string, input: TaskInput): Promise<Task>;
  taskSetDone(id: string, done: boolean): Promise<Task>;
  taskDelete(id: string): Promise<void>;
  tasksOverdueCount(): Promise<number>;
  /** People (and organisations unless `peopleOnly`) whose names start with `text`. */
  partiesSearch(text: string, peopleOnly: boolean, limit: number): Promise<PartyHit[]>;
  dossierChoices(): Promise<DossierChoice[]>;
  seatTermAdd(input: SeatTermInput): Promise<SeatTerm>;
  /** `endsOn` is the term's last day; null reopens it. */
  seatTermEnd(id: string, endsOn: string | null): Promise<SeatTerm>;
  seatBodies(): Promise<Body[]>;
}

export const interactionsBackend: InteractionsApi = {
  interactionsList: (query) => call("interactions_list", { query }),
  interactionGet: (id) => call("interaction_get", { id }),
  interactionCreate: (input) => call("interaction_create", { input }),
  interactionUpdate: (id, input) => call("interaction_update", { id, input }),
  interactionDelete: (id) => call("interaction_delete", { id }),
  timelineGet: (query) => call("timeline_get", { query }),
  tasksList: (query) => call("tasks_list", { query }),
  taskCreate: (input) => call("task_create", { input }),
  taskUpdate: (id, input) => call("task_update", { id, input }),
  taskSetDone: (id, done) => call("task_set_done", { id, done }),
  taskDelete: (id) => call("task_delete", { id }),
  tasksOverdueCount: () => call("tasks_overdue_count"),
  partiesSearch: (text, peopleOnly, limit) => call("parties_search", { text, peopleOnly, limit }),
  dossierChoices: () => call("dossier_choices"),
  seatTermAdd: (input) => call("seat_term_add", { input }),
  seatTermEnd: (id, endsOn) => call("seat_term_end", { id, endsOn }),
  seatBodies: () => call("seat_bodies"),
};
