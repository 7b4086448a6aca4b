import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../bindings/ImportReport";
import type { TablePreview } from "../bindings/TablePreview";
import type { Tracking } from "../api/operations";
import { createFakeBackend, createFakeFiles, makeRows } from "../test/fakeBackend";
import { renderApp } from "../test/render";

const FILE: TablePreview = {
  headers: ["name", "country"],
  rows: [{ line: 2, cells: ["Kinderrechten Vlaanderen", "BE"] }],
  total_rows: 1000,
  columns: { organisation: null, country: null, signer: null, signer_title: null, date: null, email: null },
};

const CLEAN: ImportReport = {
  rows: 1000, created: 1000, updated: 0, unchanged: 0, rejected: 0, issues: [], ignored_columns: [], committed: false,
};

/** An organisations import that reports progress and then waits until it is cancelled. */
function setup() {
  const backend = createFakeBackend(makeRows(3));
  const files = createFakeFiles();
  files.pickOpenFile.mockResolvedValue("/home/me/members.csv");
  backend.importPreview.mockResolvedValue(FILE);
  const running: { tracking: Tracking | null; stop: ((error: unknown) => void) | null } = { tracking: null, stop: null };
  backend.orgsImport.mockImplementation(async (_path, options, tracking) => {
    if (options.dry_run) return CLEAN;
    running.tracking = tracking ?? null;
    tracking?.onProgress({ phase: "reading", done: 0, total: null });
    tracking?.onProgress({ phase: "importing", done: 250, total: 1000 });
    return new Promise<ImportReport>((_resolve, reject) => {
      running.stop = reject;
    });
  });
  backend.cancelOperation.mockImplementation(async () => {
    running.stop?.({ code: "cancelled", message: "Cancelled; nothing was changed.", field: null });
    return true;
  });
  return { ...renderApp(backend, files), running };
}

async function startImport(user: ReturnType<typeof setup>["user"]) {
  await screen.findAllByTestId("org-row");
  await user.click(screen.getByTestId("org-import"));
  const wizard = await screen.findByTestId("import-preview");
  await user.click(within(wizard).getByTestId("wizard-next"));
  await within(wizard).findByTestId("wizard-step-preview");
  await user.click(within(wizard).getByTestId("wizard-next"));
  await user.click(within(wizard).getByTestId("import-commit"));
  return wizard;
}

describe("progress and cancel of a long operation", () => {
  it("shows the phase and the counts, and Cancel cancels that operation", async () => {
    const { user, backend, running } = setup();
    const wizard = await startImport(user);
    const panel = await within(wizard).findByTestId("progress-panel");
    expect(within(panel).getByTestId("progress-phase")).toHaveTextContent("Writing to the store");
    expect(within(panel).getByTestId("progress-counts")).toHaveTextContent("250 of 1,000");
    expect(within(panel).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");

    await user.click(within(panel).getByTestId("progress-cancel"));
    expect(backend.cancelOperation).toHaveBeenCalledWith(running.tracking?.operation);
    expect(await screen.findByText("Cancelled; nothing was changed")).toBeInTheDocument();
    await waitFor(() => expect(within(wizard).queryByTestId("progress-panel")).not.toBeInTheDocument());
    // Still on the confirm step, nothing reported as imported, no error shown.
    expect(within(wizard).queryByTestId("import-report")).not.toBeInTheDocument();
    expect(within(wizard).queryByTestId("wizard-error")).not.toBeInTheDocument();
    expect(within(wizard).getByTestId("import-commit")).toBeEnabled();
  });

  it("cancels on Escape, and the wizard stays open", async () => {
    const { user, backend, running } = setup();
    const wizard = await startImport(user);
    await within(wizard).findByTestId("progress-panel");
    await user.keyboard("{Escape}");
    expect(backend.cancelOperation).toHaveBeenCalledTimes(1);
    expect(backend.cancelOperation).toHaveBeenCalledWith(running.tracking?.operation);
    expect(await screen.findByText("Cancelled; nothing was changed")).toBeInTheDocument();
    expect(screen.getByTestId("import-preview")).toBeInTheDocument();
  });

  it("shows an export's progress over the page and cancels it: no file, no success toast", async () => {
    const backend = createFakeBackend(makeRows(3));
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/tmp/orgs.csv");
    let stop: ((error: unknown) => void) | null = null;
    let operation: string | undefined;
    backend.orgsExportCsv.mockImplementation(async (_query, _path, tracking) => {
      operation = tracking?.operation;
      tracking?.onProgress({ phase: "exporting", done: 4000, total: 10000 });
      return new Promise<number>((_resolve, reject) => {
        stop = reject;
      });
    });
    backend.cancelOperation.mockImplementation(async () => {
      stop?.({ code: "cancelled", message: "Cancelled; nothing was changed.", field: null });
      return true;
    });
    const { user } = renderApp(backend, files);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-export"));
    const panel = await screen.findByTestId("export-progress");
    expect(within(panel).getByTestId("progress-phase")).toHaveTextContent("Writing the file");
    expect(within(panel).getByTestId("progress-counts")).toHaveTextContent("4,000 of 10,000");
    await user.click(within(panel).getByTestId("progress-cancel"));
    expect(backend.cancelOperation).toHaveBeenCalledWith(operation);
    expect(await screen.findByText("Cancelled; nothing was changed")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("export-progress")).not.toBeInTheDocument());
    expect(screen.queryByText(/Exported .* organisations/)).not.toBeInTheDocument();
  });

  it("shows another failure as an error, not as a cancel", async () => {
    const { user, backend } = setup();
    backend.orgsImport.mockImplementation(async (_path, options) => {
      if (options.dry_run) return CLEAN;
      throw { code: "storage", message: "disk full", field: null };
    });
    const wizard = await startImport(user);
    expect(await within(wizard).findByTestId("wizard-error")).toHaveTextContent("disk full");
    expect(screen.queryByText("Cancelled; nothing was changed")).not.toBeInTheDocument();
  });
});
