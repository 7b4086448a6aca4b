import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DuplicatePair } from "../../bindings/DuplicatePair";
import type { SignatureMatrix } from "../../bindings/SignatureMatrix";
import { createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { openLettersPage } from "../../test/letters";

const MATRIX: SignatureMatrix = {
  letters: [
    { id: "l1", reference: "open-letter-2022", title: "Open letter" },
    { id: "l2", reference: "petition-2023", title: "Petition" },
    { id: "l3", reference: "libe-2023", title: "LIBE letter" },
  ],
  rows: [
    { organisation_id: "o1", name: "Child Focus", country: "BE", membership_status: "active", cells: ["signed", "declined", null] },
    { organisation_id: "o2", name: "Eurochild", country: "BE", membership_status: null, cells: ["invited", "withdrawn", "signed"] },
  ],
  total: 250,
};

describe("signature matrix", () => {
  it("renders a symbol per state, a count, pages by offset and filters by status", async () => {
    const backend = createFakeBackend();
    backend.signaturesMatrix.mockResolvedValue(MATRIX);
    const { user } = await openLettersPage(backend);
    await user.click(screen.getByTestId("letters-matrix"));
    await screen.findAllByTestId("matrix-row");

    expect(backend.signaturesMatrix).toHaveBeenLastCalledWith({ statuses: [], only_with_signatures: true, offset: 0, limit: 100 });
    expect(screen.getAllByTestId("matrix-letter").map((h) => h.textContent)).toEqual(["open-letter-2022", "petition-2023", "libe-2023"]);
    const [first, second] = screen.getAllByTestId("matrix-row");
    const cells1 = within(first!).getAllByTestId("matrix-cell");
    expect(cells1.map((c) => c.getAttribute("data-state"))).toEqual(["signed", "declined", ""]);
    expect(cells1.map((c) => c.textContent)).toEqual(["✓", "✗", "Not invited"]);
    expect(within(cells1[0]!).getByLabelText("Signed")).toBeInTheDocument();
    const cells2 = within(second!).getAllByTestId("matrix-cell");
    expect(cells2.map((c) => c.textContent)).toEqual(["?", "⊘", "✓"]);
    expect(first).toHaveTextContent("Active");
    expect(screen.getByTestId("matrix-count")).toHaveTextContent("1–2 of 250");

    await user.click(screen.getByTestId("matrix-next"));
    await waitFor(() => expect(backend.signaturesMatrix).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 100 })));

    await user.click(screen.getByTestId("matrix-status"));
    await user.click(await screen.findByRole("checkbox", { name: "Active" }));
    await waitFor(() => expect(backend.signaturesMatrix).toHaveBeenLastCalledWith(expect.objectContaining({ statuses: ["active"], offset: 0 })));
  });

  it("exports the whole view as CSV through the save dialog", async () => {
    const backend = createFakeBackend();
    backend.signaturesMatrix.mockResolvedValue(MATRIX);
    backend.matrixExportCsv.mockResolvedValue(250);
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/tmp/matrix.csv");
    const { user } = await openLettersPage(backend, files);
    await user.click(screen.getByTestId("letters-matrix"));
    await screen.findAllByTestId("matrix-row");
    await user.click(screen.getByTestId("matrix-export"));
    await waitFor(() => expect(backend.matrixExportCsv).toHaveBeenCalledTimes(1));
    expect(files.pickSaveFile.mock.calls[0]![0]).toMatch(/^signature-matrix-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(backend.matrixExportCsv).toHaveBeenCalledWith({ statuses: [], only_with_signatures: true, offset: 0, limit: 100 }, "/tmp/matrix.csv");
    expect(await screen.findByText("Exported 250 organisations to /tmp/matrix.csv")).toBeInTheDocument();
  });

  it("shows a matrix error", async () => {
    const backend = createFakeBackend();
    backend.signaturesMatrix.mockRejectedValue({ code: "storage", message: "database is locked", field: null });
    const { user } = await openLettersPage(backend);
    await user.click(screen.getByTestId("letters-matrix"));
    expect(await screen.findByTestId("matrix-error")).toHaveTextContent("database is locked");
  });
});

const PAIRS: DuplicatePair[] = [
  {
    a: { id: "org-0", name: "Internet Watch Foundation", short_name: "IWF" },
    b: { id: "org-1", name: "IWF", short_name: null },
    reason: "acronym_is_name",
    score: 0.93,
  },
];

describe("duplicates", () => {
  it("lists pairs, merges the one not kept, and undoes from the toast", async () => {
    const backend = createFakeBackend();
    backend.orgsDuplicates.mockResolvedValue(PAIRS);
    backend.orgsMerge.mockResolvedValue({
      kept: { id: "org-0", name: "Internet Watch Foundation", short_name: "IWF", org_type: "hotline", country: "GB", website: null, email: null, phone: null, notes: null, archived: false, created_at: "", updated_at: "" },
      merged_name: "IWF",
      membership_moved: false,
      signatures_moved: 3,
      signatures_dropped: 1,
      audit_seq: 42,
    });
    backend.orgsMergeUndo.mockResolvedValue({ id: "org-1", name: "IWF", short_name: null, org_type: "other", country: "GB", website: null, email: null, phone: null, notes: null, archived: false, created_at: "", updated_at: "" });
    const { user } = await openLettersPage(backend);
    await user.click(screen.getByTestId("letters-duplicates"));
    const row = await screen.findByTestId("duplicate-row");
    expect(row).toHaveTextContent("93%");
    expect(row).toHaveTextContent("Acronym of the other");
    expect(row).toHaveTextContent("Internet Watch Foundation");

    await user.click(within(row).getByTestId("duplicate-merge"));
    await screen.findByRole("dialog", { name: "Merge two organisations" });
    expect(screen.getByTestId("merge-confirm")).toBeDisabled();
    await user.click(screen.getByTestId("merge-keep-a"));
    expect(screen.getByTestId("merge-warning")).toHaveTextContent("IWF will be merged into Internet Watch Foundation and removed");
    expect(screen.getByTestId("merge-warning")).toHaveTextContent("its signatures move to Internet Watch Foundation");
    const listsBefore = backend.orgsDuplicates.mock.calls.length;
    await user.click(screen.getByTestId("merge-confirm"));

    await waitFor(() => expect(backend.orgsMerge).toHaveBeenCalledWith("org-0", "org-1"));
    expect(await screen.findByText("Merged IWF into Internet Watch Foundation")).toBeInTheDocument();
    await waitFor(() => expect(backend.orgsDuplicates.mock.calls.length).toBeGreaterThan(listsBefore));

    await user.click(screen.getByTestId("merge-undo"));
    await waitFor(() => expect(backend.orgsMergeUndo).toHaveBeenCalledWith(42));
    expect(await screen.findByText("Restored IWF")).toBeInTheDocument();
  });

  it("keeps B when asked, and shows a merge error in the dialog", async () => {
    const backend = createFakeBackend();
    backend.orgsDuplicates.mockResolvedValue(PAIRS);
    backend.orgsMerge.mockRejectedValue({ code: "conflict", message: "an organisation cannot be merged with itself", field: null });
    const { user } = await openLettersPage(backend);
    await user.click(screen.getByTestId("letters-duplicates"));
    await user.click(within(await screen.findByTestId("duplicate-row")).getByTestId("duplicate-merge"));
    await user.click(await screen.findByTestId("merge-keep-b"));
    await user.click(screen.getByTestId("merge-confirm"));
    await waitFor(() => expect(backend.orgsMerge).toHaveBeenCalledWith("org-1", "org-0"));
    expect(await within(screen.getByRole("dialog")).findByTestId("error-banner")).toHaveTextContent(
      "an organisation cannot be merged with itself",
    );
  });
});
