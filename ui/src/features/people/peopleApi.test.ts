import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  isTauri: () => true,
}));

const { peopleBackend } = await import("../../api/people");

describe("peopleBackend", () => {
  beforeEach(() => invoke.mockReset());

  it("maps every method to its Tauri command and arguments", async () => {
    invoke.mockResolvedValue("ok");
    const b = peopleBackend;
    const query = {
      text: null,
      organisation_id: null,
      countries: [],
      languages: [],
      focal_points_only: false,
      policy_makers: "all" as const,
      include_archived: false,
      sort: "family_name" as const,
      direction: "asc" as const,
      offset: 0,
      limit: 50,
    };
    const affiliation = { organisation_id: "o", job_title: null, starts_on: null, ends_on: null, focal_point: true };
    const calls: Array<[Promise<unknown>, string, Record<string, unknown> | undefined]> = [
      [b.peopleList(query), "people_list", { query }],
      [b.personGet("p"), "person_get", { id: "p" }],
      [b.personSetArchived("p", true), "person_set_archived", { id: "p", archived: true }],
      [b.affiliationAdd("p", affiliation), "affiliation_add", { id: "p", input: affiliation }],
      [b.affiliationUpdate("a", affiliation), "affiliation_update", { id: "a", input: affiliation }],
      [b.affiliationEnd("a", null), "affiliation_end", { id: "a", on: null }],
      [b.affiliationDelete("a"), "affiliation_delete", { id: "a" }],
      [b.organisationPeople("o"), "organisation_people", { id: "o" }],
      [b.peopleDuplicates(), "people_duplicates", undefined],
      [b.peopleImport("/f.csv", { dry_run: true, skip_invalid: false }), "people_import", { path: "/f.csv", options: { dry_run: true, skip_invalid: false } }],
      [b.peopleGuessColumns(["Nachname"]), "people_guess_columns", { headers: ["Nachname"] }],
      [b.peopleExportCsv(query, "/o.csv"), "people_export_csv", { query, path: "/o.csv" }],
      [b.peopleExportJson(query, "/o.json"), "people_export_json", { query, path: "/o.json" }],
    ];
    await Promise.all(calls.map(([p]) => p));
    calls.forEach(([, command, args], n) => {
      expect(invoke.mock.calls[n]![0]).toBe(command);
      if (args !== undefined) expect(invoke.mock.calls[n]![1]).toEqual(args);
    });
  });
});
