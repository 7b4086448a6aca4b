import { screen } from "@testing-library/react";
import { vi } from "vitest";
import type { PersonPage } from "../../bindings/PersonPage";
import type { PersonQuery } from "../../bindings/PersonQuery";
import { createFakeBackend, type FakeBackend } from "../../test/fakeBackend";
import { FAKE_PEOPLE } from "../../test/fake/events";
import { renderApp } from "../../test/render";

/** The people list over the events fake's people (replacing the people feature's fake data). */
export function withPeopleList(backend: FakeBackend): FakeBackend {
  const peopleList = vi.fn(async (query: PersonQuery): Promise<PersonPage> => {
    const needle = (query.text ?? "").toLowerCase();
    const rows = FAKE_PEOPLE.filter((p) => p.display_name.toLowerCase().includes(needle)).map((p) => ({
      id: p.id,
      display_name: p.display_name,
      given_name: p.display_name.split(" ")[0] ?? "",
      family_name: p.family_name,
      honorific: null,
      email: p.email,
      phone: null,
      country: null,
      languages: [],
      organisation_id: null,
      organisation: p.organisation,
      job_title: p.title,
      focal_point: Boolean(p.focal_point),
      last_contact: null,
      policy_maker: p.role === "policy_maker",
      archived: false,
      lawful_basis: p.role === "policy_maker" ? ("public_role" as const) : ("legitimate_interest" as const),
      source: null,
      consent_date: null,
      sensitive: false,
    }));
    return { rows, total: rows.length, offset: 0 };
  });
  backend.peopleList = peopleList;
  return backend;
}

/** Renders the app and opens the Events page. */
export async function openEventsPage(backend: FakeBackend = withPeopleList(createFakeBackend())) {
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId("nav-events"));
  await screen.findAllByTestId("event-row");
  return utils;
}

/** Opens the 20 March 2023 event's detail. */
export async function openHleEvent(backend?: FakeBackend) {
  const utils = await openEventsPage(backend);
  await utils.user.click(screen.getAllByTestId("event-row")[0]!);
  await screen.findByTestId("event-detail");
  await screen.findByText("ECLAG high-level event", { selector: "h1" });
  return utils;
}
