import { screen, waitFor, fireEvent } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SeatTerm } from "../../bindings/SeatTerm";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { todayIso } from "../../lib/dates";

const TERM: SeatTerm = {
  id: "t1",
  body: { id: "b1", name: "Steering group", kind: "steering_group" },
  role: "member",
  organisation_id: "org-1",
  organisation_name: "Internet Watch Foundation",
  person_id: null,
  person_name: null,
  starts_on: "2022-04-01",
  ends_on: null,
};

describe("seats", () => {
  it("shows who held which seat today, and on the date picked", async () => {
    const backend = createFakeBackend();
    backend.seatsHeldOn.mockResolvedValue([TERM]);
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-seats"));
    const row = await screen.findByTestId("seat-row");
    expect(row).toHaveTextContent("Steering group");
    expect(row).toHaveTextContent("Internet Watch Foundation");
    expect(row).toHaveTextContent("Member");
    expect(backend.seatsHeldOn).toHaveBeenLastCalledWith(todayIso());
    expect(screen.getByTestId("seats-count")).toHaveTextContent("1 seat held");

    backend.seatsHeldOn.mockResolvedValue([]);
    fireEvent.change(screen.getByTestId("seats-date"), { target: { value: "2021-01-01" } });
    await waitFor(() => expect(backend.seatsHeldOn).toHaveBeenLastCalledWith("2021-01-01"));
    expect(await screen.findByTestId("seats-empty")).toBeInTheDocument();
  });

  it("shows the core's error", async () => {
    const backend = createFakeBackend();
    backend.seatsHeldOn.mockRejectedValue({ code: "validation", message: "invalid date", field: "date" });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-seats"));
    expect(await screen.findByTestId("seats-error")).toHaveTextContent("invalid date");
  });
});
