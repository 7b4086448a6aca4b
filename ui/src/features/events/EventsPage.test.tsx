import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { EventSummary } from "../../bindings/EventSummary";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { EventCalendar } from "./EventCalendar";
import { openEventsPage } from "./testing";
import { formatRange, monthGrid, zoneLabelAt } from "./time";

describe("events list", () => {
  it("shows each event with its local time, zone, seats and overdue tasks", async () => {
    await openEventsPage();
    const row = screen.getAllByTestId("event-row")[0]!;
    expect(row).toHaveTextContent("ECLAG high-level event");
    expect(row).toHaveTextContent("eclag-hle-2023");
    expect(row).toHaveTextContent("Conference");
    expect(row).toHaveTextContent("Held");
    expect(within(row).getByTestId("event-when")).toHaveTextContent("Mon, 20 Mar 2023, 14:00–17:30 CET");
    expect(row).toHaveTextContent("Residence Palace");
    // Three registered guests take seats; the staff member does not.
    expect(within(row).getByTestId("event-seats")).toHaveTextContent("3 / 4");
    expect(within(row).getByTestId("event-overdue")).toHaveTextContent("1 overdue");
    expect(screen.getByTestId("events-count")).toHaveTextContent("1 event");
  });

  it("shows a list error instead of swallowing it", async () => {
    const backend = createFakeBackend();
    backend.eventsList.mockRejectedValue({ code: "storage", message: "database is locked", field: null });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-events"));
    expect(await screen.findByTestId("events-error")).toHaveTextContent("database is locked");
  });
});

describe("time helpers", () => {
  it("labels the zone by the wall-clock date, across the daylight-saving change", () => {
    expect(zoneLabelAt("Europe/Brussels", "2023-03-20T14:00")).toBe("CET");
    expect(zoneLabelAt("Europe/Brussels", "2023-03-27T14:00")).toBe("CEST");
    expect(zoneLabelAt("Not/AZone", "2023-03-20T14:00")).toBe("Not/AZone");
    expect(formatRange("2023-03-25T22:00", "2023-03-26T04:00")).toBe("Sat, 25 Mar 2023, 22:00 – Sun, 26 Mar 2023, 04:00");
  });

  it("lays a month out on six Monday-first weeks", () => {
    const days = monthGrid("2023-03");
    expect(days).toHaveLength(42);
    expect(days[0]).toBe("2023-02-27");
    expect(days[2]).toBe("2023-03-01");
    expect(days[41]).toBe("2023-04-09");
  });
});

describe("calendar", () => {
  it("puts the event on its day and moves between months", async () => {
    const { user } = await openEventsPage();
    await user.click(screen.getByTestId("events-tab-calendar"));
    expect(screen.getByTestId("calendar-month")).toHaveTextContent("March 2023");
    const day = screen.getByTestId("calendar-day-2023-03-20");
    expect(within(day).getByTestId("calendar-event")).toHaveTextContent("14:00 ECLAG high-level event");
    expect(within(screen.getByTestId("calendar-day-2023-03-21")).queryByTestId("calendar-event")).toBeNull();

    await user.click(screen.getByTestId("calendar-next"));
    expect(screen.getByTestId("calendar-month")).toHaveTextContent("April 2023");
    expect(screen.queryByTestId("calendar-event")).toBeNull();
    await user.click(screen.getByTestId("calendar-prev"));
    await user.click(within(screen.getByTestId("calendar-day-2023-03-20")).getByTestId("calendar-event"));
    expect(await screen.findByTestId("event-detail")).toBeInTheDocument();
  });

  it("is keyboard navigable and highlights today", async () => {
    const summary: EventSummary = {
      id: "e1",
      reference: "webinar",
      title: "Webinar on detection",
      kind: "webinar",
      status: "planning",
      time_zone: "Europe/Brussels",
      starts_at: "2024-05-14T10:00",
      ends_at: "2024-05-14T11:00",
      venue_name: "Online",
      counts: { invited: 0, registered: 0, waitlisted: 0, declined: 0, attended: 0, no_show: 0, seats_taken: 0, capacity: null },
      open_tasks: 0,
      overdue_tasks: 0,
    };
    const opened: string[] = [];
    const twoDays: EventSummary = { ...summary, id: "e2", title: "Summit", starts_at: "2024-05-29T09:00", ends_at: "2024-05-30T13:00" };
    render(<EventCalendar events={[summary, twoDays]} onOpen={(id) => opened.push(id)} today="2024-05-13" />);
    const user = userEvent.setup();
    const today = screen.getByTestId("calendar-day-2024-05-13");
    expect(today).toHaveClass("is-today");
    expect(today).toHaveAttribute("aria-current", "date");
    today.focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("calendar-day-2024-05-14")).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(opened).toEqual(["e1"]);
    expect(within(screen.getByTestId("calendar-day-2024-05-29")).getByTestId("calendar-event")).toHaveTextContent("09:00 Summit");
    expect(within(screen.getByTestId("calendar-day-2024-05-30")).getByTestId("calendar-event")).toHaveTextContent("Summit");
    expect(within(screen.getByTestId("calendar-day-2024-05-31")).queryByTestId("calendar-event")).toBeNull();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("calendar-day-2024-05-21")).toHaveFocus();
    fireEvent.keyDown(screen.getByTestId("calendar-day-2024-05-21"), { key: "PageDown" });
    await waitFor(() => expect(screen.getByTestId("calendar-month")).toHaveTextContent("June 2024"));
  });
});

describe("new event form", () => {
  it("opens with N and shows the core's error next to its field", async () => {
    const { user, backend } = await openEventsPage();
    await user.keyboard("n");
    const dialog = await screen.findByTestId("event-form");
    await user.type(within(dialog).getByTestId("event-title"), "Roundtable on detection");
    await user.type(within(dialog).getByTestId("event-reference"), "Round Table!");
    fireEvent.change(within(dialog).getByTestId("event-start-date"), { target: { value: "2024-05-14" } });
    await user.click(within(dialog).getByTestId("event-form-submit"));
    const error = await within(dialog).findByTestId("field-error-reference");
    expect(error).toHaveTextContent("lower-case letters, digits and dashes");
    expect(within(dialog).getByTestId("event-reference")).toHaveAttribute("aria-invalid", "true");
    expect(backend.eventCreate).toHaveBeenCalledWith(
      expect.objectContaining({ reference: "Round Table!", starts_at: "2024-05-14T09:00", ends_at: "2024-05-14T17:00", time_zone: "Europe/Brussels" }),
    );

    await user.clear(within(dialog).getByTestId("event-reference"));
    await user.type(within(dialog).getByTestId("event-reference"), "roundtable-2024");
    await user.click(within(dialog).getByTestId("event-form-submit"));
    await waitFor(() => expect(screen.queryByTestId("event-form")).toBeNull());
    expect(await screen.findByText("Roundtable on detection", { selector: "h1" })).toBeInTheDocument();
    expect(screen.getByTestId("event-when")).toHaveTextContent("Tue, 14 May 2024, 09:00–17:00 CEST (Europe/Brussels)");
  });

  it("refuses an end before the start inline", async () => {
    const { user } = await openEventsPage();
    await user.click(screen.getByTestId("event-new"));
    const dialog = await screen.findByTestId("event-form");
    await user.type(within(dialog).getByTestId("event-title"), "Press briefing");
    await user.type(within(dialog).getByTestId("event-reference"), "press-2024");
    fireEvent.change(within(dialog).getByTestId("event-start-date"), { target: { value: "2024-05-14" } });
    fireEvent.change(within(dialog).getByTestId("event-start-time"), { target: { value: "18:00" } });
    await user.click(within(dialog).getByTestId("event-form-submit"));
    expect(await within(dialog).findByTestId("field-error-ends_at")).toHaveTextContent("the end must be after the start");
  });
});
