import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BackendProvider } from "../../api/context";
import { StoreInfoProvider } from "../../app/storeInfo";
import { ToastProvider } from "../../components/Toasts";
import { createFakeBackend, type FakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { BackupsSection } from "./BackupsSection";
import { SettingsPage } from "./SettingsPage";

async function openSettings(backend: FakeBackend = createFakeBackend()) {
  const app = renderApp(backend);
  await app.user.click(await screen.findByTestId("nav-settings"));
  const section = await screen.findByTestId("backup-section");
  await within(section).findAllByTestId("backup-row");
  return { ...app, section };
}

function renderSection(backend: FakeBackend, props: Parameters<typeof BackupsSection>[0]) {
  const user = userEvent.setup();
  render(
    <BackendProvider backend={backend}>
      <ToastProvider>
        <StoreInfoProvider>
          <SettingsPage sections={[{ id: "backups", Component: () => <BackupsSection {...props} /> }]} />
        </StoreInfoProvider>
      </ToastProvider>
    </BackendProvider>,
  );
  return { user };
}

describe("Settings page: backups", () => {
  it("is the last entry of the sidebar and shows the folder, the interval and the backups", async () => {
    const { section } = await openSettings();
    const entries = screen.getAllByRole("button").filter((b) => b.dataset.testid?.startsWith("nav-"));
    expect(entries.at(-1)).toHaveAttribute("data-testid", "nav-settings");
    expect(screen.getByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    expect(within(section).getByTestId("backup-folder")).toHaveTextContent("/org.coalitiondesk.app/backups");
    expect(within(section).getByLabelText("Automatic backup every")).toHaveValue(4);
    const rows = within(section).getAllByTestId("backup-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("coalition-20261121T090000Z.db");
    expect(rows[0]).toHaveTextContent("2.5 MB");
    expect(within(section).getByTestId("backup-status")).toHaveTextContent("Changes since then.");
  });

  it("backs up now, with feedback, and lists the new backup", async () => {
    const backend = createFakeBackend();
    let finish: () => void = () => {};
    const original = backend.backupNow.getMockImplementation()!;
    backend.backupNow.mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve(original()))));
    const { user, section } = await openSettings(backend);
    await user.click(within(section).getByTestId("backup-now"));
    expect(within(section).getByTestId("backup-now")).toHaveTextContent("Backing up…");
    expect(within(section).getByTestId("backup-now")).toBeDisabled();
    finish();
    expect((await screen.findAllByText("Backup made"))[0]).toBeInTheDocument();
    expect(screen.getAllByText("Saved as coalition-20261122T103000Z.db.")[0]).toBeInTheDocument();
    await waitFor(() => expect(within(section).getAllByTestId("backup-row")).toHaveLength(3));
    expect(within(section).getByTestId("backup-status")).toHaveTextContent("Nothing changed since.");
    expect(within(section).getByTestId("backup-now")).toHaveTextContent("Back up now");
  });

  it("shows why a backup failed", async () => {
    const backend = createFakeBackend();
    backend.backupNow.mockRejectedValueOnce({ code: "io", message: "cannot write /media/usb/backups: disk full", field: null });
    const { user, section } = await openSettings(backend);
    await user.click(within(section).getByTestId("backup-now"));
    expect(await within(section).findByTestId("backup-error")).toHaveTextContent("cannot write /media/usb/backups: disk full");
  });

  it("restores after a confirmation that says the current store is kept", async () => {
    const backend = createFakeBackend();
    const { user, section } = await openSettings(backend);
    const infoCalls = backend.storeInfo.mock.calls.length;
    await user.click(within(within(section).getAllByTestId("backup-row")[1]!).getByTestId("backup-restore"));
    const dialog = await screen.findByTestId("backup-restore-dialog");
    expect(dialog).toHaveTextContent("The current store is first kept as a backup of its own");
    expect(backend.backupRestore).not.toHaveBeenCalled();
    await user.click(within(dialog).getByTestId("backup-restore-dialog-confirm"));
    await waitFor(() =>
      expect(backend.backupRestore).toHaveBeenCalledWith("/home/coordinator/.local/share/org.coalitiondesk.app/backups/coalition-20261120T090000Z.db"),
    );
    expect((await screen.findAllByText("Backup restored"))[0]).toBeInTheDocument();
    expect(screen.getAllByText(/The store as it was is kept at .*before-restore\.db/)[0]).toBeInTheDocument();
    expect(screen.queryByTestId("backup-restore-dialog")).not.toBeInTheDocument();
    // The status bar and the list are refreshed, the kept copy marked.
    await waitFor(() => expect(backend.storeInfo.mock.calls.length).toBeGreaterThan(infoCalls));
    await waitFor(() => expect(within(section).getAllByTestId("backup-row")).toHaveLength(3));
    expect(within(section).getByText("kept before a restore")).toBeInTheDocument();
  });

  it("keeps the dialog open with the reason when a restore is refused, and Escape cancels", async () => {
    const backend = createFakeBackend();
    backend.backupRestore.mockRejectedValueOnce({
      code: "bad_file",
      message: "the backup x.db was made by a newer version of Coalition Desk (schema 12, this version knows up to 9); update the app to restore it",
      field: null,
    });
    const { user, section } = await openSettings(backend);
    await user.click(within(within(section).getAllByTestId("backup-row")[0]!).getByTestId("backup-restore"));
    const dialog = await screen.findByTestId("backup-restore-dialog");
    await user.click(within(dialog).getByTestId("backup-restore-dialog-confirm"));
    expect(await within(dialog).findByText(/made by a newer version of Coalition Desk/)).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("backup-restore-dialog")).not.toBeInTheDocument());
    expect(backend.backupRestore).toHaveBeenCalledTimes(1);
  });

  it("saves the interval, with the core's error next to the field", async () => {
    const backend = createFakeBackend();
    const { user, section } = await openSettings(backend);
    const input = within(section).getByLabelText("Automatic backup every");
    await user.clear(input);
    await user.type(input, "0{Enter}");
    expect(await within(section).findByTestId("field-error-interval_hours")).toHaveTextContent("between 1 and 168 hours");
    expect(input).toHaveAttribute("aria-invalid", "true");
    await user.clear(input);
    await user.type(input, "12");
    await user.click(within(section).getByTestId("backup-interval-save"));
    await waitFor(() => expect(backend.backupSettingsSet).toHaveBeenLastCalledWith({ folder: null, interval_hours: 12 }));
    expect((await screen.findAllByText("Backup settings saved"))[0]).toBeInTheDocument();
    expect(within(section).queryByTestId("field-error-interval_hours")).not.toBeInTheDocument();
  });

  it("changes the folder through the folder dialog, and back to the default", async () => {
    const backend = createFakeBackend();
    const chooseFolder = vi.fn(async () => "/media/usb/coalition-backups");
    const { user } = renderSection(backend, { chooseFolder });
    const section = await screen.findByTestId("backup-section");
    await user.click(await within(section).findByTestId("backup-folder-change"));
    expect(chooseFolder).toHaveBeenCalledWith("/home/coordinator/.local/share/org.coalitiondesk.app/backups");
    await waitFor(() => expect(backend.backupSettingsSet).toHaveBeenCalledWith({ folder: "/media/usb/coalition-backups", interval_hours: 4 }));
    expect(await within(section).findByTestId("backup-folder")).toHaveTextContent("/media/usb/coalition-backups");
    await user.click(within(section).getByTestId("backup-folder-default"));
    await waitFor(() => expect(backend.backupSettingsSet).toHaveBeenLastCalledWith({ folder: null, interval_hours: 4 }));
    // Cancelling the dialog changes nothing.
    chooseFolder.mockResolvedValueOnce(null as unknown as string);
    await user.click(within(section).getByTestId("backup-folder-change"));
    expect(backend.backupSettingsSet).toHaveBeenCalledTimes(2);
  });

  it("restores a file picked on disk after the same confirmation", async () => {
    const backend = createFakeBackend();
    const chooseFile = vi.fn(async () => "/media/usb/old.db");
    const { user } = renderSection(backend, { chooseFile });
    const section = await screen.findByTestId("backup-section");
    await user.click(await within(section).findByTestId("backup-restore-file"));
    const dialog = await screen.findByTestId("backup-restore-dialog");
    expect(dialog).toHaveTextContent("/media/usb/old.db");
    await user.click(within(dialog).getByTestId("backup-restore-dialog-confirm"));
    await waitFor(() => expect(backend.backupRestore).toHaveBeenCalledWith("/media/usb/old.db"));
  });
});
