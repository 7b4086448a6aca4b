import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
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
