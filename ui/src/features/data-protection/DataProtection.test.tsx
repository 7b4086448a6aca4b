import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { makePersonDetail, makePersonRow } from "../../test/fake/people";
import { renderApp } from "../../test/render";
import { withPeopleList } from "../events/testing";

async function openPrivacy(backend = createFakeBackend()) {
  const ctx = renderApp(backend);
  await ctx.user.click(await screen.findByTestId("nav-privacy"));
  await screen.findByTestId("privacy-page");
  return ctx;
}

async function openPeople(backend = createFakeBackend(), files = createFakeFiles()) {
  const ctx = renderApp(backend, files);
  await ctx.user.click(await screen.findByTestId("nav-people"));
  return ctx;
}

describe("Data protection page", () => {
  it("sits above Settings in the sidebar and switches between its three tabs", async () => {
    const backend = createFakeBackend();
    const { user } = await openPrivacy(backend);
    const nav = screen.getAllByRole("button").map((b) => b.getAttribute("data-testid")).filter((id) => id?.startsWith("nav-"));
    expect(nav.indexOf("nav-privacy")).toBe(nav.indexOf("nav-settings") - 1);
    expect(await screen.findAllByTestId("privacy-retention-row")).toHaveLength(12);
    expect(screen.getByTestId("privacy-retention-summary")).toHaveTextContent("12 people with no activity since 2023-11-22");
    expect(screen.getAllByText("Public role").length).toBeGreaterThan(0);

    await user.click(screen.getByTestId("privacy-tab-exports"));
    const exportsRows = await screen.findAllByTestId("privacy-export-row");
    expect(exportsRows).toHaveLength(30);
    expect(within(exportsRows[1]!).getByText("people.csv")).toBeInTheDocument();
    expect(within(exportsRows[1]!).getByText("1 sensitive person left out")).toBeInTheDocument();
    expect(within(exportsRows[0]!).getByText("Included")).toBeInTheDocument();
    expect(backend.privacyExportLog).toHaveBeenCalledWith({ offset: 0, limit: 100 });

    await user.click(screen.getByTestId("privacy-tab-sensitive"));
    const sensitive = await screen.findAllByTestId("privacy-sensitive-row");
    expect(sensitive).toHaveLength(2);
    expect(within(sensitive[0]!).getByText("survivor")).toBeInTheDocument();
  }, 20_000);

  it("shows empty states and errors", async () => {
    const backend = createFakeBackend();
    backend.privacyRetentionReview.mockResolvedValue({ rows: [], total: 0, offset: 0, years: 3, cutoff: "2023-11-22" });
    backend.privacyExportLog.mockRejectedValue({ code: "storage", message: "the store is locked", field: null });
    const { user } = await openPrivacy(backend);
    expect(await screen.findByTestId("privacy-retention-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("privacy-tab-exports"));
    expect(await screen.findByText("the store is locked")).toBeInTheDocument();
  }, 20_000);

  it("saves the retention years, showing the core's error next to the field", async () => {
    const backend = createFakeBackend();
    const { user } = await openPrivacy(backend);
    const years = await screen.findByLabelText("Years without activity");
    await waitFor(() => expect(years).toHaveValue(3));
    await user.clear(years);
    await user.type(years, "25");
    await user.click(screen.getByTestId("privacy-years-save"));
    expect(await screen.findByTestId("field-error-years")).toHaveTextContent("years must be between 1 and 20 (not 25)");
    await user.clear(years);
    await user.type(years, "5");
    await user.click(screen.getByTestId("privacy-years-save"));
    await waitFor(() => expect(backend.privacySetRetentionYears).toHaveBeenLastCalledWith(5));
    await waitFor(() => expect(screen.getByTestId("privacy-retention-summary")).toHaveTextContent("since 2021-11-22"));
    await user.click(screen.getByTestId("privacy-exclude-public"));
    await waitFor(() => expect(backend.privacyRetentionReview).toHaveBeenLastCalledWith(expect.objectContaining({ exclude_public_role: true })));
    expect(await screen.findAllByTestId("privacy-retention-row")).toHaveLength(9);
  }, 20_000);

  it("archives a person from the review after confirming", async () => {
    const backend = createFakeBackend();
    const { user } = await openPrivacy(backend);
    const rows = await screen.findAllByTestId("privacy-retention-row");
    await user.click(within(rows[1]!).getByTestId("privacy-archive"));
    const dialog = await screen.findByTestId("privacy-archive-dialog");
    expect(dialog).toHaveTextContent("Archive Dormant Person 1?");
    await user.click(within(dialog).getByTestId("privacy-archive-dialog-confirm"));
    await waitFor(() => expect(backend.personSetArchived).toHaveBeenCalledWith("person-1", true));
  }, 20_000);
});

describe("people and data protection", () => {
  it("sends the lawful basis and flag from the form, and shows the consent-date error next to its field", async () => {
    const backend = createFakeBackend();
    backend.personCreate.mockRejectedValueOnce({ code: "validation", message: "consent date is required when the lawful basis is consent", field: "consent_date" });
    const { user } = await openPeople(backend);
    await user.click(await screen.findByTestId("people-new"));
    const form = await screen.findByTestId("person-form");
    await user.type(within(form).getByLabelText("Family name"), "Kohiyama");
    await user.selectOptions(within(form).getByLabelText("Lawful basis"), "consent");
    await user.type(within(form).getByLabelText(/Source of the data/), "web form 2024-03");
    await user.click(within(form).getByTestId("person-sensitive"));
    await user.type(within(form).getByLabelText(/Reason \(private\)/), "survivor");
    await user.click(within(form).getByTestId("person-form-submit"));
    expect(await within(form).findByTestId("field-error-consent_date")).toHaveTextContent("consent date is required when the lawful basis is consent");
    expect(within(form).getByLabelText(/Consent date/)).toHaveFocus();
    expect(backend.personCreate.mock.calls[0]![0].person).toMatchObject({
      family_name: "Kohiyama",
      lawful_basis: "consent",
      source: "web form 2024-03",
      sensitive: true,
      sensitive_reason: "survivor",
    });
    expect(backend.personCreate.mock.calls[0]![0].person.consent_date).toBeUndefined();
  }, 20_000);

  it("marks sensitive people in the list and the detail", async () => {
    const backend = createFakeBackend();
    backend.peopleList.mockImplementation(async (q) => ({
      rows: [makePersonRow(0), makePersonRow(1, { sensitive: true, display_name: "Mié Kohiyama" })],
      total: 2,
      offset: q.offset,
    }));
    backend.personGet.mockImplementation(async (id) =>
      makePersonDetail(id, {
        person: { ...makePersonDetail(id).person, display_name: "Mié Kohiyama", sensitive: true, sensitive_reason: "survivor", lawful_basis: "consent", consent_date: "2024-03-01" },
      }),
    );
    const { user } = await openPeople(backend);
    const rows = await screen.findAllByTestId("person-row");
    const flagged = rows.find((r) => within(r).queryByTestId("sensitive-badge"));
    expect(flagged).toHaveTextContent("Mié Kohiyama");
    await user.click(flagged!);
    const section = await screen.findByTestId("person-data-protection-section");
    expect(within(section).getByTestId("person-lawful-basis-value")).toHaveTextContent("Consent");
    expect(section).toHaveTextContent("2024-03-01");
    expect(section).toHaveTextContent("survivor");
  }, 20_000);

  it("warns before including sensitive people in an export", async () => {
    const backend = createFakeBackend();
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/home/me/people.csv");
    const { user } = await openPeople(backend, files);
    await screen.findAllByTestId("person-row");
    const toggle = await screen.findByTestId("include-sensitive");
    expect(toggle).toHaveTextContent("Include sensitive people (2)");
    expect(backend.privacySensitiveCount).toHaveBeenCalledWith({ scope: "people" });
    // Cancelling the warning leaves them out.
    await user.click(screen.getByTestId("include-sensitive-checkbox"));
    let dialog = await screen.findByTestId("include-sensitive-confirm-dialog");
    expect(dialog).toHaveTextContent("2 people in this export are flagged sensitive");
    await user.click(within(dialog).getByText("Cancel"));
    await waitFor(() => expect(screen.queryByTestId("include-sensitive-confirm-dialog")).toBeNull());
    expect(screen.getByTestId("include-sensitive-checkbox")).not.toBeChecked();
    await user.click(screen.getByTestId("people-export-csv"));
    await waitFor(() => expect(backend.peopleExportCsv).toHaveBeenCalledTimes(1));
    expect(backend.peopleExportCsv.mock.calls[0]![0].include_sensitive).toBe(false);
    // Confirming includes them.
    await user.click(screen.getByTestId("include-sensitive-checkbox"));
    dialog = await screen.findByTestId("include-sensitive-confirm-dialog");
    await user.click(within(dialog).getByTestId("include-sensitive-confirm-dialog-confirm"));
    await waitFor(() => expect(screen.getByTestId("include-sensitive-checkbox")).toBeChecked());
    await user.click(screen.getByTestId("people-export-csv"));
    await waitFor(() => expect(backend.peopleExportCsv).toHaveBeenCalledTimes(2));
    expect(backend.peopleExportCsv.mock.calls[1]![0].include_sensitive).toBe(true);
  }, 20_000);
});

describe("event exports and data protection", () => {
  it("includes an event's sensitive people only after the warning", async () => {
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/tmp/badges.pdf");
    const backend = withPeopleList(createFakeBackend());
    backend.privacySensitiveCount.mockResolvedValue(1);
    const { user } = renderApp(backend, files);
    await user.click(await screen.findByTestId("nav-events"));
    await user.click((await screen.findAllByTestId("event-row"))[0]!);
    await screen.findByText("ECLAG high-level event", { selector: "h1" });
    await user.click(screen.getByTestId("event-tab-exports"));
    const toggle = await screen.findByTestId("event-include-sensitive");
    expect(toggle).toHaveTextContent("Include sensitive people (1)");
    expect(backend.privacySensitiveCount).toHaveBeenCalledWith({ scope: "event", event_id: "event-hle" });
    await user.click(screen.getByTestId("export-badges"));
    await waitFor(() => expect(backend.eventExport).toHaveBeenCalledTimes(1));
    expect(backend.eventExport.mock.calls[0]![3]).toBeUndefined();
    await user.click(screen.getByTestId("event-include-sensitive-checkbox"));
    const dialog = await screen.findByTestId("event-include-sensitive-confirm-dialog");
    expect(dialog).toHaveTextContent("1 person in this export is flagged sensitive");
    await user.click(within(dialog).getByTestId("event-include-sensitive-confirm-dialog-confirm"));
    await user.click(screen.getByTestId("export-badges"));
    await waitFor(() => expect(backend.eventExport).toHaveBeenCalledTimes(2));
    expect(backend.eventExport.mock.calls[1]![3]).toBe(true);
  }, 20_000);
});

describe("retention review and erasure", () => {
  it("opens the erasure dialog for a person of the review", async () => {
    const backend = createFakeBackend();
    const { user } = await openPrivacy(backend);
    const rows = await screen.findAllByTestId("privacy-retention-row");
    await user.click(within(rows[2]!).getByTestId("privacy-erase"));
    expect(await screen.findByTestId("erase-dialog")).toBeInTheDocument();
    await waitFor(() => expect(backend.erasurePreview).toHaveBeenCalledWith("person-2"));
    await user.click(screen.getByTestId("erase-cancel"));
    await waitFor(() => expect(screen.queryByTestId("erase-dialog")).toBeNull());
  }, 20_000);
});
