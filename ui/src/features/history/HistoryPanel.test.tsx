import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BackendProvider } from "../../api/context";
import { ToastProvider } from "../../components/Toasts";
import { TooltipProvider } from "../../components/Tooltip";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { HistoryPanel } from "./HistoryPanel";

function renderPanel(backend = createFakeBackend(), onChanged = vi.fn()) {
  const user = userEvent.setup();
  render(
    <BackendProvider backend={backend}>
      <TooltipProvider>
        <ToastProvider>
          <HistoryPanel entity="organisation" id="org-1" onChanged={onChanged} />
        </ToastProvider>
      </TooltipProvider>
    </BackendProvider>,
  );
  return { user, backend, onChanged };
}

describe("history panel", () => {
  it("loads nothing until opened, then shows who changed which field from what to what, newest first", async () => {
    const { user, backend } = renderPanel();
    expect(backend.historyForRecord).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("history-toggle"));
    const list = await screen.findByTestId("history-list");
    expect(backend.historyForRecord).toHaveBeenCalledWith("organisation", "org-1", 0, 20);
    const items = within(list).getAllByRole("listitem");
    expect(items.map((i) => i.getAttribute("data-testid"))).toEqual(["history-entry-3", "history-entry-2", "history-entry-1"]);

    const update = screen.getByTestId("history-entry-2");
    expect(update).toHaveTextContent("Changed");
    expect(update).toHaveTextContent("by Ana Lopes");
    const website = within(update).getByRole("row", { name: /Website/ });
    expect(within(website).getByLabelText("from")).toHaveTextContent("(empty)");
    expect(within(website).getByLabelText("to")).toHaveTextContent("https://www.eurochild.org");
    const phone = within(update).getByRole("row", { name: /Phone/ });
    expect(within(phone).getByLabelText("from")).toHaveTextContent("+32 2 000");
    expect(within(phone).getByLabelText("to")).toHaveTextContent("(empty)");

    const archive = screen.getByTestId("history-entry-3");
    expect(within(archive).getByRole("row", { name: /Archived/ })).toHaveTextContent(/no.*yes/);
    expect(screen.getByTestId("history-entry-1")).toHaveTextContent("before profiles were recorded");
    expect(screen.getByTestId("history-entry-1")).toHaveTextContent("Eurochild");
    // ids are left out: the entry carries the names
    expect(screen.getByTestId("history-entry-1")).not.toHaveTextContent("org-1");
  });

  it("undoes one entry after confirming, marks it undone and tells the record to reload", async () => {
    const { user, backend, onChanged } = renderPanel();
    await user.click(screen.getByTestId("history-toggle"));
    await user.click(await screen.findByTestId("history-undo-2"));
    const dialog = await screen.findByRole("alertdialog", { name: "Undo this change?" });
    expect(dialog).toHaveTextContent("change 2");
    await user.click(within(dialog).getByRole("button", { name: "Undo change" }));
    await waitFor(() => expect(backend.historyUndo).toHaveBeenCalledWith(2));
    expect(onChanged).toHaveBeenCalled();
    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("history-entry-2")).toHaveTextContent("Undone"));
    expect(screen.queryByTestId("history-undo-2")).not.toBeInTheDocument();
    expect(screen.getByTestId("history-entry-10")).toHaveTextContent("undoes change 2");
  });

  it("keeps the dialog open with the core's reason when the undo is refused", async () => {
    const backend = createFakeBackend();
    backend.historyUndo.mockRejectedValueOnce({
      code: "conflict",
      message: "entry 2 (update by Ana Lopes) cannot be undone: website changed again in entry 4; undo that first",
      field: null,
    });
    const { user, onChanged } = renderPanel(backend);
    await user.click(screen.getByTestId("history-toggle"));
    await user.click(await screen.findByTestId("history-undo-2"));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Undo change" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("website changed again in entry 4");
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("pages older entries on request", async () => {
    const backend = createFakeBackend();
    const entries = (await backend.historyForRecord("organisation", "org-1", 0, 3)).entries;
    backend.historyForRecord.mockImplementation(async (_e, _id, offset, limit) => ({
      entries: Array.from({ length: Math.min(limit, 25 - offset) }, (_, i) => ({
        ...entries[1]!,
        entry: { ...entries[1]!.entry, seq: 100 - offset - i },
      })),
      total: 25,
    }));
    const { user } = renderPanel(backend);
    await user.click(screen.getByTestId("history-toggle"));
    expect(await screen.findByText("25 changes")).toBeInTheDocument();
    expect(within(screen.getByTestId("history-list")).getAllByRole("listitem")).toHaveLength(20);
    await user.click(screen.getByTestId("history-more"));
    await waitFor(() => expect(within(screen.getByTestId("history-list")).getAllByRole("listitem")).toHaveLength(25));
    expect(backend.historyForRecord).toHaveBeenLastCalledWith("organisation", "org-1", 20, 20);
  });
});

describe("undo last change", () => {
  it("Ctrl+Z outside a text field undoes the last change with a toast; inside a field it does not", async () => {
    const { user, backend } = renderApp();
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByPlaceholderText(/filter/i));
    await user.keyboard("{Control>}z{/Control}");
    expect(backend.historyUndoLast).not.toHaveBeenCalled();
    (document.activeElement as HTMLElement).blur();
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(backend.historyUndoLast).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    expect(screen.getByText("Archived on organisation reversed.")).toBeInTheDocument();
  });

  it("shows why when there is nothing to undo", async () => {
    const backend = createFakeBackend();
    backend.historyUndoLast.mockRejectedValueOnce({ code: "conflict", message: "there is nothing to undo", field: null });
    const { user } = renderApp(backend);
    await screen.findAllByTestId("org-row");
    await user.keyboard("{Control>}z{/Control}");
    expect(await screen.findByText("there is nothing to undo (conflict)")).toBeInTheDocument();
  });
});
