import { describe, expect, it, vi } from "vitest";
import { makeRows } from "../test/fakeBackend";
import { PageCache } from "./pageCache";

const rows = makeRows(1000);
const fetcher = () =>
  vi.fn(async (offset: number, limit: number) => ({ rows: rows.slice(offset, offset + limit), total: rows.length, offset }));

describe("PageCache", () => {
  it("fetches each needed page once", async () => {
    const fetchPage = fetcher();
    const cache = new PageCache(fetchPage);
    cache.ensure(0, 30);
    cache.ensure(0, 30);
    cache.ensure(95, 130);
    await vi.waitFor(() => expect(cache.getRow(130)).not.toBeNull());
    cache.ensure(0, 199);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([0, 100]);
    expect(cache.total).toBe(1000);
    expect(cache.getRow(150)?.id).toBe("org-150");
    expect(cache.indexOf("org-150")).toBe(150);
  });

  it("keeps showing old rows after a refresh until new ones arrive, and drops another query's rows", async () => {
    const first = new PageCache(fetcher());
    first.ensure(0, 10);
    await vi.waitFor(() => expect(first.getRow(0)).not.toBeNull());

    let release: () => void = () => {};
    const slow = vi.fn(
      (offset: number, limit: number) =>
        new Promise<{ rows: typeof rows; total: number; offset: number }>((resolve) => {
          release = () => resolve({ rows: rows.slice(500 + offset, 500 + offset + limit), total: 5, offset });
        }),
    );
    const other = new PageCache(slow, { cache: first, sameQuery: false });
    other.ensure(0, 10);
    expect(other.getRow(0)?.id).toBe("org-0"); // still the old rows
    expect(other.loading).toBe(true);
    release();
    await vi.waitFor(() => expect(other.getRow(0)?.id).toBe("org-500"));
    expect(other.total).toBe(5);
  });

  it("records a failure without retrying in a loop", async () => {
    const failing = vi.fn(async () => Promise.reject({ code: "storage", message: "locked", field: null }));
    const cache = new PageCache(failing);
    cache.ensure(0, 10);
    await vi.waitFor(() => expect(cache.error).not.toBeNull());
    cache.ensure(0, 10);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(cache.error?.message).toBe("locked");
  });
});
