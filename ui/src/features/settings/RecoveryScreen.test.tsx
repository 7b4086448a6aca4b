import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

const DAMAGED = {
  code: "store_damaged",
  message: "the store at /data/coalition.db is damaged: database disk image is malformed",
  field: null,
};

function damagedBackend() {
  const backend = createFakeBackend();
  backend.storeInfo.mockRejectedValueOnce(DAMAGED);
  return backend;
}

describe("recovery screen", () => {
  it("replaces the app when the store is damaged, and offers the latest backup first", async () => {
    const backend = damagedBackend();
    renderApp(backend);
    const screenEl = await screen.findByTestId("recovery-screen");
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(screenEl).toHaveTextContent("The store is damaged");
    expect(screenEl).toHaveTextContent("has not written anything to it");
    const latest = await within(screenEl).findByTestId("recovery-restore-latest");
    expect(latest).toHaveTextContent("Restore the latest backup");
    expect(latest).toHaveTextContent("2.5 MB");
    await waitFor(() => expect(latest).toHaveFocus());
    const rows = within(screenEl).getAllByTestId("backup-row");
    expect(rows).toHaveLength(2);
    expect(within(screenEl).getByTestId("recovery-problem")).toHaveTextContent("database disk image is malformed");
    // The pages are gone while the store is closed.
    expect(screen.queryByTestId("org-row")).not.toBeInTheDocument();
  });

  it("restores the latest backup, then opens the app", async () => {
    const backend = damagedBackend();
    backend.backupRestore.mockResolvedValueOnce({
      restored_from: "x",
      kept_current_as: null,
      damaged_moved_to: "/data/coalition.db.damaged-20261122T101500Z",
      schema_of_backup: 9,
      schema_now: 9,
    });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("recovery-restore-latest"));
    expect(backend.backupRestore).toHaveBeenCalledWith("/home/coordinator/.local/share/org.coalitiondesk.app/backups/coalition-20261121T090000Z.db");
    await waitFor(() => expect(screen.queryByTestId("recovery-screen")).not.toBeInTheDocument());
    expect(await screen.findByRole("navigation")).toBeInTheDocument();
    expect((await screen.findAllByText("Store restored"))[0]).toBeInTheDocument();
    expect(screen.getAllByText("The damaged file was kept at /data/coalition.db.damaged-20261122T101500Z.")[0]).toBeInTheDocument();
    expect(await screen.findAllByTestId("org-row")).not.toHaveLength(0);
  });

  it("stays on the screen with the reason when a backup is refused, and another one can be chosen", async () => {
    const backend = damagedBackend();
    backend.backupRestore.mockRejectedValueOnce({ code: "bad_file", message: "the backup a.db is damaged and was not restored: malformed", field: null });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("recovery-restore-latest"));
    expect(await screen.findByTestId("recovery-error")).toHaveTextContent("is damaged and was not restored");
    expect(screen.getByTestId("recovery-screen")).toBeInTheDocument();
    const older = screen.getAllByTestId("backup-row")[1]!;
    await user.click(within(older).getByRole("button", { name: "Restore this one" }));
    await waitFor(() => expect(backend.backupRestore).toHaveBeenLastCalledWith(expect.stringContaining("coalition-20261120T090000Z.db")));
    await waitFor(() => expect(screen.queryByTestId("recovery-screen")).not.toBeInTheDocument());
  });

  it("says so when no backup was found", async () => {
    const backend = damagedBackend();
    backend.recoveryInfo.mockResolvedValueOnce({ path: "/data/coalition.db", problem: "file is not a database", backups: [] });
    renderApp(backend);
    expect(await screen.findByTestId("recovery-none")).toHaveTextContent("No backup was found beside the store");
    expect(screen.queryByTestId("recovery-restore-latest")).not.toBeInTheDocument();
    expect(screen.getByTestId("recovery-pick")).toBeInTheDocument();
  });

  it("is not shown for other errors", async () => {
    const backend = createFakeBackend();
    backend.storeInfo.mockRejectedValueOnce({ code: "too_new", message: "newer", field: null });
    renderApp(backend);
    expect(await screen.findByRole("navigation")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-screen")).not.toBeInTheDocument();
  });
});
