import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../../app/App";
import { BackendProvider } from "../../api/context";
import { ToastProvider } from "../../components/Toasts";
import { TooltipProvider } from "../../components/Tooltip";
import { createFakeBackend, makeRow } from "../../test/fakeBackend";
import { makeInteraction, makeTask } from "../../test/fake/interactions";
import { Timeline } from "./Timeline";

function renderTimeline(props: { personId?: string; organisationId?: string; name?: string }, backend = createFakeBackend()) {
  const user = userEvent.setup();
  render(
    <BackendProvider backend={backend}>
      <TooltipProvider>
        <ToastProvider>
          <Timeline {...props} />
        </ToastProvider>
      </TooltipProvider>
    </BackendProvider>,
  );
  return { user, backend };
}

describe("timeline", () => {
  it("shows an organisation's interactions newest first, those of its people 'via' them, and its open tasks", async () => {
    const backend = createFakeBackend();
    backend.timelineGet.mockResolvedValue({
      rows: [
        { interaction: makeInteraction(3, { subject: "Meeting with MEP Vautmans", occurred_on: "2023-03-20" }), via: ["Heidi De Pauw"] },
        { interaction: makeInteraction(4, { subject: "Coalition meeting", occurred_on: "2023-01-10" }), via: [] },
      ],
      total: 3,
      offset: 0,
      open_tasks: [makeTask(7, { title: "Send the figures", overdue: true, due_on: "2023-03-27" })],
    });
    const { user } = renderTimeline({ organisationId: "org-cf", name: "Child Focus" }, backend);
    const entries = await screen.findAllByTestId("timeline-entry");
    expect(entries.map((e) => e.textContent)).toEqual([expect.stringContaining("Meeting with MEP Vautmans"), expect.stringContaining("Coalition meeting")]);
    expect(within(entries[0]!).getByTestId("timeline-via")).toHaveTextContent("via Heidi De Pauw");
    expect(within(entries[1]!).queryByTestId("timeline-via")).not.toBeInTheDocument();
    expect(backend.timelineGet).toHaveBeenCalledWith({ person_id: null, organisation_id: "org-cf", offset: 0, limit: 20 });
    const task = within(screen.getByTestId("timeline-tasks")).getByTestId("task-row");
    expect(task).toHaveTextContent("Send the figures");
    expect(task).toHaveAttribute("data-overdue", "true");

    await user.click(screen.getByTestId("timeline-more"));
    await waitFor(() => expect(backend.timelineGet).toHaveBeenLastCalledWith({ person_id: null, organisation_id: "org-cf", offset: 2, limit: 20 }));
  });

  it("logs an interaction that starts with the person as a participant", async () => {
    const { user, backend } = renderTimeline({ personId: "person-hilde", name: "Hilde Vautmans" });
    await user.click(await screen.findByTestId("timeline-log-button"));
    const dialog = within(await screen.findByTestId("interaction-dialog"));
    expect(dialog.getAllByTestId("party-chip").map((c) => c.textContent)).toEqual(["Hilde Vautmans×"]);
    await user.type(dialog.getByTestId("interaction-subject"), "Call about the trilogue");
    await user.click(dialog.getByTestId("interaction-save"));
    await waitFor(() => expect(backend.interactionCreate).toHaveBeenCalledTimes(1));
    expect(backend.interactionCreate.mock.calls[0]![0]).toMatchObject({ person_ids: ["person-hilde"], organisation_ids: [], subject: "Call about the trilogue" });
    await waitFor(() => expect(backend.timelineGet).toHaveBeenCalledTimes(2));
  }, 15000);

  it("asks for the record's name when it was not given", async () => {
    const backend = createFakeBackend();
    backend.timelineGet.mockResolvedValue({ rows: [], total: 0, offset: 0, open_tasks: [] });
    backend.personGet.mockImplementation(async (id) => {
      const detail = await createFakeBackend().personGet(id);
      return { ...detail, person: { ...detail.person, display_name: "Ylva Johansson" } };
    });
    const { user } = renderTimeline({ personId: "person-ylva" }, backend);
    expect(await screen.findByTestId("timeline-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("timeline-log-button"));
    const dialog = within(await screen.findByTestId("interaction-dialog"));
    expect(dialog.getAllByTestId("party-chip").map((c) => c.textContent)).toEqual(["Ylva Johansson×"]);
    expect(backend.personGet).toHaveBeenCalledWith("person-ylva");
  });

  it("shows the core's error", async () => {
    const backend = createFakeBackend();
    backend.timelineGet.mockRejectedValue({ code: "not_found", message: "no person with id x", field: null });
    renderTimeline({ personId: "x" }, backend);
    expect(await screen.findByTestId("timeline-error")).toHaveTextContent("no person with id x");
  });

  it("is part of the organisation's detail", async () => {
    const backend = createFakeBackend([makeRow(1, { name: "Child Focus" })]);
    const user = userEvent.setup();
    render(<App backend={backend} />);
    await user.click((await screen.findAllByTestId("org-row"))[0]!);
    const pane = await screen.findByTestId("org-detail");
    expect(await within(pane).findByTestId("timeline")).toBeInTheDocument();
    await waitFor(() => expect(backend.timelineGet).toHaveBeenCalledWith(expect.objectContaining({ organisation_id: "org-1" })));
  });
});
