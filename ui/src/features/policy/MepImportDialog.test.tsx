import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

async function openImport(files = createFakeFiles()) {
  const backend = createFakeBackend();
  const app = renderApp(backend, files);
  await app.user.click(await screen.findByTestId("nav-policy"));
  await app.user.click(await screen.findByTestId("mep-import"));
  return { ...app, dialog: await screen.findByTestId("mep-import-dialog") };
}

describe("MEP list import", () => {
  it("reviews a file's changes, writes nothing before Apply, then applies and says what it did", async () => {
    const files = createFakeFiles();
    files.pickOpenFile.mockResolvedValue("/data/ep-meps.xml");
    const { backend, user, dialog } = await openImport(files);
    await user.click(within(dialog).getByTestId("mep-import-file"));
    const review = await screen.findByTestId("mep-review");
    await waitFor(() => expect(screen.getByTestId("mep-apply")).toHaveFocus());
    expect(backend.mepsPreview).toHaveBeenCalledWith("/data/ep-meps.xml");
    expect(backend.mepsImport).not.toHaveBeenCalled();
    expect(within(review).getByTestId("mep-count-added")).toHaveTextContent("1");
    expect(within(review).getByTestId("mep-count-unchanged")).toHaveTextContent("3");
    const updated = within(review).getByTestId("mep-changes-updated");
    expect(updated).toHaveTextContent("Hilde VAUTMANS");
    expect(updated).toHaveTextContent("Group");
    expect(updated).toHaveTextContent("Renew→Greens/EFA");
    expect(within(review).getByTestId("mep-changes-added")).toHaveTextContent("Kathleen VAN BREMPT");
    expect(within(review).getByTestId("mep-changes-outgoing")).toHaveTextContent("Maravillas ABADÍA JOVER");

    const listCalls = backend.policyMakersList.mock.calls.length;
    await user.click(screen.getByTestId("mep-apply"));
    await waitFor(() => expect(screen.queryByTestId("mep-import-dialog")).not.toBeInTheDocument());
    expect(backend.mepsImport).toHaveBeenCalledWith("/data/ep-meps.xml", expect.objectContaining({ operation: expect.any(String) }));
    expect(await screen.findByText("added 1, updated 1, outgoing 1, unchanged 3")).toBeInTheDocument();
    await waitFor(() => expect(backend.policyMakersList.mock.calls.length).toBeGreaterThan(listCalls));
  }, 15_000);

  it("fetches from the Parliament with progress; Cancel writes nothing", async () => {
    const { backend, user, dialog } = await openImport();
    await user.click(within(dialog).getByTestId("mep-fetch"));
    expect(await screen.findByTestId("mep-review")).toHaveTextContent("the European Parliament's site");
    expect(backend.mepsFetch).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId("mep-cancel"));
    await waitFor(() => expect(screen.queryByTestId("mep-import-dialog")).not.toBeInTheDocument());
    expect(backend.mepsImport).not.toHaveBeenCalled();
  }, 15_000);

  it("shows the download's progress while it runs", async () => {
    const backend = createFakeBackend();
    let finish: () => void = () => {};
    backend.mepsFetch.mockImplementation(
      (onProgress) =>
        new Promise((resolve) => {
          onProgress({ received: 51200, total: 204800 });
          finish = () => resolve({ path: "/tmp/x.xml", plan: { added: 0, updated: 0, outgoing: 0, unchanged: 6, changes: [], committed: false } });
        }),
    );
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-policy"));
    await user.click(await screen.findByTestId("mep-import"));
    await user.click(await screen.findByTestId("mep-fetch"));
    const progress = await screen.findByTestId("mep-fetch-progress");
    expect(progress).toHaveAttribute("value", "51200");
    expect(screen.getByTestId("mep-fetching")).toHaveTextContent("50 of 200 kB");
    finish();
    expect(await screen.findByTestId("mep-no-changes")).toBeInTheDocument();
  }, 15_000);

  it("says clearly when the Parliament's site cannot be reached", async () => {
    const backend = createFakeBackend();
    backend.mepsFetch.mockRejectedValue({ code: "network", message: "Could not reach the European Parliament's site: the address was not found (are you offline?)", field: null });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-policy"));
    await user.click(await screen.findByTestId("mep-import"));
    await user.click(await screen.findByTestId("mep-fetch"));
    expect(await screen.findByTestId("mep-import-error")).toHaveTextContent("Could not reach the European Parliament's site");
    expect(screen.getByTestId("mep-fetch")).toBeEnabled();
    expect(screen.queryByTestId("mep-review")).not.toBeInTheDocument();
  }, 15_000);

  it("shows a bad file's reason and stays on the first step", async () => {
    const files = createFakeFiles();
    files.pickOpenFile.mockResolvedValue("/data/broken.xml");
    const backend = createFakeBackend();
    backend.mepsPreview.mockRejectedValue({ code: "bad_file", message: "MEP 2 (id 130100): the MEP has no fullName", field: null });
    const { user } = renderApp(backend, files);
    await user.click(await screen.findByTestId("nav-policy"));
    await user.click(await screen.findByTestId("mep-import"));
    await user.click(await screen.findByTestId("mep-import-file"));
    expect(await screen.findByTestId("mep-import-error")).toHaveTextContent("MEP 2 (id 130100)");
    expect(backend.mepsImport).not.toHaveBeenCalled();
  }, 15_000);

  it("applies with Enter on the review screen, and shows an apply failure", async () => {
    const files = createFakeFiles();
    files.pickOpenFile.mockResolvedValue("/data/ep-meps.xml");
    const { backend, user, dialog } = await openImport(files);
    await user.click(within(dialog).getByTestId("mep-import-file"));
    await screen.findByTestId("mep-review");
    backend.mepsImport.mockRejectedValueOnce({ code: "storage", message: "database is locked", field: null });
    screen.getByTestId("mep-review").focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("mep-import-error")).toHaveTextContent("database is locked");
    expect(screen.getByTestId("mep-review")).toBeInTheDocument();
    await user.click(screen.getByTestId("mep-apply"));
    await waitFor(() => expect(screen.queryByTestId("mep-import-dialog")).not.toBeInTheDocument());
    expect(backend.mepsImport).toHaveBeenCalledTimes(2);
  }, 15_000);
});
