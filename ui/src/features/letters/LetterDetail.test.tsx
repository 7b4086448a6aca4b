import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { todayIso } from "../../lib/dates";
import { createFakeBackend, makeRow } from "../../test/fakeBackend";
import { dialog, openFirstLetter } from "../../test/letters";

function rowOf(orgId: string) {
  const row = screen.getAllByTestId("signature-row").find((r) => r.getAttribute("data-org") === orgId);
  if (!row) throw new Error(`no signature row for ${orgId}`);
  return row;
}

describe("letter detail", () => {
  it("shows the header, the counts as stat cards and every signature", async () => {
    const { detail } = await openFirstLetter();
    expect(detail).toHaveTextContent("Open letter supporting the CSA Regulation");
    expect(detail).toHaveTextContent("open-letter-2022");
    expect(detail).toHaveTextContent("Collecting");
    expect(within(detail).getByTestId("letter-deadline")).toHaveTextContent("Deadline 30 Jun 2022");
    const counts = within(detail).getByTestId("letter-counts");
    expect(within(counts).getByTestId("count-signed")).toHaveTextContent("1");
    expect(within(counts).getByTestId("count-invited")).toHaveTextContent("3");
    expect(within(counts).getByTestId("count-silent")).toHaveTextContent("2");
    expect(within(counts).getByTestId("count-declined")).toHaveTextContent("0");

    const signed = rowOf("org-0");
    expect(signed).toHaveTextContent("Organisation 00000");
    expect(signed).toHaveTextContent("Signed");
    expect(signed).toHaveTextContent("1 Jun 2022");
    expect(signed).toHaveTextContent("Heidi De Pauw");
    expect(signed).toHaveTextContent("CEO");
    expect(rowOf("org-1")).toHaveTextContent("Invited");
  });

  it("changes a signature state through signature_set, keeping the rest, and refreshes the counts", async () => {
    const { user, backend } = await openFirstLetter();
    await user.click(within(rowOf("org-1")).getByTestId("signature-state"));
    await screen.findByRole("dialog", { name: "Change signature state" });
    // Invited → Signed is suggested; the date defaults to today.
    expect(screen.getByLabelText("New state")).toHaveValue("signed");
    expect(screen.getByLabelText("Date")).toHaveValue(todayIso());
    await user.selectOptions(screen.getByLabelText("New state"), "declined");
    await user.click(screen.getByTestId("signature-state-form-submit"));

    await waitFor(() => expect(backend.signatureSet).toHaveBeenCalledTimes(1));
    expect(backend.signatureSet).toHaveBeenCalledWith("letter-1", "org-1", {
      state: "declined",
      date: todayIso(),
      channel: null,
      publish_organisation: true,
      publish_signer: false,
      display_name: null,
      signer_name: null,
      signer_title: null,
      signer_person_id: null,
      withdrawal_reason: null,
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByTestId("count-declined")).toHaveTextContent("1"));
    expect(screen.getByTestId("count-silent")).toHaveTextContent("1");
    expect(rowOf("org-1")).toHaveAttribute("data-state", "declined");
  });

  it("asks for the reason when withdrawing", async () => {
    const { user, backend } = await openFirstLetter();
    await user.click(within(rowOf("org-0")).getByTestId("signature-state"));
    await screen.findByRole("dialog", { name: "Change signature state" });
    expect(screen.getByLabelText("New state")).toHaveValue("withdrawn");
    await user.type(screen.getByLabelText("Reason for withdrawing"), "Board did not approve");
    await user.click(screen.getByTestId("signature-state-form-submit"));
    await waitFor(() => expect(backend.signatureSet).toHaveBeenCalledTimes(1));
    expect(backend.signatureSet.mock.calls[0]![2]).toMatchObject({
      state: "withdrawn",
      withdrawal_reason: "Board did not approve",
      signer_name: "Heidi De Pauw",
      signer_title: "CEO",
    });
  });

  it("shows a signature_set field error inline", async () => {
    const backend = createFakeBackend();
    backend.signatureSet.mockRejectedValue({ code: "validation", message: "a reason is required to withdraw", field: "withdrawal_reason" });
    const { user } = await openFirstLetter(backend);
    await user.click(within(rowOf("org-0")).getByTestId("signature-state"));
    await screen.findByRole("dialog", { name: "Change signature state" });
    await user.click(screen.getByTestId("signature-state-form-submit"));
    expect(await screen.findByTestId("field-error-withdrawal_reason")).toHaveTextContent("a reason is required to withdraw");
  });

  it("toggles publishing the organisation's and the signer's names", async () => {
    const { user, backend } = await openFirstLetter();
    await user.click(within(rowOf("org-0")).getByTestId("signature-publish-signer"));
    await waitFor(() => expect(backend.signatureSet).toHaveBeenCalledTimes(1));
    expect(backend.signatureSet.mock.calls[0]).toEqual([
      "letter-1",
      "org-0",
      expect.objectContaining({ state: "signed", date: "2022-06-01", publish_signer: true, publish_organisation: true }),
    ]);
    await waitFor(() => expect(within(rowOf("org-0")).getByTestId("signature-publish-signer")).toBeChecked());

    await user.click(within(rowOf("org-0")).getByTestId("signature-publish-org"));
    await waitFor(() => expect(backend.signatureSet).toHaveBeenCalledTimes(2));
    expect(backend.signatureSet.mock.calls[1]![2]).toMatchObject({ publish_organisation: false, publish_signer: true });
  });

  it("shows a failed toggle as an error toast", async () => {
    const backend = createFakeBackend();
    backend.signatureSet.mockRejectedValue({ code: "storage", message: "database is locked", field: null });
    const { user } = await openFirstLetter(backend);
    await user.click(within(rowOf("org-1")).getByTestId("signature-publish-org"));
    expect(await screen.findByText(/database is locked/)).toBeInTheDocument();
  });

  it("edits the display name, signer and title", async () => {
    const { user, backend } = await openFirstLetter();
    await user.click(within(rowOf("org-0")).getByTestId("signature-edit"));
    await screen.findByRole("dialog", { name: "Edit signature" });
    expect(screen.getByLabelText(/Signer's title/)).toHaveValue("CEO");
    await user.type(screen.getByLabelText(/Display name/), "Child Focus (Belgium)");
    await user.click(screen.getByTestId("signature-edit-form-submit"));
    await waitFor(() => expect(backend.signatureSet).toHaveBeenCalledTimes(1));
    expect(backend.signatureSet.mock.calls[0]![2]).toEqual({
      state: "signed",
      date: "2022-06-01",
      channel: null,
      publish_organisation: true,
      publish_signer: false,
      display_name: "Child Focus (Belgium)",
      signer_name: "Heidi De Pauw",
      signer_title: "CEO",
      signer_person_id: null,
      withdrawal_reason: null,
    });
    expect(await within(rowOf("org-0")).findByTestId("signature-display-name")).toHaveTextContent("Child Focus (Belgium)");
  });

  it("links the signer to one of the organisation's people, filling name and title", async () => {
    const backend = createFakeBackend();
    backend.organisationPeople.mockResolvedValue([
      { affiliation_id: "a1", person_id: "p-tunks", display_name: "Michael Tunks", email: null, job_title: "Head of Policy", starts_on: null, ends_on: null, focal_point: true, current: true },
      { affiliation_id: "a0", person_id: "p-old", display_name: "Former Director", email: null, job_title: null, starts_on: null, ends_on: "2020-01-01", focal_point: false, current: false },
    ]);
    const { user } = await openFirstLetter(backend);
    await user.click(within(rowOf("org-0")).getByTestId("signature-edit"));
    await screen.findByRole("dialog", { name: "Edit signature" });
    expect(backend.organisationPeople).toHaveBeenCalledWith("org-0");
    const picker = await screen.findByTestId("sig-signer-person");
    expect(within(picker).getByRole("option", { name: /Former Director \(former\)/ })).toBeInTheDocument();
    await user.selectOptions(picker, "p-tunks");
    expect(document.getElementById("sig-signer")).toHaveValue("Michael Tunks");
    expect(screen.getByLabelText(/Signer's title/)).toHaveValue("Head of Policy");
    await user.click(screen.getByTestId("signature-edit-form-submit"));
    await waitFor(() => expect(backend.signatureSet).toHaveBeenCalledTimes(1));
    expect(backend.signatureSet.mock.calls[0]![2]).toMatchObject({
      signer_person_id: "p-tunks",
      signer_name: "Michael Tunks",
      signer_title: "Head of Policy",
    });
  });

  it("adds a signature for an organisation found by search", async () => {
    const backend = createFakeBackend([makeRow(0), makeRow(1), makeRow(2), makeRow(7, { name: "Eurochild", country: "BE" })]);
    backend.orgsList.mockImplementation(async (q) => ({
      rows: q.text === "euro" ? [makeRow(7, { name: "Eurochild", country: "BE" })] : [makeRow(0), makeRow(1)],
      total: q.text === "euro" ? 1 : 4,
      offset: 0,
    }));
    const { user } = await openFirstLetter(backend);
    await user.click(screen.getByTestId("signature-add"));
    await screen.findByRole("dialog", { name: "Add a signature" });
    await user.type(screen.getByTestId("signature-add-search"), "euro");
    await waitFor(() => expect(backend.orgsList.mock.calls.some(([q]) => q.text === "euro")).toBe(true));
    const result = await waitFor(() => {
      const found = dialog().getAllByTestId("signature-add-result").find((r) => r.getAttribute("data-id") === "org-7");
      if (!found) throw new Error("no result yet");
      return found;
    });
    await user.click(result);
    expect(screen.getByTestId("signature-add-picked")).toHaveTextContent("Eurochild");
    await user.type(document.getElementById("sig-signer") as HTMLInputElement, "Jana Hainsworth");
    await user.click(screen.getByTestId("signature-add-form-submit"));

    await waitFor(() => expect(backend.signatureSet).toHaveBeenCalledTimes(1));
    expect(backend.signatureSet.mock.calls[0]![0]).toBe("letter-1");
    expect(backend.signatureSet.mock.calls[0]![1]).toBe("org-7");
    expect(backend.signatureSet.mock.calls[0]![2]).toMatchObject({
      state: "signed",
      date: todayIso(),
      channel: "email",
      publish_organisation: true,
      publish_signer: false,
      signer_name: "Jana Hainsworth",
    });
    await waitFor(() => expect(screen.getByTestId("count-signed")).toHaveTextContent("2"));
  });

  it("invites a segment and says how many were invited", async () => {
    const backend = createFakeBackend();
    const { user } = await openFirstLetter(backend);
    backend.letterInvite.mockImplementation(async (id) => ({
      invited: 12,
      detail: { ...(await backend.letterGet(id)), counts: { invited: 15, signed: 1, declined: 0, withdrawn: 0, silent: 14 } },
    }));
    await user.click(screen.getByTestId("letter-invite"));
    await screen.findByRole("dialog", { name: "Invite organisations" });
    expect(screen.getByTestId("segment-status")).toHaveTextContent("Active");
    await user.click(screen.getByTestId("invite-submit"));
    await waitFor(() => expect(backend.letterInvite).toHaveBeenCalledWith("letter-1", { statuses: ["active"], countries: [] }));
    expect(await screen.findByTestId("invite-result")).toHaveTextContent("Invited 12 organisations");
    expect(screen.getByTestId("count-invited")).toHaveTextContent("15");
  });
});

describe("not signed yet", () => {
  const originalClipboard = Object.getOwnPropertyDescriptor(navigator, "clipboard");
  afterEach(() => {
    if (originalClipboard) Object.defineProperty(navigator, "clipboard", originalClipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });

  const NOT_SIGNED = [
    {
      organisation_id: "org-1",
      name: "Terre des Hommes",
      country: "NL",
      state: "invited" as const,
      emails: ["info@tdh.nl", "policy@tdh.nl"],
      contacts: [
        { name: "Ann Focal", person_id: "p-1", email: "info@tdh.nl" },
        { name: "Bo Focal", person_id: "p-2", email: "policy@tdh.nl" },
      ],
    },
    {
      organisation_id: "org-2",
      name: "Eurochild",
      country: "BE",
      state: null,
      emails: ["info@eurochild.org", "INFO@tdh.nl"],
      contacts: [
        { name: null, person_id: null, email: "info@eurochild.org" },
        { name: null, person_id: null, email: "INFO@tdh.nl" },
      ],
    },
    { organisation_id: "org-3", name: "No Mail Org", country: "FR", state: "declined" as const, emails: [], contacts: [] },
  ];

  it("lists the active members who have not signed and copies their addresses", async () => {
    const backend = createFakeBackend();
    backend.letterNotSigned.mockResolvedValue(NOT_SIGNED);
    const { user } = await openFirstLetter(backend);
    // After user-event's setup, which installs its own clipboard stub.
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    await user.click(screen.getByTestId("letter-not-signed"));
    await screen.findByRole("dialog", { name: "Not signed yet" });
    expect(backend.letterNotSigned).toHaveBeenCalledWith("letter-1", { statuses: ["active"], countries: [] });
    expect(await screen.findAllByTestId("not-signed-row")).toHaveLength(3);
    expect(screen.getByTestId("not-signed-list")).toHaveTextContent("policy@tdh.nl");
    expect(screen.getByTestId("not-signed-list")).toHaveTextContent("Bo Focal <policy@tdh.nl>");

    await user.click(screen.getByTestId("not-signed-copy"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("info@tdh.nl, policy@tdh.nl, info@eurochild.org"));
    expect(await screen.findByText("Copied 3 addresses")).toBeInTheDocument();
  });

  it("shows the addresses in a selectable text box when the clipboard is unavailable", async () => {
    const backend = createFakeBackend();
    backend.letterNotSigned.mockResolvedValue(NOT_SIGNED);
    const { user } = await openFirstLetter(backend);
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: undefined });
    await user.click(screen.getByTestId("letter-not-signed"));
    await screen.findAllByTestId("not-signed-row");
    await user.click(screen.getByTestId("not-signed-copy"));
    expect(await screen.findByTestId("not-signed-emails-text")).toHaveValue("info@tdh.nl, policy@tdh.nl, info@eurochild.org");
  });
});
