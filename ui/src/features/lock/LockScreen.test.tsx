import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../app/App";
import type { SecurityStatus } from "../../bindings/SecurityStatus";
import { createFakeBackend, createFakeFiles, type FakeBackend } from "../../test/fakeBackend";
import { FAKE_PASSPHRASE, fakeEncryption } from "../../test/fake/encryption";
import { renderApp } from "../../test/render";
import { strengthOf } from "./strength";

const REQUIRED = { code: "passphrase_required", message: "This store is encrypted. Enter its passphrase to open it.", field: null };

/** A backend whose store is encrypted: closed at start (storeInfo refuses) unless `open`. */
function encryptedBackend(status: Partial<SecurityStatus> = {}, open = false): FakeBackend {
  const backend = createFakeBackend();
  Object.assign(backend, fakeEncryption({ encrypted: true, locked: !open, plain_backups: 0, ...status }));
  if (!open) backend.storeInfo.mockRejectedValueOnce(REQUIRED);
  return backend;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("lock screen", () => {
  it("an encrypted store starts locked; a wrong passphrase says so; Enter unlocks", async () => {
    const backend = encryptedBackend();
    const { user } = renderApp(backend);
    const lock = await screen.findByTestId("lock-screen");
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(screen.queryByTestId("org-row")).not.toBeInTheDocument();
    const field = within(lock).getByLabelText("Passphrase");
    await waitFor(() => expect(field).toHaveFocus());

    await user.type(field, "not it{Enter}");
    expect(backend.storeUnlock).toHaveBeenLastCalledWith("not it");
    expect(await screen.findByTestId("field-error-passphrase")).toHaveTextContent("The passphrase is not right for this store.");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("lock-screen")).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, `${FAKE_PASSPHRASE}{Enter}`);
    expect(backend.storeUnlock).toHaveBeenLastCalledWith(FAKE_PASSPHRASE);
    expect(await screen.findByRole("navigation")).toBeInTheDocument();
    expect(await screen.findAllByTestId("org-row")).not.toHaveLength(0);
    expect(screen.queryByTestId("lock-screen")).not.toBeInTheDocument();
  });

  it("shows an error that is not about the passphrase as a banner", async () => {
    const backend = encryptedBackend();
    backend.storeUnlock.mockRejectedValueOnce({ code: "io", message: "cannot read /data/coalition.db: permission denied", field: null });
    const { user } = renderApp(backend);
    await user.type(await screen.findByLabelText("Passphrase"), "whatever{Enter}");
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("permission denied");
  });

  it("locks after the idle time, and any input restarts the wait", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const backend = encryptedBackend({ idle_lock_minutes: 5 }, true);
    render(<App backend={backend} files={createFakeFiles()} />);
    expect(await screen.findByRole("navigation")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("lock-now")).toBeInTheDocument());

    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    fireEvent.keyDown(window, { key: "a" });
    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    expect(screen.queryByTestId("lock-screen")).not.toBeInTheDocument();
    expect(backend.storeLock).not.toHaveBeenCalled();

    act(() => {
      vi.advanceTimersByTime(60_000 + 10);
    });
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(screen.getByTestId("lock-screen")).toHaveTextContent("Locked after 5 minutes without activity.");
    expect(backend.storeLock).toHaveBeenCalledTimes(1);
  });

  it("Ctrl+L and Lock now lock at once; an unencrypted store never locks", async () => {
    const backend = encryptedBackend({ idle_lock_minutes: 0 }, true);
    const { user, unmount } = renderApp(backend);
    expect(await screen.findByRole("navigation")).toBeInTheDocument();
    await screen.findByTestId("lock-now");
    fireEvent.keyDown(window, { key: "l", ctrlKey: true });
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    expect(backend.storeLock).toHaveBeenCalledTimes(1);
    await user.type(screen.getByLabelText("Passphrase"), `${FAKE_PASSPHRASE}{Enter}`);
    await user.click(await screen.findByTestId("lock-now"));
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    unmount();

    const plain = createFakeBackend();
    renderApp(plain);
    expect(await screen.findByRole("navigation")).toBeInTheDocument();
    await waitFor(() => expect(plain.securityStatus).toHaveBeenCalled());
    expect(screen.queryByTestId("lock-now")).not.toBeInTheDocument();
    fireEvent.keyDown(window, { key: "l", ctrlKey: true });
    expect(screen.queryByTestId("lock-screen")).not.toBeInTheDocument();
    expect(plain.storeLock).not.toHaveBeenCalled();
  });
});

describe("Settings > Security", () => {
  function renderSettings(backend: FakeBackend) {
    const user = userEvent.setup();
    render(<App backend={backend} files={createFakeFiles()} start="settings" />);
    return user;
  }

  it("encrypts the store after the passphrase is confirmed and the warning accepted", async () => {
    const backend = createFakeBackend();
    const user = renderSettings(backend);
    const section = await screen.findByTestId("security-section");
    expect(await within(section).findByTestId("security-state")).toHaveTextContent("not encrypted");
    expect(within(section).getByTestId("security-idle")).toBeDisabled();
    expect(section).toHaveTextContent("Locking needs a passphrase");

    await user.click(within(section).getByTestId("security-encrypt"));
    const dialog = await screen.findByTestId("encrypt-dialog");
    expect(dialog).toHaveTextContent("A forgotten passphrase cannot be recovered");
    expect(within(dialog).getByTestId("encrypt-backups-note")).toHaveTextContent("The 2 unencrypted backups");
    const submit = within(dialog).getByTestId("encrypt-dialog-submit");
    await user.type(within(dialog).getByTestId("encrypt-passphrase"), "short");
    expect(within(dialog).getByTestId("passphrase-strength")).toHaveAttribute("data-strength", "tooShort");
    await user.clear(within(dialog).getByTestId("encrypt-passphrase"));
    await user.type(within(dialog).getByTestId("encrypt-passphrase"), FAKE_PASSPHRASE);
    await user.type(within(dialog).getByTestId("encrypt-confirm"), "something else");
    expect(within(dialog).getByTestId("field-error-confirm")).toHaveTextContent("The two passphrases differ.");
    expect(submit).toBeDisabled();
    await user.clear(within(dialog).getByTestId("encrypt-confirm"));
    await user.type(within(dialog).getByTestId("encrypt-confirm"), FAKE_PASSPHRASE);
    expect(submit).toBeDisabled();
    await user.click(within(dialog).getByTestId("encrypt-understood"));
    await user.click(submit);
    expect(backend.storeEncrypt).toHaveBeenCalledWith(FAKE_PASSPHRASE);
    await waitFor(() => expect(screen.queryByTestId("encrypt-dialog")).not.toBeInTheDocument());
    expect(await within(section).findByText(/This store is encrypted/)).toBeInTheDocument();
    // Now it can lock, and the idle time can be chosen.
    expect(await screen.findByTestId("lock-now")).toBeInTheDocument();
    const idle = within(section).getByTestId("security-idle");
    expect(idle).toBeEnabled();
    await user.selectOptions(idle, "30");
    expect(backend.securitySetIdleLock).toHaveBeenCalledWith(30);
  });

  it("shows the core's refusal next to the field when changing the passphrase", async () => {
    const backend = encryptedBackend({}, true);
    const user = renderSettings(backend);
    const section = await screen.findByTestId("security-section");
    await user.click(await within(section).findByTestId("security-change"));
    const dialog = await screen.findByTestId("change-passphrase-dialog");
    await user.type(within(dialog).getByTestId("change-current"), "not the current one");
    await user.type(within(dialog).getByTestId("change-new"), "a new long passphrase");
    await user.type(within(dialog).getByTestId("change-confirm"), "a new long passphrase{Enter}");
    expect(await within(dialog).findByTestId("field-error-passphrase")).toHaveTextContent("The passphrase is not right");
    await user.clear(within(dialog).getByTestId("change-current"));
    await user.type(within(dialog).getByTestId("change-current"), FAKE_PASSPHRASE);
    await user.click(within(dialog).getByTestId("change-passphrase-dialog-submit"));
    expect(backend.storeChangePassphrase).toHaveBeenLastCalledWith(FAKE_PASSPHRASE, "a new long passphrase");
    await waitFor(() => expect(screen.queryByTestId("change-passphrase-dialog")).not.toBeInTheDocument());
  });
});

describe("first run", () => {
  afterEach(() => sessionStorage.clear());

  it("the profile banner offers a passphrase, never requires one, and hides the offer once encrypted", async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    const banner = await screen.findByTestId("profile-banner");
    const offer = await within(banner).findByTestId("protect-offer");
    expect(offer).toHaveTextContent("Protect this store with a passphrase");
    // Not required: the app works under the banner.
    expect(await screen.findAllByTestId("org-row")).not.toHaveLength(0);
    await user.click(within(offer).getByTestId("protect-offer-open"));
    const dialog = await screen.findByTestId("encrypt-dialog");
    await user.type(within(dialog).getByTestId("encrypt-passphrase"), "four random words here");
    expect(within(dialog).getByTestId("passphrase-strength")).toHaveAttribute("data-strength", "strong");
    await user.type(within(dialog).getByTestId("encrypt-confirm"), "four random words here");
    await user.click(within(dialog).getByTestId("encrypt-understood"));
    await user.click(within(dialog).getByTestId("encrypt-dialog-submit"));
    expect(backend.storeEncrypt).toHaveBeenCalledWith("four random words here");
    await waitFor(() => expect(screen.queryByTestId("protect-offer")).not.toBeInTheDocument());
    expect(await screen.findByTestId("lock-now")).toBeInTheDocument();
  });
});

describe("restoring an encrypted backup", () => {
  it("asks for the backup's passphrase when the store's own does not open it", async () => {
    const backend = createFakeBackend();
    backend.backupRestore.mockRejectedValueOnce({ code: "passphrase_required", message: "This store is encrypted. Enter its passphrase to open it.", field: null });
    const user = userEvent.setup();
    render(<App backend={backend} files={createFakeFiles()} start="settings" />);
    const section = await screen.findByTestId("backup-section");
    await user.click((await within(section).findAllByTestId("backup-restore"))[0]!);
    const dialog = await screen.findByTestId("backup-restore-dialog");
    expect(within(dialog).queryByTestId("backup-passphrase")).not.toBeInTheDocument();
    await user.click(within(dialog).getByTestId("backup-restore-dialog-confirm"));
    const field = await within(dialog).findByTestId("backup-passphrase");
    expect(dialog).toHaveTextContent("This store is encrypted");
    await user.type(field, "the old passphrase");
    await user.click(within(dialog).getByTestId("backup-restore-dialog-confirm"));
    expect(backend.backupRestore).toHaveBeenLastCalledWith(expect.stringContaining("coalition-"), "the old passphrase");
    await waitFor(() => expect(screen.queryByTestId("backup-restore-dialog")).not.toBeInTheDocument());
  });
});

describe("passphrase strength", () => {
  it("grows with length and variety", () => {
    expect(strengthOf("abc")).toBe("tooShort");
    expect(strengthOf("abcdefgh")).toBe("weak");
    expect(strengthOf("abcdefghijkl")).toBe("fair");
    expect(strengthOf("correct horse battery staple")).toBe("strong");
  });
});
