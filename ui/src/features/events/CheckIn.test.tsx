import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { openHleEvent } from "./testing";

describe("check-in", () => {
  it("ticks a participant in by typing and Enter, with a running count", async () => {
    const { user, backend } = await openHleEvent();
    await user.click(screen.getByTestId("event-checkin"));
    const search = await screen.findByTestId("checkin-search");
    expect(search).toHaveFocus();
    await waitFor(() => expect(screen.getByTestId("checkin-count")).toHaveTextContent("Attended 0 of 4"));
    // Only registered people are offered: invited and declined ones are not.
    expect(screen.getAllByTestId("checkin-row")).toHaveLength(4);
    expect(screen.queryByText("Heidi De Pauw")).toBeNull();

    await user.type(search, "koh");
    await waitFor(() => expect(screen.getAllByTestId("checkin-row")).toHaveLength(1));
    expect(screen.getByTestId("checkin-row")).toHaveTextContent("Mié Kohiyama");
    await user.keyboard("{Enter}");
    expect(backend.participantCheckIn).toHaveBeenCalledWith("part-event-hle-p-kohiyama", true);
    await waitFor(() => expect(screen.getByTestId("checkin-count")).toHaveTextContent("Attended 1 of 4"));
    expect(screen.getByTestId("checkin-last")).toHaveTextContent("Mié Kohiyama checked in");
    // The box is cleared for the next arrival and keeps the focus.
    expect(search).toHaveValue("");
    expect(search).toHaveFocus();
  });

  it("moves with the arrow keys and ticks out with Space", async () => {
    const { user, backend } = await openHleEvent();
    await user.click(screen.getByTestId("event-checkin"));
    const search = await screen.findByTestId("checkin-search");
    await waitFor(() => expect(screen.getAllByTestId("checkin-row")).toHaveLength(4));
    await user.keyboard("{ArrowDown}");
    const second = screen.getAllByTestId("checkin-row")[1]!;
    expect(second).toHaveAttribute("aria-selected", "true");
    const name = second.querySelector(".checkin-name")!.textContent;
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByTestId("checkin-count")).toHaveTextContent("Attended 1 of 4"));
    const ticked = screen.getAllByTestId("checkin-row").find((r) => r.textContent?.includes(name!))!;
    expect(ticked).toHaveAttribute("data-state", "attended");
    // Space again on the same row ticks out.
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByTestId("checkin-count")).toHaveTextContent("Attended 0 of 4"));
    expect(backend.participantCheckIn).toHaveBeenLastCalledWith(expect.any(String), false);

    await user.keyboard("{Escape}");
    expect(await screen.findByTestId("event-detail")).toBeInTheDocument();
    expect(within(screen.getByTestId("event-detail")).getByTestId("event-title")).toHaveTextContent("ECLAG high-level event");
    void search;
  });
});
