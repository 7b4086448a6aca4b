import type { Mock } from "vitest";
import type { StancesApi } from "../../api/stances";

export type FakeStances = { [K in keyof StancesApi]: Mock<StancesApi[K]> };

/** Fakes of the stances backend methods, with small plausible data. */
export function fakeStances(): FakeStances {
  return {};
}
