import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BackendProvider } from "../../api/context";
import { ToastProvider } from "../../components/Toasts";
import { createFakeBackend, type FakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { EraseDialog } from "./EraseDialog";
import { SubjectAccessDialog } from "./SubjectAccessDialog";

function withProviders(backend: FakeBackend, ui: React.ReactNode) {
  const user = userEvent.setup();
  render(
    <BackendProvider backend={backend}>
      <ToastProvider>{ui}</ToastProvider>
    </BackendProvider>,
  );
  return user;
}

describe("EraseDialog", () => {
  it("shows the preview and keeps the erase button disabled until the name matches", async () => {
    const backend = createFakeBackend();
    const onErased = vi.fn();
    const user = withProviders(backend, <EraseDialog personId="person-7" onErased={onErased} />);
    const dialog = await screen.findByTestId("erase-dialog");
    const preview = await within(dialog).findByTestId("erase-preview");
    expect(backend.erasurePreview).toHaveBeenCalledWith("person-7");
    expect(within(preview).getByTestId("erase-removed")).toHaveTextContent("2 email addresses");
    expect(within(preview).getByTestId("erase-removed")).toHaveTextContent("mie@example.org");
    expect(within(preview).getByTestId("erase-anonymised")).toHaveTextContent("the signer becomes \"(erased)\"");
    expect(within(preview).getByTestId("erase-backups-note")).toHaveTextContent("Backups made before the erasure");
    expect(within(preview).getByTestId("erase-mentions")).toHaveTextContent("Call with Mié Kohiyama");

    const submit = within(dialog).getByTestId("erase-submit");
    const input = within(dialog).getByTestId("erase-confirm-input");
    expect(submit).toBeDisabled();
    await user.type(input, "Mié Kohiya");
    expect(submit).toBeDisabled();
    await user.click(submit);
    expect(backend.personErase).not.toHaveBeenCalled();
    await user.type(input, "ma");
    expect(submit).toBeEnabled();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(backend.personErase).toHaveBeenCalledWith("person-7", "Mié Kohiyama"));
    await waitFor(() => expect(onErased).toHaveBeenCalledTimes(1));
    expect(onErased.mock.calls[0]![0].tombstone_seq).toBe(42);
    expect(await screen.findByText("Mié Kohiyama was erased")).toBeInTheDocument();
  }, 15_000);

  it("shows the core's confirmation error next to the field and a preview failure with a retry", async () => {
    const backend = createFakeBackend();
    backend.personErase.mockRejectedValueOnce({ code: "validation", message: "the name changed meanwhile; nothing was erased", field: "confirm" });
    backend.erasurePreview.mockRejectedValueOnce({ code: "not_found", message: "no person with id person-7", field: null });
    const onErased = vi.fn();
    const user = withProviders(backend, <EraseDialog personId="person-7" onErased={onErased} />);
    expect(await screen.findByTestId("erase-preview-error")).toHaveTextContent("no person with id person-7");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    const input = await screen.findByTestId("erase-confirm-input");
    await user.type(input, "  mié   kohiyama ");
    await user.click(screen.getByTestId("erase-submit"));
    expect(await screen.findByTestId("field-error-confirm")).toHaveTextContent("the name changed meanwhile");
    expect(onErased).not.toHaveBeenCalled();
  }, 15_000);
});

describe("SubjectAccessDialog", () => {
  it("asks for a folder, writes the export there and names both files", async () => {
    const backend = createFakeBackend();
    const onClose = vi.fn();
    const chooseFolder = vi.fn(async () => "/home/coordinator/requests");
    const user = withProviders(backend, <SubjectAccessDialog personId="person-7" name="Mié Kohiyama" onClose={onClose} chooseFolder={chooseFolder} />);
    const dialog = await screen.findByTestId("sar-dialog");
    expect(dialog).toHaveTextContent("Mié Kohiyama");
    await user.click(within(dialog).getByTestId("sar-export"));
    await waitFor(() => expect(backend.sarWrite).toHaveBeenCalledWith("person-7", "/home/coordinator/requests"));
    expect(await screen.findByText("mie-kohiyama-subject-access-2026-11-22.json and mie-kohiyama-subject-access-2026-11-22.pdf")).toBeInTheDocument();
    expect(onClose).toHaveBeenCalled();
  });

  it("writes nothing when the folder dialog is cancelled, and shows a failure", async () => {
    const backend = createFakeBackend();
    backend.sarWrite.mockRejectedValueOnce({ code: "io", message: "cannot write /ro/x.json: permission denied", field: null });
    const onClose = vi.fn();
    const chooseFolder = vi.fn<() => Promise<string | null>>().mockResolvedValueOnce(null).mockResolvedValueOnce("/ro");
    const user = withProviders(backend, <SubjectAccessDialog personId="person-7" name="Mié Kohiyama" onClose={onClose} chooseFolder={chooseFolder} />);
    await user.click(await screen.findByTestId("sar-export"));
    await waitFor(() => expect(chooseFolder).toHaveBeenCalledTimes(1));
    expect(backend.sarWrite).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("sar-export"));
    expect(await screen.findByTestId("sar-error")).toHaveTextContent("permission denied");
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe("detail pane actions", () => {
  it("erases from a policy-maker's detail: the pane closes and the list is asked again", async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-policy"));
    await user.click((await screen.findAllByTestId("policy-row"))[0]!);
    const detail = await screen.findByTestId("policy-detail");
    await user.click(await within(detail).findByTestId("person-sar"));
    expect(await screen.findByTestId("sar-dialog")).toBeInTheDocument();
    await user.click(screen.getByTestId("sar-cancel"));
    await waitFor(() => expect(screen.queryByTestId("sar-dialog")).not.toBeInTheDocument());

    await user.click(within(detail).getByTestId("person-erase"));
    const input = await screen.findByTestId("erase-confirm-input");
    const lists = backend.policyMakersList.mock.calls.length;
    await user.type(input, "Mié Kohiyama");
    await user.click(screen.getByTestId("erase-submit"));
    await waitFor(() => expect(screen.queryByTestId("policy-detail")).not.toBeInTheDocument());
    expect(backend.personErase).toHaveBeenCalledWith(expect.any(String), "Mié Kohiyama");
    await waitFor(() => expect(backend.policyMakersList.mock.calls.length).toBeGreaterThan(lists));
    expect(await screen.findByText("Mié Kohiyama was erased")).toBeInTheDocument();
  }, 20_000);

  it("offers both actions on a person's detail", async () => {
    const { user } = renderApp(createFakeBackend());
    await user.click(await screen.findByTestId("nav-people"));
    await user.click((await screen.findAllByTestId("person-row"))[0]!);
    const detail = await screen.findByTestId("person-detail");
    await user.click(await within(detail).findByTestId("person-erase"));
    expect(await screen.findByTestId("erase-dialog")).toBeInTheDocument();
    expect(screen.getByTestId("erase-submit")).toBeDisabled();
    expect(within(detail).getByTestId("person-sar")).toBeInTheDocument();
  }, 20_000);
});
