import type { ApiError } from "../../bindings/ApiError";
import type { PersonPage } from "../../bindings/PersonPage";
import type { PersonRow } from "../../bindings/PersonRow";
import { toApiError } from "../../api/errors";
import { PEOPLE_PAGE_SIZE } from "./query";

export type PeoplePageFetcher = (offset: number, limit: number) => Promise<PersonPage>;

/**
 * Sparse, page-wise cache of one people query (the organisations list's pattern): pages are
 * fetched by offset as the visible range needs them, each at most once. A new cache is made
 * when the query changes or the list is refreshed; it shows the previous rows until its own
 * first page arrives.
 */
export class PeoplePageCache {
  private pages = new Map<number, PersonRow[]>();
  private fresh = new Set<number>();
  private inflight = new Set<number>();
  private failed = new Set<number>();
  private listeners = new Set<() => void>();
  private inheritedPending: boolean;
  private version = 0;
  total: number | null;
  error: ApiError | null = null;

  constructor(
    private readonly fetchPage: PeoplePageFetcher,
    previous?: { cache: PeoplePageCache; sameQuery: boolean },
    readonly pageSize: number = PEOPLE_PAGE_SIZE,
  ) {
    this.total = previous?.cache.total ?? null;
    if (previous) {
      for (const [k, v] of previous.cache.pages) this.pages.set(k, v);
    }
    this.inheritedPending = previous !== undefined && !previous.sameQuery;
  }

  get loading(): boolean {
    return this.fresh.size === 0 && this.error === null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private emit(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  ensure(start: number, end: number): void {
    const first = Math.max(0, Math.floor(start / this.pageSize));
    let last = Math.max(first, Math.floor(Math.max(start, end) / this.pageSize));
    if (this.total !== null && this.fresh.size > 0) {
      last = Math.min(last, Math.max(0, Math.ceil(this.total / this.pageSize) - 1));
    }
    for (let p = first; p <= last; p++) this.load(p);
  }

  private load(page: number): void {
    if (this.fresh.has(page) || this.inflight.has(page) || this.failed.has(page)) return;
    this.inflight.add(page);
    this.fetchPage(page * this.pageSize, this.pageSize).then(
      (result) => {
        this.inflight.delete(page);
        if (this.inheritedPending) {
          this.pages.clear();
          this.inheritedPending = false;
        }
        this.pages.set(page, result.rows);
        this.fresh.add(page);
        this.total = result.total;
        this.error = null;
        this.emit();
      },
      (raw: unknown) => {
        this.inflight.delete(page);
        this.failed.add(page);
        this.error = toApiError(raw);
        this.emit();
      },
    );
  }

  getRow(index: number): PersonRow | null {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize] ?? null;
  }

  indexOf(id: string): number {
    for (const [p, rows] of this.pages) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return p * this.pageSize + i;
    }
    return -1;
  }

  get count(): number {
    return this.total ?? 0;
  }
}
