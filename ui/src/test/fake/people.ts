import type { Mock } from "vitest";
import type { PeopleApi } from "../../api/people";

export type FakePeople = { [K in keyof PeopleApi]: Mock<PeopleApi[K]> };

/** Fakes of the people backend methods, with small plausible data. */
export function fakePeople(): FakePeople {
  return {};
}
