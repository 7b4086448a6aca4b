import type { BoardQuery } from "../bindings/BoardQuery";
import type { Dossier } from "../bindings/Dossier";
import type { DossierDetail } from "../bindings/DossierDetail";
import type { DossierInput } from "../bindings/DossierInput";
import type { DossierRole } from "../bindings/DossierRole";
import type { DossierStances } from "../bindings/DossierStances";
import type { LeadCommittee } from "../bindings/LeadCommittee";
import type { Profile } from "../bindings/Profile";
import type { Stance } from "../bindings/Stance";
import type { StanceBoard } from "../bindings/StanceBoard";
import type { StanceInput } from "../bindings/StanceInput";
import type { Vote } from "../bindings/Vote";
import type { VoteImportReport } from "../bindings/VoteImportReport";
import type { VoteInput } from "../bindings/VoteInput";
import type { VoteResult } from "../bindings/VoteResult";
import { call } from "./call";
import { trackingArgs, type Tracking } from "./operations";

/** The backend methods for dossiers, stances on them, roll-call votes and the coordinator's profile. */
export interface StancesApi {
  dossiersList(): Promise<Dossier[]>;
  dossierGet(id: string): Promise<DossierDetail>;
  dossierCreate(input: DossierInput): Promise<DossierDetail>;
  dossierUpdate(id: string, input: DossierInput): Promise<DossierDetail>;
  dossierCommittees(): Promise<LeadCommittee[]>;
  /** `id` is the dossier, `person` the policy-maker's person id. */
  dossierRoleAdd(id: string, person: string, role: DossierRole): Promise<DossierDetail>;
  /** `id` is the role's id. */
  dossierRoleRemove(id: string): Promise<DossierDetail>;
  stanceRecord(input: StanceInput): Promise<Stance>;
  stancesForPerson(person: string): Promise<DossierStances[]>;
  stanceBoard(query: BoardQuery): Promise<StanceBoard>;
  /** With `tracking`, reports its progress and can be cancelled (`cancelOperation`). */
  voteImport(path: string, input: VoteInput, tracking?: Tracking): Promise<VoteImportReport>;
  voteResult(id: string): Promise<VoteResult>;
  votesList(dossier: string): Promise<Vote[]>;
  /** Accepts the proposals of these people (person ids). */
  voteAccept(id: string, people: string[]): Promise<VoteResult>;
  voteAcceptAll(id: string): Promise<VoteResult>;
  profileGet(): Promise<Profile>;
  profileSet(profile: Profile): Promise<Profile>;
}

export const stancesBackend: StancesApi = {
  dossiersList: () => call("dossiers_list"),
  dossierGet: (id) => call("dossier_get", { id }),
  dossierCreate: (input) => call("dossier_create", { input }),
  dossierUpdate: (id, input) => call("dossier_update", { id, input }),
  dossierCommittees: () => call("dossier_committees"),
  dossierRoleAdd: (id, person, role) => call("dossier_role_add", { id, person, role }),
  dossierRoleRemove: (id) => call("dossier_role_remove", { id }),
  stanceRecord: (input) => call("stance_record", { input }),
  stancesForPerson: (person) => call("stances_for_person", { person }),
  stanceBoard: (query) => call("stance_board", { query }),
  voteImport: (path, input, tracking) => call("vote_import", { path, input, ...trackingArgs(tracking) }),
  voteResult: (id) => call("vote_result", { id }),
  votesList: (dossier) => call("votes_list", { dossier }),
  voteAccept: (id, people) => call("vote_accept", { id, people }),
  voteAcceptAll: (id) => call("vote_accept_all", { id }),
  profileGet: () => call("profile_get"),
  profileSet: (profile) => call("profile_set", { profile }),
};
