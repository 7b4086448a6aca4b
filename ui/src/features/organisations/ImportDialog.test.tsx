import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../bindings/ImportReport";
import { createFakeBackend, createFakeFiles, makeRows } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

const DRY_RUN: ImportReport = {
  rows: 12,
  created: 7,
  updated: 2,
  unchanged: 1,
  rejected: 2,
  issues: [
    { line: 4, field: "country", message: 'unknown country "Narnia"' },
    { line: 9, field: "email", message: 'invalid email "info(at)x.org"' },
    { line: 9, field: "name", message: "name is required" },
  ],
  ignored_columns: ["Facebook", "Fax"],
  committed: false,
};

function setup(report: ImportReport = DRY_RUN) {
  const backend = createFakeBackend(makeRows(3));
  const files = createFakeFiles();
  files.pickOpenFile.mockResolvedValue("/home/me/members.csv");
  backend.orgsImport.mockImplementation(async (_path, options) =>
    options.dry_run ? report : { ...report, issues: report.issues, committed: true },
  );
  return renderApp(backend, files);
}

describe("import", () => {
  it("previews with a dry run and lists every rejected line", async () => {
    const { user, backend } = setup();
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));

    const dialog = await screen.findByTestId("import-preview");
    expect(backend.orgsImport).toHaveBeenCalledWith("/home/me/members.csv", { dry_run: true, skip_invalid: true });
    expect(within(dialog).getByTestId("import-rows")).toHaveTextContent("12");
    expect(within(dialog).getByTestId("import-created")).toHaveTextContent("7");
    expect(within(dialog).getByTestId("import-updated")).toHaveTextContent("2");
    expect(within(dialog).getByTestId("import-unchanged")).toHaveTextContent("1");
    expect(within(dialog).getByTestId("import-rejected")).toHaveTextContent("2");
    expect(within(dialog).getByTestId("import-ignored")).toHaveTextContent("Facebook");
    expect(within(dialog).getByTestId("import-ignored")).toHaveTextContent("Fax");

    const issues = within(dialog).getAllByTestId("import-issue");
    expect(issues).toHaveLength(3);
    expect(issues[0]).toHaveTextContent("4");
    expect(issues[0]).toHaveTextContent("country");
    expect(issues[0]).toHaveTextContent('unknown country "Narnia"');
    expect(issues[2]).toHaveTextContent("name is required");
  });

  it("keeps Import disabled until skipping the rejected rows is ticked", async () => {
    const { user, backend } = setup();
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    await screen.findByTestId("import-preview");

    const commit = screen.getByTestId("import-commit");
    expect(commit).toBeDisabled();
    const skip = screen.getByRole("checkbox", { name: "Skip the 2 rejected rows and import the rest" });
    await user.click(skip);
    expect(commit).toBeEnabled();
    await user.click(skip);
    expect(commit).toBeDisabled();
    await user.click(skip);

    const listCalls = backend.orgsList.mock.calls.length;
    await user.click(commit);
    await waitFor(() =>
      expect(backend.orgsImport).toHaveBeenLastCalledWith("/home/me/members.csv", { dry_run: false, skip_invalid: true }),
    );
    await waitFor(() => expect(screen.queryByTestId("import-preview")).not.toBeInTheDocument());
    expect(await screen.findByText("7 created, 2 updated, 1 unchanged, 2 rejected.")).toBeInTheDocument();
    await waitFor(() => expect(backend.orgsList.mock.calls.length).toBeGreaterThan(listCalls));
  });

  it("imports a clean file without skipping", async () => {
    const clean: ImportReport = { ...DRY_RUN, rejected: 0, issues: [], ignored_columns: [] };
    const { user, backend } = setup(clean);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    await screen.findByTestId("import-preview");
    expect(screen.queryByTestId("import-skip")).not.toBeInTheDocument();
    const commit = screen.getByTestId("import-commit");
    expect(commit).toBeEnabled();
    await user.click(commit);
    await waitFor(() =>
      expect(backend.orgsImport).toHaveBeenLastCalledWith("/home/me/members.csv", { dry_run: false, skip_invalid: false }),
    );
  });

  it("does nothing when the open dialog is cancelled", async () => {
    const backend = createFakeBackend(makeRows(3));
    const { user, files } = renderApp(backend);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    await waitFor(() => expect(files.pickOpenFile).toHaveBeenCalled());
    expect(backend.orgsImport).not.toHaveBeenCalled();
    expect(screen.queryByTestId("import-preview")).not.toBeInTheDocument();
  });

  it("shows a failed dry run", async () => {
    const backend = createFakeBackend(makeRows(3));
    const files = createFakeFiles();
    files.pickOpenFile.mockResolvedValue("/home/me/photo.png");
    backend.orgsImport.mockRejectedValue({ code: "bad_file", message: "not a CSV file: photo.png", field: null });
    const { user } = renderApp(backend, files);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    expect(await screen.findByText(/not a CSV file: photo\.png/)).toBeInTheDocument();
  });
});
