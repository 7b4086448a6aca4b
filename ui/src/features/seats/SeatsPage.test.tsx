import { screen, waitFor, fireEvent, within } from "@testing-library/react";
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

  it("shows a person holding a seat for an organisation", async () => {
    const backend = createFakeBackend();
    backend.seatsHeldOn.mockResolvedValue([{ ...TERM, role: "chair", person_id: "person-heidi", person_name: "Heidi De Pauw" }]);
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-seats"));
    expect(await screen.findByTestId("seat-holder")).toHaveTextContent("Heidi De Pauw (Internet Watch Foundation)");
  });

  it("adds a term held by a person for an organisation, with the core's clash message inline", async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-seats"));
    await user.click(await screen.findByTestId("seat-add"));
    const dialog = within(await screen.findByTestId("seat-form"));
    await user.type(dialog.getByTestId("seat-body"), "Steering group");
    await waitFor(() => expect(backend.seatBodies).toHaveBeenCalled());
    await user.selectOptions(dialog.getByLabelText("Role"), "chair");
    await user.type(dialog.getByTestId("seat-org"), "inter");
    await dialog.findByText("Internet Watch Foundation");
    await user.keyboard("{Enter}");
    await user.type(dialog.getByTestId("seat-person"), "heidi");
    await dialog.findByText("Heidi De Pauw");
    await user.keyboard("{Enter}");
    fireEvent.change(dialog.getByTestId("seat-start"), { target: { value: "2024-01-01" } });

    backend.seatTermAdd.mockRejectedValueOnce({
      code: "validation",
      message: 'the chair seat of Steering group is held by "Mié Kohiyama" from 2023-01-01',
      field: "starts_on",
    });
    await user.click(dialog.getByTestId("seat-form-submit"));
    expect(await dialog.findByTestId("field-error-starts_on")).toHaveTextContent('held by "Mié Kohiyama" from 2023-01-01');
    expect(dialog.getByTestId("seat-start")).toHaveFocus();

    await user.click(dialog.getByTestId("seat-form-submit"));
    await waitFor(() => expect(backend.seatTermAdd).toHaveBeenCalledTimes(2));
    expect(backend.seatTermAdd.mock.calls[1]![0]).toEqual({
      body: "Steering group",
      kind: "steering_group",
      role: "chair",
      organisation_id: "org-iwf",
      person_id: "person-heidi",
      starts_on: "2024-01-01",
      ends_on: null,
    });
    await waitFor(() => expect(screen.queryByTestId("seat-form")).not.toBeInTheDocument());
    expect(backend.seatsHeldOn).toHaveBeenCalledTimes(2);
  });

  it("ends a term on the day picked", async () => {
    const backend = createFakeBackend();
    backend.seatsHeldOn.mockResolvedValue([TERM]);
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-seats"));
    await user.click(await screen.findByTestId("seat-end"));
    const dialog = within(await screen.findByTestId("seat-end-dialog"));
    expect(dialog.getByTestId("seat-end-date")).toHaveValue(todayIso());
    fireEvent.change(dialog.getByTestId("seat-end-date"), { target: { value: "2021-01-01" } });
    backend.seatTermEnd.mockRejectedValueOnce({ code: "validation", message: "end date 2021-01-01 is before the start date 2022-04-01", field: "ends_on" });
    await user.click(dialog.getByTestId("seat-end-submit"));
    expect(await dialog.findByTestId("field-error-ends_on")).toHaveTextContent("before the start date");
    fireEvent.change(dialog.getByTestId("seat-end-date"), { target: { value: "2024-12-31" } });
    await user.click(dialog.getByTestId("seat-end-submit"));
    await waitFor(() => expect(backend.seatTermEnd).toHaveBeenLastCalledWith("t1", "2024-12-31"));
  });
});
