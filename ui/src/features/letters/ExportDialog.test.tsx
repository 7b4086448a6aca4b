import { screen, waitFor, within } from "@testing-library/react";
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
    expect(backend.letterPreview).toHaveBeenCalledWith("letter-1", REMEMBERED, false);
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
      expect(backend.letterPreview).toHaveBeenCalledWith("letter-1", { format: "xlsx", order: "alpha", group_by_country: false, with_signers: false }, false),
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
      false,
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

  it("includes sensitive signers in the preview and the file only after the warning", async () => {
    const backend = backendWithChoices();
    backend.letterPreview.mockImplementation(async (_id, o, include) => `PREVIEW ${o.format} sensitive=${include}`);
    backend.letterExport.mockResolvedValue(3);
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/home/me/list.docx");
    const { user } = await openFirstLetter(backend, files);
    await user.click(screen.getByTestId("letter-export"));
    await screen.findByRole("dialog", { name: "Export the signatory list" });
    const toggle = await screen.findByTestId("export-include-sensitive");
    expect(toggle).toHaveTextContent("Include sensitive people (2)");
    expect(backend.privacySensitiveCount).toHaveBeenCalledWith({ scope: "letter", letter_id: "letter-1" });
    expect(screen.getByTestId("export-include-sensitive-checkbox")).not.toBeChecked();
    await waitFor(() => expect(screen.getByTestId("export-preview")).toHaveTextContent("PREVIEW docx sensitive=false"));

    // Cancelling the warning leaves them out.
    await user.click(screen.getByTestId("export-include-sensitive-checkbox"));
    let warning = await screen.findByTestId("export-include-sensitive-confirm-dialog");
    expect(warning).toHaveTextContent("2 people in this export are flagged sensitive");
    await user.click(within(warning).getByText("Cancel"));
    await waitFor(() => expect(screen.queryByTestId("export-include-sensitive-confirm-dialog")).toBeNull());
    expect(screen.getByRole("dialog", { name: "Export the signatory list" })).toBeInTheDocument();
    expect(screen.getByTestId("export-include-sensitive-checkbox")).not.toBeChecked();
    expect(backend.letterPreview.mock.calls.every(([, , include]) => include === false)).toBe(true);

    // Confirming includes them: the preview follows, then the file.
    await user.click(screen.getByTestId("export-include-sensitive-checkbox"));
    warning = await screen.findByTestId("export-include-sensitive-confirm-dialog");
    await user.click(within(warning).getByTestId("export-include-sensitive-confirm-dialog-confirm"));
    await waitFor(() => expect(screen.getByTestId("export-include-sensitive-checkbox")).toBeChecked());
    await waitFor(() => expect(screen.getByTestId("export-preview")).toHaveTextContent("PREVIEW docx sensitive=true"));
    expect(backend.letterPreview).toHaveBeenLastCalledWith("letter-1", REMEMBERED, true);
    await user.click(screen.getByTestId("export-save"));
    await waitFor(() => expect(backend.letterExport).toHaveBeenCalledTimes(1));
    expect(backend.letterExport.mock.calls[0]![0]).toBe("letter-1");
    expect(backend.letterExport.mock.calls[0]![2]).toBe("/home/me/list.docx");
    expect(backend.letterExport.mock.calls[0]![4]).toBe(true);
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    // Not remembered: the next opening leaves them out again.
    await user.click(screen.getByTestId("letter-export"));
    await screen.findByRole("dialog", { name: "Export the signatory list" });
    expect(await screen.findByTestId("export-include-sensitive-checkbox")).not.toBeChecked();
    await waitFor(() => expect(backend.letterPreview).toHaveBeenLastCalledWith("letter-1", REMEMBERED, false));
    await user.click(screen.getByTestId("export-save"));
    await waitFor(() => expect(backend.letterExport).toHaveBeenCalledTimes(2));
    expect(backend.letterExport.mock.calls[1]![4]).toBe(false);
  }, 20_000);

  it("unticking asks nothing and leaves them out again", async () => {
    const backend = backendWithChoices();
    const { user } = await openFirstLetter(backend);
    await user.click(screen.getByTestId("letter-export"));
    await user.click(await screen.findByTestId("export-include-sensitive-checkbox"));
    const warning = await screen.findByTestId("export-include-sensitive-confirm-dialog");
    await user.click(within(warning).getByTestId("export-include-sensitive-confirm-dialog-confirm"));
    await waitFor(() => expect(backend.letterPreview).toHaveBeenLastCalledWith("letter-1", REMEMBERED, true));
    await user.click(screen.getByTestId("export-include-sensitive-checkbox"));
    expect(screen.queryByTestId("export-include-sensitive-confirm-dialog")).toBeNull();
    expect(screen.getByTestId("export-include-sensitive-checkbox")).not.toBeChecked();
    await waitFor(() => expect(backend.letterPreview).toHaveBeenLastCalledWith("letter-1", REMEMBERED, false));
  }, 20_000);

  it("shows no checkbox when no signer is sensitive, and leaves them out", async () => {
    const backend = backendWithChoices();
    backend.privacySensitiveCount.mockResolvedValue(0);
    backend.letterExport.mockResolvedValue(3);
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/home/me/list.docx");
    const { user } = await openFirstLetter(backend, files);
    await user.click(screen.getByTestId("letter-export"));
    await screen.findByRole("dialog", { name: "Export the signatory list" });
    await waitFor(() => expect(backend.privacySensitiveCount).toHaveBeenCalledWith({ scope: "letter", letter_id: "letter-1" }));
    await waitFor(() => expect(screen.getByTestId("export-preview")).toHaveTextContent("PREVIEW docx"));
    expect(screen.queryByTestId("export-include-sensitive")).toBeNull();
    await user.click(screen.getByTestId("export-save"));
    await waitFor(() => expect(backend.letterExport).toHaveBeenCalledTimes(1));
    expect(backend.letterExport.mock.calls[0]![4]).toBe(false);
  });

  it("shows the count's error instead of hiding the checkbox", async () => {
    const backend = backendWithChoices();
    backend.privacySensitiveCount.mockRejectedValue({ code: "internal", message: "count failed", field: null });
    const { user } = await openFirstLetter(backend);
    await user.click(screen.getByTestId("letter-export"));
    expect(await screen.findByTestId("export-include-sensitive-error")).toHaveTextContent("count failed");
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
