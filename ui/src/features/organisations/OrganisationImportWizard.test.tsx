import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../bindings/ImportReport";
import type { TablePreview } from "../../bindings/TablePreview";
import { createFakeBackend, createFakeFiles, makeRows } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

const FILE: TablePreview = {
  headers: ["Naam", "Land", "Tier"],
  rows: [
    { line: 2, cells: ["Kinderrechten Vlaanderen", "BE", "full"] },
    { line: 3, cells: ["Narnia Aid", "Narnia", "full"] },
  ],
  total_rows: 2,
  // The signatures' guess, which the organisations wizard does not use.
  columns: { organisation: null, country: null, signer: null, signer_title: null, date: null, email: null },
};

const DRY_RUN: ImportReport = {
  rows: 2,
  created: 1,
  updated: 0,
  unchanged: 0,
  rejected: 1,
  issues: [{ line: 3, field: "country", message: 'unknown country "Narnia"' }],
  ignored_columns: [],
  committed: false,
};

function setup(report: ImportReport = DRY_RUN) {
  const backend = createFakeBackend(makeRows(3));
  const files = createFakeFiles();
  files.pickOpenFile.mockResolvedValue("/home/me/members.csv");
  backend.importPreview.mockResolvedValue(FILE);
  backend.orgsImport.mockImplementation(async (_path, options) => (options.dry_run ? report : { ...report, committed: true }));
  return renderApp(backend, files);
}

const MAPPING = [
  { field: "name", column: 0 },
  { field: "short_name", column: null },
  { field: "country", column: 1 },
  { field: "type", column: null },
  { field: "website", column: null },
  { field: "email", column: null },
  { field: "phone", column: null },
  { field: "notes", column: null },
  { field: "membership_status", column: null },
  { field: "tier", column: 2 },
  { field: "joined_on", column: null },
];

describe("organisations import wizard", () => {
  it("maps columns, previews the rows with the dry run's problems, and imports with the mapping", async () => {
    const { user, backend } = setup();
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));

    const wizard = await screen.findByTestId("import-preview");
    expect(backend.orgsGuessColumns).toHaveBeenCalledWith(["Naam", "Land", "Tier"]);
    expect(within(wizard).getByTestId("wizard-step-map")).toBeInTheDocument();
    expect(within(wizard).getByTestId("map-tier")).toHaveValue("2");
    expect(within(wizard).getByTestId("map-name")).toHaveValue("");
    await user.selectOptions(within(wizard).getByTestId("map-name"), "Naam");
    await user.selectOptions(within(wizard).getByTestId("map-country"), "Land");
    expect(within(wizard).getByTestId("map-sample-name")).toHaveTextContent("Kinderrechten Vlaanderen");
    await user.click(within(wizard).getByTestId("wizard-next"));

    await waitFor(() =>
      expect(backend.orgsImport).toHaveBeenCalledWith("/home/me/members.csv", { dry_run: true, skip_invalid: true, columns: MAPPING }, expect.objectContaining({ operation: expect.any(String) })),
    );
    await within(wizard).findByTestId("wizard-step-preview");
    const rows = within(wizard).getAllByTestId("wizard-preview-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Kinderrechten Vlaanderen");
    expect(within(rows[1]!).getByTestId("wizard-preview-row-issues")).toHaveTextContent('country unknown country "Narnia"');
    expect(within(wizard).getByTestId("import-issue")).toHaveTextContent("Narnia");

    const next = within(wizard).getByTestId("wizard-next");
    expect(next).toBeDisabled();
    await user.click(within(wizard).getByTestId("import-skip"));
    expect(next).toBeEnabled();
    await user.click(next);

    expect(within(wizard).getByTestId("import-created")).toHaveTextContent("1");
    const listCalls = backend.orgsList.mock.calls.length;
    await user.click(within(wizard).getByTestId("import-commit"));
    await waitFor(() =>
      expect(backend.orgsImport).toHaveBeenLastCalledWith("/home/me/members.csv", { dry_run: false, skip_invalid: true, columns: MAPPING }, expect.objectContaining({ operation: expect.any(String) })),
    );
    expect(await within(wizard).findByTestId("import-report")).toHaveTextContent("Imported 2 rows.");
    await waitFor(() => expect(backend.orgsList.mock.calls.length).toBeGreaterThan(listCalls));
    await user.click(within(wizard).getByTestId("wizard-close"));
    await waitFor(() => expect(screen.queryByTestId("import-preview")).not.toBeInTheDocument());
  });

  it("shows the core's refusal of a mapping and stays on the columns", async () => {
    const { user, backend } = setup();
    backend.orgsImport.mockRejectedValue({ code: "bad_file", message: "line 1: name: no column is mapped to the name", field: null });
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    const wizard = await screen.findByTestId("import-preview");
    await user.click(within(wizard).getByTestId("wizard-next"));
    expect(await within(wizard).findByTestId("wizard-error")).toHaveTextContent("no column is mapped to the name");
    expect(within(wizard).getByTestId("wizard-step-map")).toBeInTheDocument();
  });

  it("imports a clean file without skipping", async () => {
    const { user, backend } = setup({ ...DRY_RUN, rejected: 0, issues: [] });
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    const wizard = await screen.findByTestId("import-preview");
    await user.click(within(wizard).getByTestId("wizard-next"));
    await within(wizard).findByTestId("wizard-step-preview");
    expect(within(wizard).queryByTestId("import-skip")).not.toBeInTheDocument();
    await user.click(within(wizard).getByTestId("wizard-next"));
    await user.click(within(wizard).getByTestId("import-commit"));
    await waitFor(() => expect(backend.orgsImport).toHaveBeenLastCalledWith("/home/me/members.csv", expect.objectContaining({ dry_run: false, skip_invalid: false }), expect.anything()));
  });

  it("does nothing when the open dialog is cancelled", async () => {
    const backend = createFakeBackend(makeRows(3));
    const { user, files } = renderApp(backend);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    await waitFor(() => expect(files.pickOpenFile).toHaveBeenCalled());
    expect(backend.importPreview).not.toHaveBeenCalled();
    expect(screen.queryByTestId("import-preview")).not.toBeInTheDocument();
  });

  it("shows a file that cannot be read", async () => {
    const backend = createFakeBackend(makeRows(3));
    const files = createFakeFiles();
    files.pickOpenFile.mockResolvedValue("/home/me/photo.png");
    backend.importPreview.mockRejectedValue({ code: "bad_file", message: "not a CSV file: photo.png", field: null });
    const { user } = renderApp(backend, files);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-import"));
    expect(await screen.findByText(/not a CSV file: photo\.png/)).toBeInTheDocument();
  });
});
