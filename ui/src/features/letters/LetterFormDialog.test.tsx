import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { dialog, openFirstLetter, openLettersPage } from "../../test/letters";

describe("letter form", () => {
  it("creates a letter from every field and opens it", async () => {
    const { user, backend } = await openLettersPage();
    await user.click(screen.getByTestId("letter-new"));
    await screen.findByRole("dialog", { name: "New letter" });

    await user.type(screen.getByLabelText("Title"), "Letter to the LIBE rapporteur");
    await user.type(screen.getByLabelText("Reference"), "libe-2023");
    await user.selectOptions(screen.getByLabelText("Kind"), "joint_statement");
    await user.selectOptions(screen.getByLabelText("Status"), "collecting");
    await user.type(dialog().getByLabelText(/Addressed to/), "Javier Zarzalejos");
    await user.type(dialog().getByLabelText(/Link/), "www.example.org/letter");
    const languages = screen.getByLabelText("Languages");
    await user.clear(languages);
    await user.type(languages, "en, fr,de");
    await user.type(dialog().getByLabelText(/Signature deadline/), "2023-05-15");
    await user.type(dialog().getByLabelText(/Text/), "Dear rapporteur");
    await user.click(screen.getByTestId("letter-form-submit"));

    await waitFor(() => expect(backend.letterCreate).toHaveBeenCalledTimes(1));
    expect(backend.letterCreate.mock.calls[0]![0]).toEqual({
      reference: "libe-2023",
      title: "Letter to the LIBE rapporteur",
      kind: "joint_statement",
      status: "collecting",
      target: "Javier Zarzalejos",
      link: "www.example.org/letter",
      languages: ["en", "fr", "de"],
      deadline: "2023-05-15",
      published_on: null,
      body: "Dear rapporteur",
    });
    const detail = await screen.findByTestId("letter-detail");
    expect(detail).toHaveTextContent("Letter to the LIBE rapporteur");
    expect(await screen.findByText("Created Letter to the LIBE rapporteur")).toBeInTheDocument();
  });

  it("shows a core field error inline under its control and keeps the dialog open", async () => {
    const backend = createFakeBackend();
    backend.letterCreate.mockRejectedValue({
      code: "conflict",
      message: 'reference "open-letter-2022" is already used by "Open letter supporting the CSA Regulation"',
      field: "reference",
    });
    const { user } = await openLettersPage(backend);
    await user.click(screen.getByTestId("letter-new"));
    await screen.findByRole("dialog", { name: "New letter" });
    await user.type(screen.getByLabelText("Title"), "Another");
    await user.type(screen.getByLabelText("Reference"), "open-letter-2022");
    await user.click(screen.getByTestId("letter-form-submit"));

    const error = await screen.findByTestId("field-error-reference");
    expect(error).toHaveTextContent('reference "open-letter-2022" is already used by');
    expect(screen.getByLabelText("Reference")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Reference")).toHaveFocus();
    expect(screen.getByRole("dialog", { name: "New letter" })).toBeInTheDocument();
    expect(screen.queryByTestId("letter-form-error")).not.toBeInTheDocument();

    // Typing in the field clears its error.
    await user.type(screen.getByLabelText("Reference"), "-b");
    expect(screen.queryByTestId("field-error-reference")).not.toBeInTheDocument();
  });

  it.each([
    ["title", "title is required"],
    ["link", "invalid link"],
    ["languages", 'unknown language code "xx"'],
    ["deadline", "invalid date"],
    ["published_on", "invalid date"],
  ])("puts a %s error under its control", async (field, message) => {
    const backend = createFakeBackend();
    backend.letterCreate.mockRejectedValue({ code: "validation", message, field });
    const { user } = await openLettersPage(backend);
    await user.click(screen.getByTestId("letter-new"));
    await screen.findByRole("dialog", { name: "New letter" });
    await user.click(screen.getByTestId("letter-form-submit"));
    expect(await screen.findByTestId(`field-error-${field}`)).toHaveTextContent(message);
  });

  it("shows other errors in the dialog's banner", async () => {
    const backend = createFakeBackend();
    backend.letterCreate.mockRejectedValue({ code: "storage", message: "disk full", field: null });
    const { user } = await openLettersPage(backend);
    await user.click(screen.getByTestId("letter-new"));
    await screen.findByRole("dialog", { name: "New letter" });
    await user.click(screen.getByTestId("letter-form-submit"));
    expect(await screen.findByTestId("letter-form-error")).toHaveTextContent("disk full");
  });

  it("edits the open letter from its current values", async () => {
    const { user, backend, detail } = await openFirstLetter();
    await user.click(within(detail).getByTestId("letter-edit"));
    await screen.findByRole("dialog", { name: "Edit letter" });
    expect(screen.getByLabelText("Reference")).toHaveValue("open-letter-2022");
    expect(screen.getByLabelText("Languages")).toHaveValue("en");
    const title = screen.getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "Open letter (final)");
    await user.click(screen.getByTestId("letter-form-submit"));
    await waitFor(() => expect(backend.letterUpdate).toHaveBeenCalledTimes(1));
    expect(backend.letterUpdate.mock.calls[0]![0]).toBe("letter-1");
    expect(backend.letterUpdate.mock.calls[0]![1]).toMatchObject({ reference: "open-letter-2022", title: "Open letter (final)", deadline: "2022-06-30" });
    await waitFor(() => expect(screen.getByTestId("letter-detail")).toHaveTextContent("Open letter (final)"));
  });
});
