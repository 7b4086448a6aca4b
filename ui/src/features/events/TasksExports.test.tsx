import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { withPeopleList } from "./testing";

async function openTab(tab: string, files = createFakeFiles()) {
  const backend = withPeopleList(createFakeBackend());
  const utils = renderApp(backend, files);
  await utils.user.click(await screen.findByTestId("nav-events"));
  await utils.user.click((await screen.findAllByTestId("event-row"))[0]!);
  await screen.findByText("ECLAG high-level event", { selector: "h1" });
  await utils.user.click(screen.getByTestId(`event-tab-${tab}`));
  return utils;
}

describe("event tasks", () => {
  it("shows relative due dates, highlights overdue tasks and ticks them done", async () => {
    const { user, backend } = await openTab("tasks");
    expect(screen.getByTestId("event-tab-tasks")).toHaveTextContent("Tasks (1 overdue)");
    const rows = screen.getAllByTestId("task-row");
    const invites = rows.find((r) => r.textContent?.includes("Send the invitations"))!;
    expect(within(invites).getByTestId("task-due")).toHaveTextContent("18 Feb 2023 (30 days before)");
    expect(invites).toHaveAttribute("data-overdue", "true");
    const badges = rows.find((r) => r.textContent?.includes("Print the badges"))!;
    expect(badges).not.toHaveAttribute("data-overdue");

    await user.click(within(invites).getByTestId("task-done"));
    await waitFor(() => expect(screen.queryByTestId("tasks-overdue")).toBeNull());
    expect(backend.eventTaskSetDone).toHaveBeenCalledWith("task-invites", true);
  });

  it("adds a task due 10 days before the event", async () => {
    const { user, backend } = await openTab("tasks");
    const form = screen.getByTestId("task-add");
    await user.type(within(form).getByTestId("task-title"), "Confirm the interpreters");
    await user.clear(within(form).getByTestId("task-due-days"));
    await user.type(within(form).getByTestId("task-due-days"), "10");
    await user.click(within(form).getByTestId("task-save"));
    await waitFor(() => expect(screen.getAllByTestId("task-row").some((r) => r.textContent?.includes("Confirm the interpreters"))).toBe(true));
    expect(backend.eventTaskAdd).toHaveBeenCalledWith("event-hle", {
      title: "Confirm the interpreters",
      owner_person_id: null,
      due_on: null,
      due_offset_days: -10,
      notes: null,
    });
    const added = screen.getAllByTestId("task-row").find((r) => r.textContent?.includes("Confirm the interpreters"))!;
    expect(within(added).getByTestId("task-due")).toHaveTextContent("10 Mar 2023 (10 days before)");
  });
});

describe("event exports", () => {
  it("exports badges through the save dialog and reports the count", async () => {
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/tmp/badges.pdf");
    const { user, backend } = await openTab("exports", files);
    await user.click(screen.getByTestId("export-badges"));
    await waitFor(() =>
      expect(backend.eventExport).toHaveBeenCalledWith(
        "event-hle",
        { what: "badges", format: "pdf", states: [], include_needs: false, speaker_person_id: null },
        "/tmp/badges.pdf",
      ),
    );
    expect(files.pickSaveFile).toHaveBeenCalledWith("eclag-hle-2023-badges.pdf", expect.objectContaining({ filters: [expect.objectContaining({ extensions: ["pdf"] })] }));
    expect(await screen.findByText("Exported 4 badges")).toBeInTheDocument();
  });

  it("leaves sensitive needs out of the participant list unless ticked", async () => {
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/tmp/p.xlsx");
    const { user, backend } = await openTab("exports", files);
    expect(screen.getByTestId("export-include-needs")).not.toBeChecked();
    await user.click(screen.getByTestId("export-participants"));
    await waitFor(() => expect(backend.eventExport).toHaveBeenLastCalledWith("event-hle", expect.objectContaining({ what: "participants", format: "xlsx", include_needs: false }), "/tmp/p.xlsx"));
    await user.click(screen.getByTestId("export-include-needs"));
    await user.click(screen.getByTestId("export-participants"));
    await waitFor(() => expect(backend.eventExport).toHaveBeenLastCalledWith("event-hle", expect.objectContaining({ include_needs: true }), "/tmp/p.xlsx"));
  });

  it("does nothing when the save dialog is cancelled, and shows export errors", async () => {
    const files = createFakeFiles();
    const { user, backend } = await openTab("exports", files);
    await user.click(screen.getByTestId("export-runsheet-docx"));
    await waitFor(() => expect(files.pickSaveFile).toHaveBeenCalled());
    expect(backend.eventExport).not.toHaveBeenCalled();

    files.pickSaveFile.mockResolvedValue("/tmp/run.pdf");
    backend.eventExport.mockRejectedValueOnce({ code: "io", message: "disk full", field: null });
    await user.click(screen.getByTestId("export-runsheet-pdf"));
    expect(await screen.findByText(/disk full/)).toBeInTheDocument();
  });
});

describe("attendance", () => {
  it("shows the figures and the policy-makers by group", async () => {
    const backend = withPeopleList(createFakeBackend());
    backend.eventAttendance.mockResolvedValue({
      invited: 120,
      registered: 80,
      attended: 71,
      no_shows: 9,
      policy_makers: [
        { group_code: "EPP", attended: 3 },
        { group_code: "Renew", attended: 2 },
      ],
    });
    const utils = renderApp(backend);
    await utils.user.click(await screen.findByTestId("nav-events"));
    await utils.user.click((await screen.findAllByTestId("event-row"))[0]!);
    await utils.user.click(await screen.findByTestId("event-tab-attendance"));
    expect(await screen.findByTestId("attendance-attended")).toHaveTextContent("71");
    expect(screen.getByTestId("attendance-no-shows")).toHaveTextContent("9");
    expect(screen.getByTestId("attendance-policy-makers")).toHaveTextContent("5");
    const groups = screen.getByTestId("attendance-groups");
    expect(groups).toHaveTextContent("EPP3");
    expect(groups).toHaveTextContent("Renew2");
  });
});
