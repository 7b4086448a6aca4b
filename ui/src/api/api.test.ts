import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  isTauri: () => true,
}));
const dialogSave = vi.fn();
const dialogOpen = vi.fn();
vi.mock("@tauri-apps/plugin-dialog", () => ({
  save: (...args: unknown[]) => dialogSave(...args),
  open: (...args: unknown[]) => dialogOpen(...args),
}));

const { tauriBackend } = await import("./backend");
const { toApiError } = await import("./errors");
const { defaultExportFileName, signatoriesFileName, exportFormatFilter, spreadsheetFilters, pickSaveFile, pickOpenFile } =
  await import("./files");

const QUERY = {
  text: null,
  statuses: [],
  tiers: [],
  types: [],
  countries: [],
  include_archived: false,
  sort: "name" as const,
  direction: "asc" as const,
  offset: 0,
  limit: 100,
};

describe("toApiError", () => {
  it("keeps an ApiError as is", () => {
    expect(toApiError({ code: "validation", message: "bad", field: "name" })).toEqual({ code: "validation", message: "bad", field: "name" });
    expect(toApiError({ code: "io", message: "gone" })).toEqual({ code: "io", message: "gone", field: null });
  });
  it("wraps strings and Errors as internal", () => {
    expect(toApiError("boom")).toEqual({ code: "internal", message: "boom", field: null });
    expect(toApiError(new Error("kaput"))).toEqual({ code: "internal", message: "kaput", field: null });
    expect(toApiError(42)).toEqual({ code: "internal", message: "42", field: null });
  });
});

describe("tauriBackend", () => {
  beforeEach(() => invoke.mockReset());

  it("maps every method to its command and camelCase args", async () => {
    invoke.mockResolvedValue("ok");
    const b = tauriBackend;
    const calls: Array<[Promise<unknown>, string, Record<string, unknown> | undefined]> = [
      [b.storeInfo(), "store_info", undefined],
      [b.countriesList(), "countries_list", undefined],
      [b.orgsList(QUERY), "orgs_list", { query: QUERY }],
      [b.orgGet("x"), "org_get", { id: "x" }],
      [b.orgCreate({ organisation: { name: "A", short_name: null, org_type: "ngo", country: "BE", website: null, email: null, phone: null, notes: null }, membership: null }), "org_create", undefined],
      [b.orgSetArchived("x", true), "org_set_archived", { id: "x", archived: true }],
      [b.membershipStart("x", { status: "active", tier: "full", joined_on: null }), "membership_start", { id: "x", membership: { status: "active", tier: "full", joined_on: null } }],
      [b.membershipChangeStatus("x", { status: "lapsed", effective_on: "2024-01-01", note: null }), "membership_change_status", { id: "x", change: { status: "lapsed", effective_on: "2024-01-01", note: null } }],
      [b.membershipUpdate("x", { tier: "observer", joined_on: null, left_on: null }), "membership_update", { id: "x", update: { tier: "observer", joined_on: null, left_on: null } }],
      [b.orgsExportCsv(QUERY, "/tmp/a.csv"), "orgs_export_csv", { query: QUERY, path: "/tmp/a.csv" }],
      [b.orgsImport("/tmp/a.csv", { dry_run: true, skip_invalid: true }), "orgs_import", { path: "/tmp/a.csv", options: { dry_run: true, skip_invalid: true } }],
      [b.orgsGuessColumns(["Naam"]), "orgs_guess_columns", { headers: ["Naam"] }],
      [b.demoLoad(), "demo_load", undefined],
    ];
    await Promise.all(calls.map(([p]) => p));
    calls.forEach(([, command, args], i) => {
      const call = invoke.mock.calls[i]!;
      expect(call[0]).toBe(command);
      if (args) expect(call[1]).toEqual(args);
    });
    expect(invoke.mock.calls[4]![1]).toHaveProperty("input.organisation.name", "A");
  });

  it("maps the letters, signatures and merge commands to their names and arg keys", async () => {
    invoke.mockResolvedValue("ok");
    const b = tauriBackend;
    const letterInput = {
      reference: "open-letter-2022",
      title: "Open letter",
      kind: null,
      target: null,
      body: null,
      link: null,
      languages: ["en"],
      status: null,
      deadline: null,
      published_on: null,
    };
    const signature = {
      state: "signed" as const,
      date: "2022-06-01",
      channel: null,
      publish_organisation: true,
      publish_signer: false,
      display_name: null,
      signer_name: null,
      signer_title: null,
      signer_person_id: null,
      withdrawal_reason: null,
    };
    const segment = { statuses: ["active" as const], countries: [] };
    const options = { format: "xlsx" as const, order: "alpha" as const, group_by_country: false, with_signers: false };
    const matrix = { statuses: [], only_with_signatures: false, offset: 0, limit: 100 };
    const columns = { organisation: 0, country: 1, signer: null, signer_title: null, date: null, email: null };
    const decisions = [{ action: "skip" as const, line: 2 }];
    const importOptions = { dry_run: false, skip_invalid: true, create_missing: false };
    const calls: Array<[Promise<unknown>, string, Record<string, unknown> | undefined]> = [
      [b.lettersList(), "letters_list", undefined],
      [b.letterGet("l1"), "letter_get", { id: "l1" }],
      [b.letterCreate(letterInput), "letter_create", { input: letterInput }],
      [b.letterUpdate("l1", letterInput), "letter_update", { id: "l1", input: letterInput }],
      [b.signatureSet("l1", "o1", signature), "signature_set", { id: "l1", organisation: "o1", input: signature }],
      [b.letterInvite("l1", segment), "letter_invite", { id: "l1", segment }],
      [b.letterNotSigned("l1", segment), "letter_not_signed", { id: "l1", segment }],
      [b.letterPreview("l1", options), "letter_preview", { id: "l1", options, includeSensitive: false }],
      [b.letterPreview("l1", options, true), "letter_preview", { id: "l1", options, includeSensitive: true }],
      [b.letterExport("l1", options, "/tmp/s.xlsx"), "letter_export", { id: "l1", options, path: "/tmp/s.xlsx", includeSensitive: false }],
      [
        b.letterExport("l1", options, "/tmp/s.xlsx", undefined, true),
        "letter_export",
        { id: "l1", options, path: "/tmp/s.xlsx", includeSensitive: true },
      ],
      [b.signaturesMatrix(matrix), "signatures_matrix", { query: matrix }],
      [b.matrixExportCsv(matrix, "/tmp/m.csv"), "matrix_export_csv", { query: matrix, path: "/tmp/m.csv" }],
      [b.importPreview("/tmp/s.csv"), "import_preview", { path: "/tmp/s.csv" }],
      [b.signaturesAnalyse("/tmp/s.csv", columns), "signatures_analyse", { path: "/tmp/s.csv", columns }],
      [
        b.signaturesImport("l1", "/tmp/s.csv", columns, decisions, importOptions),
        "signatures_import",
        { id: "l1", path: "/tmp/s.csv", columns, decisions, options: importOptions },
      ],
      [b.orgsDuplicates(), "orgs_duplicates", undefined],
      [b.orgsMerge("a", "b"), "orgs_merge", { keep: "a", drop: "b" }],
      [b.orgsMergeUndo(17), "orgs_merge_undo", { seq: 17 }],
    ];
    await Promise.all(calls.map(([p]) => p));
    expect(invoke).toHaveBeenCalledTimes(calls.length);
    calls.forEach(([, command, args], i) => {
      const call = invoke.mock.calls[i]!;
      expect(call[0]).toBe(command);
      if (args) expect(call[1]).toEqual(args);
      else expect(call[1]).toBeUndefined();
    });
  });

  it("normalises rejections to ApiError", async () => {
    invoke.mockRejectedValueOnce({ code: "conflict", message: "dup", field: "name" });
    await expect(tauriBackend.orgGet("x")).rejects.toEqual({ code: "conflict", message: "dup", field: "name" });
    invoke.mockRejectedValueOnce("Command org_get not found");
    await expect(tauriBackend.orgGet("x")).rejects.toEqual({ code: "internal", message: "Command org_get not found", field: null });
  });
});

describe("defaultExportFileName", () => {
  it("is organisations-YYYY-MM-DD.csv", () => {
    expect(defaultExportFileName(new Date(2026, 2, 5))).toBe("organisations-2026-03-05.csv");
  });
});

describe("file pickers", () => {
  beforeEach(() => {
    dialogSave.mockReset();
    dialogOpen.mockReset();
  });

  it("names a letter's export after its reference and format", () => {
    expect(signatoriesFileName("open-letter-2022", "xlsx")).toBe("open-letter-2022-signatories.xlsx");
    expect(signatoriesFileName("petition", "md")).toBe("petition-signatories.md");
    expect(exportFormatFilter("docx").extensions).toEqual(["docx"]);
  });

  it("passes the chosen filters to the native dialogs, CSV by default", async () => {
    dialogSave.mockResolvedValue("/tmp/a.csv");
    await pickSaveFile("a.csv");
    expect(dialogSave.mock.calls[0]![0]).toMatchObject({ defaultPath: "a.csv", filters: [{ extensions: ["csv"] }] });

    await pickSaveFile("x-signatories.pdf", { filters: [exportFormatFilter("pdf")] });
    expect(dialogSave.mock.calls[1]![0]).toMatchObject({ defaultPath: "x-signatories.pdf", filters: [{ extensions: ["pdf"] }] });

    dialogOpen.mockResolvedValue("/tmp/s.xlsx");
    await expect(pickOpenFile({ filters: spreadsheetFilters() })).resolves.toBe("/tmp/s.xlsx");
    expect(dialogOpen.mock.calls[0]![0].filters[0].extensions).toEqual(["csv", "tsv", "txt", "xlsx"]);
  });
});
