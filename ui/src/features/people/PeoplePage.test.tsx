import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { makePersonDetail, makePersonRow } from "../../test/fake/people";
import { renderApp } from "../../test/render";

async function openPeople(backend = createFakeBackend(), files = createFakeFiles()) {
  const ctx = renderApp(backend, files);
  await ctx.user.click(await screen.findByTestId("nav-people"));
  return ctx;
}

function lastPeopleQuery(backend: ReturnType<typeof createFakeBackend>) {
  const calls = backend.peopleList.mock.calls;
  const last = calls[calls.length - 1];
  if (!last) throw new Error("peopleList was never called");
  return last[0];
}

describe("people list", () => {
  it("renders the rows of the backend's page with the total, sorted by family name", async () => {
    const backend = createFakeBackend();
    backend.peopleList.mockImplementation(async (q) => ({
      rows: [
        makePersonRow(1, { display_name: "Heidi De Pauw", organisation: "Child Focus", job_title: "CEO", focal_point: true }),
        makePersonRow(2, { display_name: "Mié Kohiyama", organisation: "Brave Movement", focal_point: false }),
      ].slice(q.offset, q.offset + q.limit),
      total: 2,
      offset: q.offset,
    }));
    await openPeople(backend);
    expect(await screen.findByTestId("people-count")).toHaveTextContent("2 people");
    const rows = await screen.findAllByTestId("person-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Heidi De Pauw");
    expect(rows[0]).toHaveTextContent("Child Focus");
    expect(within(rows[0]!).getByText("Focal point")).toBeInTheDocument();
    expect(within(rows[1]!).queryByText("Focal point")).toBeNull();
    expect(backend.peopleList.mock.calls[0]![0]).toMatchObject({
      offset: 0,
      limit: 50,
      sort: "family_name",
      direction: "asc",
      include_archived: false,
      policy_makers: "all",
      text: null,
    });
  }, 20_000);

  it("sends the search and the filters to the backend", async () => {
    const backend = createFakeBackend();
    const { user } = await openPeople(backend);
    await screen.findAllByTestId("person-row");
    await user.type(screen.getByTestId("people-search"), "tunks");
    await waitFor(() => expect(lastPeopleQuery(backend).text).toBe("tunks"));
    await user.click(screen.getByTestId("people-filter-focal"));
    await waitFor(() => expect(lastPeopleQuery(backend)).toMatchObject({ text: "tunks", focal_points_only: true, offset: 0 }));
    await user.selectOptions(screen.getByLabelText("Policy-makers"), "exclude");
    await waitFor(() => expect(lastPeopleQuery(backend).policy_makers).toBe("exclude"));
    await user.selectOptions(screen.getByLabelText("Sort by"), "last_contact");
    await waitFor(() => expect(lastPeopleQuery(backend)).toMatchObject({ sort: "last_contact", direction: "desc" }));
  }, 20_000);

  it("filters by organisation chosen in the picker", async () => {
    const backend = createFakeBackend();
    const { user } = await openPeople(backend);
    await screen.findAllByTestId("person-row");
    await user.click(screen.getByTestId("people-filter-organisation"));
    const options = await screen.findAllByTestId("org-picker-option");
    const name = options[0]!.textContent ?? "";
    await user.click(options[0]!);
    await waitFor(() => expect(lastPeopleQuery(backend).organisation_id).toBe("org-0"));
    expect(name).toContain("Organisation");
  }, 20_000);
});

describe("person form", () => {
  it("shows the core's error next to the email row it names", async () => {
    const backend = createFakeBackend();
    backend.personCreate.mockRejectedValue({ code: "validation", message: 'email is not an email address: "nope"', field: "emails.1" });
    const { user } = await openPeople(backend);
    await user.click(await screen.findByTestId("people-new"));
    const form = await screen.findByTestId("person-form");
    await user.type(within(form).getByLabelText("Family name"), "Kohiyama");
    await user.type(within(form).getByLabelText("Email 1"), "mie@example.org");
    await user.click(within(form).getByTestId("person-email-add"));
    await user.type(within(form).getByLabelText("Email 2"), "nope");
    await user.click(within(form).getByTestId("person-form-submit"));
    expect(await within(form).findByTestId("field-error-emails.1")).toHaveTextContent('email is not an email address: "nope"');
    expect(within(form).getByLabelText("Email 2")).toHaveFocus();
    const sent = backend.personCreate.mock.calls[0]![0];
    expect(sent.person.family_name).toBe("Kohiyama");
    expect(sent.person.emails).toEqual([
      { label: "work", email: "mie@example.org" },
      { label: "personal", email: "nope" },
    ]);
    expect(sent.affiliation).toBeNull();
  }, 20_000);

  it("creates a person and opens the detail", async () => {
    const backend = createFakeBackend();
    const created = makePersonDetail("person-new", { person: { ...makePersonDetail("person-new").person, given_name: "Iain", family_name: "Drennan", display_name: "Iain Drennan" } });
    backend.personCreate.mockResolvedValue(created);
    backend.personGet.mockImplementation(async (id) => (id === "person-new" ? created : makePersonDetail(id)));
    const { user } = await openPeople(backend);
    await user.click(await screen.findByTestId("people-new"));
    const form = await screen.findByTestId("person-form");
    await user.type(within(form).getByLabelText("Given name"), "Iain");
    await user.type(within(form).getByLabelText("Family name"), "Drennan");
    await user.click(within(form).getByTestId("person-form-submit"));
    await waitFor(() => expect(screen.queryByTestId("person-form")).toBeNull());
    expect(await screen.findByTestId("person-detail-name")).toHaveTextContent("Iain Drennan");
    expect(backend.personCreate.mock.calls[0]![0].person).toMatchObject({ given_name: "Iain", family_name: "Drennan" });
  }, 20_000);
});

describe("person detail", () => {
  it("shows affiliations with history and the possible-duplicate flag", async () => {
    const backend = createFakeBackend();
    backend.personGet.mockImplementation(async (id) =>
      makePersonDetail(id, {
        possible_duplicates: [
          { a: { id, display_name: "Heidi De Pauw" }, b: { id: "person-99", display_name: "H. De Pauw" }, reason: "same_email", shared: "heidi@childfocus.be" },
        ],
      }),
    );
    const { user } = await openPeople(backend);
    const rows = await screen.findAllByTestId("person-row");
    await user.click(rows[0]!);
    const detail = await screen.findByTestId("person-detail");
    const affiliations = await within(detail).findAllByTestId("affiliation-row");
    expect(affiliations).toHaveLength(2);
    expect(affiliations[0]).toHaveTextContent("Child Focus");
    expect(affiliations[0]).toHaveTextContent("Focal point");
    expect(affiliations[1]).toHaveTextContent("Missing Children Europe");
    expect(affiliations[1]).toHaveTextContent("Former");
    const flag = within(detail).getByTestId("person-duplicate-flag");
    expect(flag).toHaveTextContent("Possible duplicate of H. De Pauw");
    expect(flag).toHaveTextContent("same email heidi@childfocus.be");
    expect(within(detail).getByTestId("person-emails-list")).toHaveTextContent("heidi@childfocus.be");
  }, 20_000);

  it("ends an affiliation on the date given", async () => {
    const backend = createFakeBackend();
    const { user } = await openPeople(backend);
    await user.click((await screen.findAllByTestId("person-row"))[0]!);
    const detail = await screen.findByTestId("person-detail");
    await user.click((await within(detail).findAllByTestId("affiliation-end-open"))[0]!);
    const dialog = await screen.findByTestId("affiliation-end");
    const date = within(dialog).getByLabelText("End");
    await user.clear(date);
    await user.type(date, "2024-05-31");
    await user.click(within(dialog).getByTestId("affiliation-end-submit"));
    await waitFor(() => expect(backend.affiliationEnd).toHaveBeenCalledWith("aff-person-0-1", "2024-05-31"));
  }, 20_000);
});

describe("duplicates view", () => {
  it("lists the flagged pairs with their reason", async () => {
    const backend = createFakeBackend();
    backend.peopleDuplicates.mockResolvedValue([
      { a: { id: "p1", display_name: "Michael Tunks" }, b: { id: "p2", display_name: "MICHAEL tunks" }, reason: "same_name_same_organisation", shared: "IWF" },
    ]);
    const { user } = await openPeople(backend);
    await user.click(await screen.findByTestId("people-tab-duplicates"));
    const rows = await screen.findAllByTestId("people-duplicate-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("same name at IWF");
  }, 20_000);
});

describe("keyboard and files", () => {
  it("moves with the arrow keys, opens with Enter and closes with Escape", async () => {
    const backend = createFakeBackend();
    const { user } = await openPeople(backend);
    await screen.findAllByTestId("person-row");
    // Focus leaves the sidebar button (Enter on a button presses the button).
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    await screen.findByTestId("person-detail");
    await waitFor(() => expect(backend.personGet).toHaveBeenCalledWith("person-1"));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("person-detail")).toBeNull());
    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByTestId("person-form")).toBeInTheDocument();
  }, 20_000);

  it("imports through the wizard: columns mapped, rows previewed with the dry run's problems, then imported with the mapping", async () => {
    const backend = createFakeBackend();
    const files = createFakeFiles();
    files.pickOpenFile.mockResolvedValue("/home/me/people.csv");
    backend.importPreview.mockResolvedValue({
      headers: ["Vorname", "Nachname", "Email"],
      rows: [
        { line: 2, cells: ["Cathal", "Delaney", "c@thorn.org"] },
        { line: 3, cells: ["Pierre", "", "p@example.org"] },
      ],
      total_rows: 2,
      columns: { organisation: null, country: null, signer: null, signer_title: null, date: null, email: 2 },
    });
    backend.peopleImport.mockImplementation(async (_path, options) => ({
      rows: 2,
      created: 1,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      issues: [{ line: 3, field: "family_name", message: "family name is required" }],
      possible_duplicates: [{ line: 2, field: "family_name", message: 'possible duplicate of "Cathal Delaney" (same name at Thorn)' }],
      ignored_columns: [],
      committed: !options.dry_run,
    }));
    const { user } = await openPeople(backend, files);
    await user.click(await screen.findByTestId("people-import"));
    const wizard = await screen.findByTestId("people-import-preview");
    expect(backend.peopleGuessColumns).toHaveBeenCalledWith(["Vorname", "Nachname", "Email"]);
    expect(within(wizard).getByTestId("map-email")).toHaveValue("2");
    await user.selectOptions(within(wizard).getByTestId("map-given_name"), "Vorname");
    await user.selectOptions(within(wizard).getByTestId("map-family_name"), "Nachname");
    await user.click(within(wizard).getByTestId("wizard-next"));

    const mapping = expect.arrayContaining([
      { field: "given_name", column: 0 },
      { field: "family_name", column: 1 },
      { field: "email", column: 2 },
      { field: "organisation", column: null },
    ]);
    await waitFor(() =>
      expect(backend.peopleImport).toHaveBeenCalledWith("/home/me/people.csv", { dry_run: true, skip_invalid: true, columns: mapping }, expect.objectContaining({ operation: expect.any(String) })),
    );
    await within(wizard).findByTestId("wizard-step-preview");
    const rows = within(wizard).getAllByTestId("wizard-preview-row");
    expect(within(rows[1]!).getByTestId("wizard-preview-row-issues")).toHaveTextContent("family_name family name is required");
    expect(within(wizard).getByTestId("people-import-duplicate")).toHaveTextContent("possible duplicate of");
    await user.click(within(wizard).getByTestId("people-import-skip"));
    await user.click(within(wizard).getByTestId("wizard-next"));
    expect(within(wizard).getByTestId("people-import-created")).toHaveTextContent("1");
    await user.click(within(wizard).getByTestId("people-import-commit"));
    await waitFor(() =>
      expect(backend.peopleImport).toHaveBeenLastCalledWith("/home/me/people.csv", { dry_run: false, skip_invalid: true, columns: mapping }, expect.objectContaining({ operation: expect.any(String) })),
    );
    expect(await within(wizard).findByTestId("people-import-report")).toBeInTheDocument();
    await user.click(within(wizard).getByTestId("wizard-close"));
    await waitFor(() => expect(screen.queryByTestId("people-import-preview")).toBeNull());
  }, 20_000);

  it("exports the current view as CSV to the chosen file", async () => {
    const backend = createFakeBackend();
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/home/me/people.csv");
    const { user } = await openPeople(backend, files);
    await screen.findAllByTestId("person-row");
    await user.click(screen.getByTestId("people-export-csv"));
    await waitFor(() => expect(backend.peopleExportCsv).toHaveBeenCalled());
    const [query, path] = backend.peopleExportCsv.mock.calls[0]!;
    expect(path).toBe("/home/me/people.csv");
    expect(query).toMatchObject({ offset: 0, sort: "family_name" });
    expect(query.limit).toBeGreaterThanOrEqual(25);
  }, 20_000);
});
