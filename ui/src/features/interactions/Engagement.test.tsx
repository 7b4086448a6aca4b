import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { todayIso } from "../../lib/dates";

async function openEngagement(backend = createFakeBackend()) {
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId("nav-engagement"));
  return utils;
}

describe("engagement log", () => {
  it("logs a meeting with participants picked by keyboard and a follow-up task", async () => {
    const { user, backend } = await openEngagement();
    expect(await screen.findAllByTestId("interaction-row")).toHaveLength(2);
    await user.click(screen.getByTestId("interaction-log-button"));
    const dialog = within(await screen.findByTestId("interaction-dialog"));
    expect(dialog.getByTestId("interaction-date")).toHaveValue(todayIso());

    await user.type(dialog.getByTestId("interaction-subject"), "Meeting with MEP Zarzalejos");
    const picker = dialog.getByTestId("interaction-participants");
    await user.type(picker, "jav");
    expect(await dialog.findByText("Javier Zarzalejos")).toBeInTheDocument();
    await user.keyboard("{Enter}");
    await user.type(picker, "intern");
    await dialog.findByText("Internet Watch Foundation");
    await user.keyboard("{ArrowDown}{Enter}");
    expect(dialog.getAllByTestId("party-chip").map((c) => c.textContent)).toEqual(["Javier Zarzalejos×", "Internet Watch Foundation×"]);
    await user.type(dialog.getByTestId("interaction-outcome"), "Supportive");

    await user.click(dialog.getByTestId("interaction-add-task"));
    expect(dialog.getByTestId("task-0-title")).toHaveFocus();
    await user.type(dialog.getByTestId("task-0-title"), "Send the position paper");
    await user.type(dialog.getByTestId("task-0-owner"), "hei");
    await dialog.findByText("Heidi De Pauw");
    await user.keyboard("{Enter}");
    fireEvent.change(dialog.getByTestId("task-0-due"), { target: { value: "2023-03-27" } });
    await user.click(dialog.getByTestId("interaction-save"));

    await waitFor(() => expect(backend.interactionCreate).toHaveBeenCalledTimes(1));
    expect(backend.interactionCreate.mock.calls[0]![0]).toEqual({
      kind: "meeting",
      occurred_on: todayIso(),
      subject: "Meeting with MEP Zarzalejos",
      outcome: "Supportive",
      dossier_id: null,
      person_ids: ["person-javier"],
      organisation_ids: ["org-iwf"],
      tasks: [{ id: null, title: "Send the position paper", owner_person_id: "person-heidi", due_on: "2023-03-27", done: false, notes: null }],
    });
    await waitFor(() => expect(screen.queryByTestId("interaction-dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("Logged Meeting with MEP Zarzalejos")).toBeInTheDocument();
  }, 20000);

  it("shows the core's errors under the field they name, task rows included", async () => {
    const backend = createFakeBackend();
    backend.interactionCreate.mockRejectedValueOnce({ code: "validation", message: "add at least one participant: a person or an organisation", field: "participants" });
    const { user } = await openEngagement(backend);
    await user.click(await screen.findByTestId("interaction-log-button"));
    const dialog = within(await screen.findByTestId("interaction-dialog"));
    await user.type(dialog.getByTestId("interaction-subject"), "Lunch");
    await user.click(dialog.getByTestId("interaction-save"));
    expect(await dialog.findByTestId("field-error-participants")).toHaveTextContent("add at least one participant");
    expect(dialog.getByTestId("interaction-participants")).toHaveFocus();

    backend.interactionCreate.mockRejectedValueOnce({ code: "validation", message: "task title is required", field: "tasks.0.title" });
    await user.click(dialog.getByTestId("interaction-add-task"));
    await user.click(dialog.getByTestId("interaction-save"));
    expect(await dialog.findByTestId("field-error-tasks.0.title")).toHaveTextContent("task title is required");
    expect(dialog.getByTestId("task-0-title")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("interaction-dialog")).toBeInTheDocument();
  });

  it("opens an interaction, edits it with its tasks and deletes it after confirming", async () => {
    const { user, backend } = await openEngagement();
    const rows = await screen.findAllByTestId("interaction-row");
    await user.click(rows[0]!);
    const detail = await screen.findByTestId("interaction-detail");
    expect(detail).toHaveTextContent("Supportive of the proposal");
    await user.click(within(detail).getByTestId("interaction-edit"));
    const dialog = within(await screen.findByTestId("interaction-dialog"));
    expect(dialog.getByTestId("task-0-title")).toHaveValue("Follow-up 1");
    await user.clear(dialog.getByTestId("interaction-subject"));
    await user.type(dialog.getByTestId("interaction-subject"), "Renamed");
    await user.click(dialog.getByTestId("interaction-save"));
    await waitFor(() => expect(backend.interactionUpdate).toHaveBeenCalledTimes(1));
    const [id, input] = backend.interactionUpdate.mock.calls[0]!;
    expect(id).toBe("interaction-1");
    expect(input.subject).toBe("Renamed");
    expect(input.tasks[0]!.id).toBe("task-1");
    expect(input.person_ids).toEqual(["person-javier"]);

    await user.click(await screen.findByTestId("interaction-delete"));
    await user.click(await screen.findByTestId("interaction-delete-confirm-confirm"));
    await waitFor(() => expect(backend.interactionDelete).toHaveBeenCalledWith("interaction-1"));
  });
});

describe("tasks", () => {
  it("lists tasks with the overdue one marked, ticks one done and shows the overdue count on the tab", async () => {
    const { user, backend } = await openEngagement();
    await waitFor(() => expect(screen.getByTestId("engagement-tab-tasks")).toHaveTextContent("Tasks · 1 overdue"));
    await user.click(screen.getByTestId("engagement-tab-tasks"));
    const rows = await screen.findAllByTestId("task-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute("data-overdue", "true");
    expect(rows[0]).toHaveTextContent("overdue since 27 Mar 2023");
    expect(backend.tasksList).toHaveBeenLastCalledWith({ owner_person_id: null, done: false, overdue: false, offset: 0, limit: 200 });

    const before = backend.tasksOverdueCount.mock.calls.length;
    const tick = within(rows[0]!).getByTestId("task-done");
    tick.focus();
    await user.keyboard(" ");
    await waitFor(() => expect(backend.taskSetDone).toHaveBeenCalledWith("task-1", true));
    await waitFor(() => expect(within(screen.getAllByTestId("task-row")[0]!).getByTestId("task-done")).toBeChecked());
    await waitFor(() => expect(backend.tasksOverdueCount.mock.calls.length).toBeGreaterThan(before), { timeout: 2000 });

    await user.click(screen.getByTestId("task-filter-overdue"));
    await waitFor(() => expect(backend.tasksList).toHaveBeenLastCalledWith(expect.objectContaining({ overdue: true })));
  });

  it("adds a standalone task and shows a refused tick", async () => {
    const backend = createFakeBackend();
    backend.taskSetDone.mockRejectedValueOnce({ code: "not_found", message: "no task with id task-1", field: null });
    const { user } = await openEngagement(backend);
    await user.click(await screen.findByTestId("engagement-tab-tasks"));
    const rows = await screen.findAllByTestId("task-row");
    await user.click(within(rows[0]!).getByTestId("task-done"));
    expect(await screen.findByTestId("task-error")).toHaveTextContent("no task with id task-1");

    await user.click(screen.getByTestId("task-add"));
    const dialog = within(await screen.findByTestId("task-dialog"));
    await user.type(dialog.getByTestId("task-title"), "Book the room");
    await user.click(dialog.getByTestId("task-save"));
    await waitFor(() => expect(backend.taskCreate).toHaveBeenCalledWith({ id: null, title: "Book the room", owner_person_id: null, due_on: null, done: false, notes: null }));
  });
});

describe("engagement keyboard", () => {
  it("opens the log dialog with Ctrl+N and moves through the log with the arrows", async () => {
    const { user } = await openEngagement();
    await screen.findAllByTestId("interaction-row");
    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByTestId("interaction-dialog")).toBeInTheDocument();
    // Escape in an open picker closes its list, not the dialog.
    await user.type(screen.getByTestId("interaction-participants"), "h");
    expect(await screen.findAllByTestId("party-option")).toHaveLength(2);
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("party-option")).not.toBeInTheDocument();
    expect(screen.getByTestId("interaction-dialog")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("interaction-dialog")).not.toBeInTheDocument());
    screen.getByTestId("interaction-list").focus();
    await user.keyboard("{ArrowDown}");
    expect(await screen.findByTestId("interaction-detail")).toHaveTextContent("Meeting number 1");
    await user.keyboard("{ArrowDown}");
    expect(await screen.findByTestId("interaction-detail")).toHaveTextContent("Call with IWF");
  });
});

describe("overdue count", () => {
  it("shows on the Engagement entry of the sidebar and follows ticks", async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    expect(await screen.findByTestId("nav-overdue")).toHaveTextContent("1");
    await user.click(screen.getByTestId("nav-engagement"));
    await user.click(await screen.findByTestId("engagement-tab-tasks"));
    backend.tasksOverdueCount.mockResolvedValue(0);
    await user.click(within((await screen.findAllByTestId("task-row"))[0]!).getByTestId("task-done"));
    await waitFor(() => expect(screen.queryByTestId("nav-overdue")).not.toBeInTheDocument());
  });
});

describe("log filters", () => {
  it("asks the core for a kind, a participant, dates and text", async () => {
    const { user, backend } = await openEngagement();
    await screen.findAllByTestId("interaction-row");
    await user.selectOptions(document.getElementById("interaction-filter-kind")!, "call");
    await user.type(screen.getByTestId("interaction-filter-party"), "thor");
    await screen.findByText("Thorn");
    await user.keyboard("{Enter}");
    fireEvent.change(document.getElementById("interaction-from")!, { target: { value: "2023-01-01" } });
    await user.type(screen.getByTestId("interaction-search"), "iwf");
    await waitFor(() =>
      expect(backend.interactionsList).toHaveBeenLastCalledWith({
        kind: "call",
        from: "2023-01-01",
        to: null,
        person_id: null,
        organisation_id: "org-thorn",
        text: "iwf",
        offset: 0,
        limit: 100,
      }),
    );
  });
});

describe("task edit", () => {
  it("opens a task from the list and saves it with its owner and done state kept", async () => {
    const { user, backend } = await openEngagement();
    await user.click(await screen.findByTestId("engagement-tab-tasks"));
    await user.click((await screen.findAllByTestId("task-open"))[0]!);
    const dialog = within(await screen.findByTestId("task-dialog"));
    expect(dialog.getByTestId("task-title")).toHaveValue("Send the position paper");
    await user.type(dialog.getByTestId("task-title"), " to LIBE");
    await user.click(dialog.getByTestId("task-save"));
    await waitFor(() =>
      expect(backend.taskUpdate).toHaveBeenCalledWith("task-1", {
        id: "task-1",
        title: "Send the position paper to LIBE",
        owner_person_id: "person-heidi",
        due_on: "2023-03-27",
        done: false,
        notes: null,
      }),
    );
  });
});
