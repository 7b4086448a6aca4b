import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { openFirstLetter } from "../../test/letters";

const REMEMBERED = { format: "docx" as const, order: "country" as const, group_by_country: true, with_signers: true };

function backendWithChoices() {
  const backend = createFakeBackend();
  const original = backend.letterGet.getMockImplementation()!;
  backend.letterGet.mockImplementation(async (id) => ({ ...(await original(id)), export_choices: REMEMBERED }));
  backend.letterPreview.mockImplementation(async (_id, o) => `PREVIEW ${o.format} ${o.order} group=${o.group_by_country} signers=${o.with_signers}`);
  return backend;
}

describe("export dialog", () => {
  it("starts from the letter's remembered choices and previews them", async () => {
    const backend = backendWithChoices();
    const { user } = await openFirstLetter(backend);
    await user.click(screen.getByTestId("letter-export"));
    await screen.findByRole("dialog", { name: "Export the signatory list" });

    expect(screen.getByLabelText("Format")).toHaveValue("docx");
    expect(screen.getByTestId("export-order-country")).toBeChecked();
    expect(screen.getByTestId("export-group")).toBeChecked();
    expect(screen.getByTestId("export-signers")).toBeChecked();
    await waitFor(() => expect(screen.getByTestId("export-preview")).toHaveTextContent("PREVIEW docx country group=true signers=true"));
    expect(backend.letterPreview).toHaveBeenCalledWith("letter-1", REMEMBERED);
    expect(screen.getByTestId("export-preview").tagName).toBe("PRE");
  });

  it("defaults to alphabetical XLSX when nothing is remembered", async () => {
    const backend = createFakeBackend();
    const { user } = await openFirstLetter(backend);
    await user.click(screen.getByTestId("letter-export"));
    await screen.findByRole("dialog", { name: "Export the signatory list" });
    expect(screen.getByLabelText("Format")).toHaveValue("xlsx");
    expect(screen.getByTestId("export-order-alpha")).toBeChecked();
    expect(screen.getByTestId("export-group")).not.toBeChecked();
    expect(screen.getByTestId("export-signers")).not.toBeChecked();
    await waitFor(() =>
      expect(backend.letterPreview).toHaveBeenCalledWith("letter-1", { format: "xlsx", order: "alpha", group_by_country: false, with_signers: false }),
    );
  });

  it("refetches the preview (debounced) when an option changes", async () => {
    const backend = backendWithChoices();
    const { user } = await openFirstLetter(backend);
    await user.click(screen.getByTestId("letter-export"));
    await waitFor(() => expect(screen.getByTestId("export-preview")).toHaveTextContent("PREVIEW docx"));
    const before = backend.letterPreview.mock.calls.length;

    await user.click(screen.getByTestId("export-order-steering_first"));
    await user.click(screen.getByTestId("export-group"));
    await waitFor(() => expect(screen.getByTestId("export-preview")).toHaveTextContent("PREVIEW docx steering_first group=false signers=true"));
    const after = backend.letterPreview.mock.calls.slice(before).map(([, o]) => o);
    expect(after[after.length - 1]).toEqual({ format: "docx", order: "steering_first", group_by_country: false, with_signers: true });
    // Two quick changes, at most one request each (usually one for both).
    expect(after.length).toBeLessThanOrEqual(2);

    await user.selectOptions(screen.getByLabelText("Format"), "md");
    await waitFor(() => expect(screen.getByTestId("export-preview")).toHaveTextContent("PREVIEW md steering_first"));
  });

  it("saves through the native save dialog with the chosen options and says so", async () => {
    const backend = backendWithChoices();
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/home/me/open-letter-2022-signatories.md");
    backend.letterExport.mockResolvedValue(54);
    const { user } = await openFirstLetter(backend, files);
    await user.click(screen.getByTestId("letter-export"));
    await screen.findByRole("dialog", { name: "Export the signatory list" });
    await user.selectOptions(screen.getByLabelText("Format"), "md");
    await user.click(screen.getByTestId("export-signers"));
    await user.click(screen.getByTestId("export-save"));

    await waitFor(() => expect(backend.letterExport).toHaveBeenCalledTimes(1));
    const [name, pickOptions] = files.pickSaveFile.mock.calls[0]!;
    expect(name).toBe("open-letter-2022-signatories.md");
    expect(pickOptions?.filters?.[0]?.extensions).toEqual(["md"]);
    expect(backend.letterExport).toHaveBeenCalledWith(
      "letter-1",
      { format: "md", order: "country", group_by_country: true, with_signers: false },
      "/home/me/open-letter-2022-signatories.md",
      expect.objectContaining({ operation: expect.any(String) }),
    );
    expect(await screen.findByText("Exported 54 signatories to /home/me/open-letter-2022-signatories.md")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("does nothing when the save dialog is cancelled", async () => {
    const backend = backendWithChoices();
    const { user, files } = await openFirstLetter(backend);
    await user.click(screen.getByTestId("letter-export"));
    await screen.findByRole("dialog", { name: "Export the signatory list" });
    await user.click(screen.getByTestId("export-save"));
    await waitFor(() => expect(files.pickSaveFile).toHaveBeenCalled());
    expect(backend.letterExport).not.toHaveBeenCalled();
    expect(screen.getByRole("dialog", { name: "Export the signatory list" })).toBeInTheDocument();
  });

  it("shows export and preview errors", async () => {
    const backend = backendWithChoices();
    backend.letterPreview.mockRejectedValue({ code: "internal", message: "preview failed", field: null });
    backend.letterExport.mockRejectedValue({ code: "io", message: "permission denied: /root/x.docx", field: null });
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/root/x.docx");
    const { user } = await openFirstLetter(backend, files);
    await user.click(screen.getByTestId("letter-export"));
    expect(await screen.findByTestId("export-preview-error")).toHaveTextContent("preview failed");
    await user.click(screen.getByTestId("export-save"));
    expect(await screen.findByTestId("export-error")).toHaveTextContent("permission denied: /root/x.docx");
  });
});
