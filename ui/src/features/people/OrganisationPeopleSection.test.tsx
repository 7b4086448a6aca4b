import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

describe("an organisation's people", () => {
  it("lists current and former people with focal points, and adds a person there", async () => {
    const backend = createFakeBackend();
    backend.organisationPeople.mockResolvedValue([
      { affiliation_id: "a1", person_id: "p1", display_name: "Heidi De Pauw", email: "heidi@childfocus.be", job_title: "CEO", starts_on: null, ends_on: null, focal_point: true, current: true },
      { affiliation_id: "a2", person_id: "p2", display_name: "Former Person", email: null, job_title: "Officer", starts_on: null, ends_on: "2020-01-01", focal_point: false, current: false },
    ]);
    const { user } = renderApp(backend);
    const rows = await screen.findAllByTestId("org-row");
    await user.click(rows[0]!);
    const section = await screen.findByTestId("org-people");
    const people = await within(section).findAllByTestId("org-person");
    expect(people).toHaveLength(2);
    expect(people[0]).toHaveTextContent("Heidi De Pauw");
    expect(people[0]).toHaveTextContent("CEO");
    expect(people[0]).toHaveTextContent("Focal point");
    expect(people[1]).toHaveTextContent("Former Person");
    expect(within(section).getByText("Former")).toBeInTheDocument();
    const orgId = backend.organisationPeople.mock.calls[0]![0];

    await user.click(within(section).getByTestId("org-person-add"));
    const form = await screen.findByTestId("person-form");
    await user.type(within(form).getByLabelText("Family name"), "Tunks");
    await user.type(within(form).getByLabelText(/Job title/), "Head of Policy");
    await user.click(within(form).getByTestId("person-aff-focal"));
    await user.click(within(form).getByTestId("person-form-submit"));
    await waitFor(() => expect(backend.personCreate).toHaveBeenCalled());
    expect(backend.personCreate.mock.calls[0]![0].affiliation).toMatchObject({ organisation_id: orgId, job_title: "Head of Policy", focal_point: true });
  }, 20_000);
});
