import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { openHleEvent } from "./testing";

describe("programme", () => {
  it("lists the sessions in time order with their speakers", async () => {
    await openHleEvent();
    const rows = await screen.findAllByTestId("session-row");
    expect(rows.map((r) => within(r).getByTestId("session-title-text").textContent)).toEqual([
      "Welcome",
      "Keynotes",
      "Panel: detection that protects children",
    ]);
    expect(within(rows[0]!).getByTestId("session-time")).toHaveTextContent("14:00–14:15");
    expect(rows[1]).toHaveTextContent("Javier Zarzalejos (EPP, European Parliament)");
    expect(rows[1]).toHaveTextContent("Mié Kohiyama");
    expect(rows[2]).toHaveTextContent("Cathal Delaney");
    expect(rows[2]).toHaveTextContent("Asked");
    expect(screen.queryByTestId("programme-issues")).toBeNull();
  });

  it("adds a session with a speaker and flags the overlap and the double booking", async () => {
    const { user, backend } = await openHleEvent();
    await user.click(await screen.findByTestId("session-add"));
    const form = await screen.findByTestId("session-form");
    await user.type(within(form).getByTestId("session-title"), "Survivors' testimony");
    await user.selectOptions(within(form).getByLabelText("Kind"), "panel");
    fireEvent.change(within(form).getByTestId("session-start"), { target: { value: "15:00" } });
    fireEvent.change(within(form).getByTestId("session-end"), { target: { value: "15:45" } });
    await user.type(within(form).getByTestId("session-speaker-picker-input"), "Mié");
    await user.click(await within(form).findByTestId("session-speaker-picker-option"));
    expect(within(form).getByTestId("session-speakers")).toHaveTextContent("Mié Kohiyama");
    await user.click(within(form).getByTestId("session-save"));
    await waitFor(() => expect(screen.queryByTestId("session-form")).toBeNull());

    expect(backend.sessionAdd).toHaveBeenCalledWith("event-hle", {
      title: "Survivors' testimony",
      kind: "panel",
      starts_at: "2023-03-20T15:00",
      ends_at: "2023-03-20T15:45",
      notes: null,
      speakers: [{ person_id: "p-kohiyama", role: "panellist", state: "to_ask" }],
    });
    const rows = screen.getAllByTestId("session-row");
    expect(rows.map((r) => within(r).getByTestId("session-title-text").textContent)).toEqual([
      "Welcome",
      "Keynotes",
      "Survivors' testimony",
      "Panel: detection that protects children",
    ]);
    // Keynotes (14:15–15:15), the new session (15:00–15:45) and the panel (15:30–16:30) are involved.
    expect(rows[0]).not.toHaveAttribute("data-flagged");
    for (const row of rows.slice(1)) expect(row).toHaveAttribute("data-flagged", "true");
    const issues = screen.getByTestId("programme-issues");
    expect(within(issues).getAllByTestId("programme-issue").map((i) => i.dataset.kind)).toEqual([
      "overlap",
      "double_booked",
      "overlap",
      "double_booked",
    ]);
    expect(issues).toHaveTextContent("Mié Kohiyama is in \"Keynotes\" and \"Survivors' testimony\" at the same time");
    expect(within(rows[2]!).getAllByTestId("session-flag").map((f) => f.textContent?.trim())).toContain("Double-booked");
  });

  it("shows the core's error inline and deletes a session after asking", async () => {
    const { user } = await openHleEvent();
    await user.click(await screen.findByTestId("session-add"));
    const form = await screen.findByTestId("session-form");
    await user.click(within(form).getByTestId("session-save"));
    expect(await within(form).findByTestId("field-error-title")).toHaveTextContent("a title is required");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("session-form")).toBeNull());

    const welcome = screen.getAllByTestId("session-row")[0]!;
    await user.click(within(welcome).getByTestId("session-delete"));
    await user.click(await screen.findByTestId("session-delete-confirm-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("session-row")).toHaveLength(2));
    expect(screen.queryByText("Welcome")).toBeNull();
  });
});
