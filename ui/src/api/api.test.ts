import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  isTauri: () => true,
}));

const { tauriBackend } = await import("./backend");
const { toApiError } = await import("./errors");
const { defaultExportFileName } = await import("./files");

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
