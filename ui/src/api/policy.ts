import { Channel } from "@tauri-apps/api/core";
import type { Committee } from "../bindings/Committee";
import type { CommitteeMembershipInput } from "../bindings/CommitteeMembershipInput";
import type { FetchProgress } from "../bindings/FetchProgress";
import type { MepFetch } from "../bindings/MepFetch";
import type { MepSyncReport } from "../bindings/MepSyncReport";
import type { PolicyMaker } from "../bindings/PolicyMaker";
import type { PolicyMakerInput } from "../bindings/PolicyMakerInput";
import type { PolicyMakerPage } from "../bindings/PolicyMakerPage";
import type { PolicyMakerQuery } from "../bindings/PolicyMakerQuery";
import type { PoliticalGroup } from "../bindings/PoliticalGroup";
import { call, hasTauriRuntime } from "./call";
import { trackingArgs, type Tracking } from "./operations";

/** The backend methods for policy-makers, MEPs and the Parliament list sync, committees and dossiers. */
export interface PolicyApi {
  /** One page of policy-makers, by family name. */
  policyMakersList(query: PolicyMakerQuery): Promise<PolicyMakerPage>;
  policyMakerGet(id: string): Promise<PolicyMaker>;
  policyMakerCreate(input: PolicyMakerInput): Promise<PolicyMaker>;
  policyMakerUpdate(id: string, input: PolicyMakerInput): Promise<PolicyMaker>;
  committeesList(): Promise<Committee[]>;
  politicalGroups(): Promise<PoliticalGroup[]>;
  /** Seats the policy-maker `id` on a committee; returns the policy-maker. */
  committeeMembershipAdd(id: string, input: CommitteeMembershipInput): Promise<PolicyMaker>;
  /** Ends a committee membership (today when `endsOn` is null); returns the policy-maker. */
  committeeMembershipEnd(membership: string, endsOn: string | null): Promise<PolicyMaker>;
  /** What syncing the Parliament's XML list at `path` would do; writes nothing. */
  mepsPreview(path: string): Promise<MepSyncReport>;
  /** Syncs the store with the list at `path`. */
  /** With `tracking`, reports its progress and can be cancelled (`cancelOperation`). */
  mepsImport(path: string, tracking?: Tracking): Promise<MepSyncReport>;
  /** Downloads the Parliament's current list with progress; writes nothing but a temporary file. */
  mepsFetch(onProgress: (progress: FetchProgress) => void): Promise<MepFetch>;
}

export const policyBackend: PolicyApi = {
  policyMakersList: (query) => call("policy_makers_list", { query }),
  policyMakerGet: (id) => call("policy_maker_get", { id }),
  policyMakerCreate: (input) => call("policy_maker_create", { input }),
  policyMakerUpdate: (id, input) => call("policy_maker_update", { id, input }),
  committeesList: () => call("committees_list"),
  politicalGroups: () => call("political_groups"),
  committeeMembershipAdd: (id, input) => call("committee_membership_add", { id, input }),
  committeeMembershipEnd: (membership, endsOn) => call("committee_membership_end", { membership, endsOn }),
  mepsPreview: (path) => call("meps_preview", { path }),
  mepsImport: (path, tracking) => call("meps_import", { path, ...trackingArgs(tracking) }),
  mepsFetch: (onProgress) => {
    if (!hasTauriRuntime()) return call("meps_fetch");
    const channel = new Channel<FetchProgress>();
    channel.onmessage = onProgress;
    return call("meps_fetch", { onProgress: channel });
  },
};
