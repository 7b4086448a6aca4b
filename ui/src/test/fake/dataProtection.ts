import { vi, type Mock } from "vitest";
import type { DataProtectionApi } from "../../api/dataProtection";
import type { ExportLogRow } from "../../bindings/ExportLogRow";
import type { RetentionRow } from "../../bindings/RetentionRow";
import type { SensitivePerson } from "../../bindings/SensitivePerson";

export type FakeDataProtection = { [K in keyof DataProtectionApi]: Mock<DataProtectionApi[K]> };

export function makeExportLogRow(i: number, overrides: Partial<ExportLogRow> = {}): ExportLogRow {
  return {
    id: `export-${i}`,
    exported_at: `2024-06-${String((i % 28) + 1).padStart(2, "0")}T09:30:00.000Z`,
    exported_by: "Ana Lopes",
    kind: i % 2 ? "people.csv" : "letter.signatories.pdf",
    record_id: i % 2 ? null : "letter-1",
    record_title: i % 2 ? null : "ol-2022 Open letter",
    row_count: 10 + i,
    sensitive_included: i % 5 === 0,
    sensitive_left_out: i % 5 === 0 ? 0 : 1,
    file_name: `export-${i}.csv`,
    ...overrides,
  };
}

export function makeRetentionRow(i: number, overrides: Partial<RetentionRow> = {}): RetentionRow {
  return {
    id: `person-${i}`,
    display_name: `Dormant Person ${i}`,
    country: "BE",
    lawful_basis: i % 4 === 0 ? "public_role" : "legitimate_interest",
    public_role: i % 4 === 0,
    sensitive: false,
    last_activity: "2019-05-01",
    ...overrides,
  };
}

export function makeSensitivePerson(i: number, overrides: Partial<SensitivePerson> = {}): SensitivePerson {
  return {
    id: `sensitive-${i}`,
    display_name: `Protected Person ${i}`,
    country: "FR",
    lawful_basis: "consent",
    sensitive_reason: "survivor",
    archived: false,
    ...overrides,
  };
}

export function fakeDataProtection(): FakeDataProtection {
  let years = 3;
  const log = Array.from({ length: 30 }, (_, i) => makeExportLogRow(i));
  const retention = Array.from({ length: 12 }, (_, i) => makeRetentionRow(i));
  const sensitive = Array.from({ length: 2 }, (_, i) => makeSensitivePerson(i));
  return {
    privacyExportLog: vi.fn<DataProtectionApi["privacyExportLog"]>(async ({ offset, limit }) => ({
      rows: log.slice(offset, offset + limit),
      total: log.length,
      offset,
    })),
    privacySensitivePeople: vi.fn<DataProtectionApi["privacySensitivePeople"]>(async ({ offset, limit }) => ({
      rows: sensitive.slice(offset, offset + limit),
      total: sensitive.length,
      offset,
    })),
    privacySensitiveCount: vi.fn<DataProtectionApi["privacySensitiveCount"]>(async () => sensitive.length),
    privacyRetentionReview: vi.fn<DataProtectionApi["privacyRetentionReview"]>(async (query) => {
      const rows = query.exclude_public_role ? retention.filter((r) => !r.public_role) : retention;
      return {
        rows: rows.slice(query.offset, query.offset + query.limit),
        total: rows.length,
        offset: query.offset,
        years: query.years ?? years,
        cutoff: `${2026 - (query.years ?? years)}-11-22`,
      };
    }),
    privacyRetentionYears: vi.fn<DataProtectionApi["privacyRetentionYears"]>(async () => years),
    privacySetRetentionYears: vi.fn<DataProtectionApi["privacySetRetentionYears"]>(async (next) => {
      if (next < 1 || next > 20) {
        throw { code: "invalid", message: `years must be between 1 and 20 (not ${next})`, field: "years" };
      }
      years = next;
      return next;
    }),
  };
}
