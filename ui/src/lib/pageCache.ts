import type { ApiError } from "../bindings/ApiError";
import { toApiError } from "../api/errors";

export const PAGE_SIZE = 100;

/** One page of a list as the core returns it (`OrganisationPage`, `PersonPage`...). */
export interface ListPage<Row> {
  rows: Row[];
  total: number;
}

export type PageFetcher<Row> = (offset: number, limit: number) => Promise<ListPage<Row>>;

/**
 * Sparse, page-wise cache of one list query. Pages are fetched by offset as the
 * visible range needs them; a page is requested at most once (no per-row calls).
 * A new cache is made whenever the query changes or the list is refreshed; it may
 * inherit the previous cache's rows to show while its own pages arrive (no flicker).
 */
export class PageCache<Row extends { id: string }> {
  private pages = new Map<number, Row[]>();
  private fresh = new Set<number>();
  private inflight = new Set<number>();
  private failed = new Set<number>();
  private listeners = new Set<() => void>();
  private inheritedPending: boolean;
  private version = 0;
  total: number | null;
  error: ApiError | null = null;

  constructor(
    private readonly fetchPage: PageFetcher<Row>,
    previous?: { cache: PageCache<Row>; sameQuery: boolean },
    readonly pageSize: number = PAGE_SIZE,
  ) {
    this.total = previous?.cache.total ?? null;
    // Rows already on screen stay visible while this cache's own pages arrive;
    // rows of another query are dropped as soon as our first page lands.
    if (previous) {
      for (const [k, v] of previous.cache.pages) this.pages.set(k, v);
    }
    this.inheritedPending = previous !== undefined && !previous.sameQuery;
  }

  /** True until the first page of this query has arrived. */
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

  /** Ask for the rows [start, end] (inclusive); fetches only the missing pages. */
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

  getRow(index: number): Row | null {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize] ?? null;
  }

  /** Index of a loaded row with this id, or -1. */
  indexOf(id: string): number {
    for (const [p, rows] of this.pages) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return p * this.pageSize + i;
    }
    return -1;
  }

  /** Number of rows the list should lay out. */
  get count(): number {
    return this.total ?? 0;
  }
}
