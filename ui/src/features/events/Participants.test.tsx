import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Participant } from "../../bindings/Participant";
import { createFakeBackend } from "../../test/fakeBackend";
import { openHleEvent, withPeopleList } from "./testing";

function row(name: string): HTMLElement {
  const found = screen.getAllByTestId("participant-row").find((r) => r.textContent?.includes(name));
  if (!found) throw new Error(`no participant row for ${name}`);
  return found;
}

describe("participants", () => {
  it("waitlists when full and shows who moves up when someone declines", async () => {
    const { user, backend } = await openHleEvent();
    await user.click(screen.getByTestId("event-tab-participants"));
    await screen.findAllByTestId("participant-row");
    expect(screen.getByTestId("pcount-seats")).toHaveTextContent("3 / 4");

    // The last seat.
    await user.click(within(row("Heidi De Pauw")).getByTestId("participant-register"));
    await waitFor(() => expect(within(row("Heidi De Pauw")).getByTestId("participant-state")).toHaveTextContent("Registered"));
    expect(screen.getByTestId("pcount-seats")).toHaveTextContent("4 / 4");
    expect(screen.getByTestId("pcount-seats")).toHaveTextContent("Full");

    // Full: the next goes on the waitlist.
    await user.click(within(row("Michael Tunks")).getByTestId("participant-register"));
    await waitFor(() => expect(within(row("Michael Tunks")).getByTestId("participant-state")).toHaveTextContent("Waitlisted"));
    expect(screen.getByTestId("participant-notice")).toHaveTextContent("The event is full: Michael Tunks went on the waitlist instead.");
    expect(screen.getByTestId("pcount-waitlisted")).toHaveTextContent("1");

    // A registered guest declines: the first on the waitlist is promoted, and it is shown.
    await user.click(within(row("Javier Zarzalejos")).getByTestId("participant-decline"));
    await waitFor(() => expect(within(row("Michael Tunks")).getByTestId("participant-state")).toHaveTextContent("Registered"));
    expect(screen.getByTestId("participant-notice")).toHaveAttribute("data-kind", "promoted");
    expect(screen.getByTestId("participant-notice")).toHaveTextContent("Michael Tunks moved up from the waitlist");
    expect(screen.getByTestId("participant-notice")).toHaveTextContent("Javier Zarzalejos");
    expect(await screen.findByText("Michael Tunks moved up from the waitlist", { selector: ".toast-title" })).toBeInTheDocument();
    expect(within(row("Javier Zarzalejos")).getByTestId("participant-state")).toHaveTextContent("Declined");
    expect(screen.getByTestId("pcount-seats")).toHaveTextContent("4 / 4");
    expect(screen.getByTestId("pcount-waitlisted")).toHaveTextContent("0");
    expect(backend.participantSetState).toHaveBeenLastCalledWith("part-event-hle-p-zarzalejos", "declined");
  });

  it("hides dietary and access needs until asked", async () => {
    const { user, backend } = await openHleEvent();
    await user.click(screen.getByTestId("event-tab-participants"));
    await screen.findAllByTestId("participant-row");
    expect(screen.queryByText(/Vegetarian/)).toBeNull();
    expect(screen.queryByTestId("participant-needs")).toBeNull();
    expect(backend.participantsList.mock.calls.every(([, q]) => q.include_needs === false)).toBe(true);

    await user.click(screen.getByTestId("participants-show-needs"));
    await waitFor(() => expect(within(row("Mié Kohiyama")).getByTestId("participant-needs")).toHaveTextContent("Vegetarian"));
    expect(within(row("Hilde Vautmans")).getByTestId("participant-needs")).toHaveTextContent("Step-free access");
    expect(backend.participantsList).toHaveBeenLastCalledWith("event-hle", expect.objectContaining({ include_needs: true }));
  });

  it("marks staff as not taking a seat without losing their needs", async () => {
    const { user, backend } = await openHleEvent();
    await user.click(screen.getByTestId("event-tab-participants"));
    await screen.findAllByTestId("participant-row");
    await user.click(within(row("Mié Kohiyama")).getByTestId("participant-takes-seat"));
    await waitFor(() => expect(screen.getByTestId("pcount-seats")).toHaveTextContent("2 / 4"));
    expect(backend.participantUpdate).toHaveBeenCalledWith(
      "part-event-hle-p-kohiyama",
      expect.objectContaining({ counts_for_capacity: false, dietary_needs: "Vegetarian" }),
    );
  });

  it("announces who moves up when a staff member stops taking a seat", async () => {
    const { user } = await openHleEvent();
    await user.click(screen.getByTestId("event-tab-participants"));
    await screen.findAllByTestId("participant-row");
    await user.click(within(row("Heidi De Pauw")).getByTestId("participant-register"));
    await waitFor(() => expect(screen.getByTestId("pcount-seats")).toHaveTextContent("4 / 4"));
    await user.click(within(row("Élodie Martin")).getByTestId("participant-register"));
    await waitFor(() => expect(within(row("Élodie Martin")).getByTestId("participant-state")).toHaveTextContent("Waitlisted"));

    await user.selectOptions(within(row("Mié Kohiyama")).getByRole("combobox"), "staff");
    await user.click(within(row("Mié Kohiyama")).getByTestId("participant-takes-seat"));
    await waitFor(() => expect(within(row("Élodie Martin")).getByTestId("participant-state")).toHaveTextContent("Registered"));
    expect(screen.getByTestId("participant-notice")).toHaveTextContent("Élodie Martin moved up from the waitlist");
  });

  it("invites a committee's members and a saved list", async () => {
    const { user, backend } = await openHleEvent();
    await user.click(screen.getByTestId("event-tab-participants"));
    await screen.findAllByTestId("participant-row");
    await user.click(screen.getByTestId("participants-invite"));
    const dialog = await screen.findByTestId("invite-dialog");
    await user.click(within(dialog).getByTestId("invite-kind-committee_members"));
    await user.type(within(dialog).getByTestId("invite-groups"), "S&D");
    await user.click(within(dialog).getByTestId("invite-submit"));
    await waitFor(() => expect(screen.queryByTestId("invite-dialog")).toBeNull());
    expect(backend.participantsInvite).toHaveBeenCalledWith("event-hle", { kind: "committee_members", committee: "LIBE", groups: ["S&D"] });
    expect(await screen.findByText("Invited 1 person")).toBeInTheDocument();
    await waitFor(() => expect(row("Birgit Sippel")).toHaveAttribute("data-state", "invited"));

    await user.click(screen.getByTestId("participants-invite"));
    const again = await screen.findByTestId("invite-dialog");
    await user.click(within(again).getByTestId("invite-kind-saved_list"));
    await waitFor(() => expect(within(again).getByTestId("invite-list")).toHaveValue("list-steering"));
    await user.click(within(again).getByTestId("invite-submit"));
    expect(await screen.findByText("2 were already on the list")).toBeInTheDocument();
  });

  it("loads the next page at the next offset for long lists, rendering only the rows in view", async () => {
    const backend = withPeopleList(createFakeBackend());
    const make = (i: number): Participant => ({
      id: `part-${i}`,
      person_id: `person-${i}`,
      display_name: `Guest ${String(i).padStart(4, "0")}`,
      family_name: `Guest ${i}`,
      organisation_id: null,
      organisation_name: null,
      email: null,
      role: "guest",
      counts_for_capacity: true,
      state: "invited",
      invited_on: null,
      registered_at: null,
      waitlisted_at: null,
      checked_in_at: null,
      group_code: null,
      dietary_needs: null,
      access_needs: null,
      notes: null,
    });
    const counts = { invited: 650, registered: 0, waitlisted: 0, declined: 0, attended: 0, no_show: 0, seats_taken: 0, capacity: null };
    backend.participantsList.mockImplementation(async (_id, query) => ({
      rows: Array.from({ length: Math.max(0, Math.min(query.limit, 650 - query.offset)) }, (_, i) => make(query.offset + i)),
      total: 650,
      counts,
    }));
    const { user } = await openHleEvent(backend);
    await user.click(screen.getByTestId("event-tab-participants"));
    const more = await screen.findByTestId("participants-more");
    expect(more).toHaveTextContent("500 of 650");
    expect(screen.getAllByTestId("participant-row").length).toBeLessThan(60);
    await user.click(more);
    await waitFor(() => expect(screen.queryByTestId("participants-more")).toBeNull());
    expect(backend.participantsList).toHaveBeenCalledWith("event-hle", expect.objectContaining({ offset: 500, limit: 500 }));
  });
});
