import type { Mock } from "vitest";
import type { PolicyApi } from "../../api/policy";

export type FakePolicy = { [K in keyof PolicyApi]: Mock<PolicyApi[K]> };

/** Fakes of the policy backend methods, with small plausible data. */
export function fakePolicy(): FakePolicy {
  return {};
}
