import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ApiError } from "../../bindings/ApiError";
import type { PolicyMakerQuery } from "../../bindings/PolicyMakerQuery";
import type { PolicyMakerRow } from "../../bindings/PolicyMakerRow";
import { useBackend } from "../../api/context";
import { PageCache } from "../../lib/pageCache";

export const POLICY_PAGE_SIZE = 100;

export interface PolicyPages {
  /** Rows in the whole filtered view, once known. */
  total: number | null;
  error: ApiError | null;
  /** True until the first page of the current query has arrived. */
  loading: boolean;
  /** The row at `index`, or null while its page is loading. */
  rowAt(index: number): PolicyMakerRow | null;
  /** Position of a row in the loaded pages, or -1. */
  indexOf(id: string): number;
  /** Fetches the pages holding rows [start, end] that are not loaded or loading. */
  ensure(start: number, end: number): void;
  /** Drops every page and reloads the first (after a change). */
  refresh(): void;
  /** Identity of the current query and refresh. */
  key: string;
  /** Changes whenever rows arrive. */
  version: number;
}

/**
 * The policy-makers list for `query` (offset and limit ignored), fetched page by page as the
 * virtual list needs rows through the shared page cache (`lib/pageCache`): one backend call
 * per page, never per row.
 */
export function usePolicyPages(query: PolicyMakerQuery): PolicyPages {
  const backend = useBackend();
  const queryKey = JSON.stringify({ ...query, offset: 0, limit: 0 });
  const [token, setToken] = useState(0);
  const key = `${queryKey}#${token}`;
  const latest = useRef<{ cache: PageCache<PolicyMakerRow>; queryKey: string } | null>(null);

  const cache = useMemo(() => {
    const q = JSON.parse(queryKey) as PolicyMakerQuery;
    const previous = latest.current;
    return new PageCache<PolicyMakerRow>(
      (offset, limit) => backend.policyMakersList({ ...q, offset, limit }),
      previous ? { cache: previous.cache, sameQuery: previous.queryKey === queryKey } : undefined,
      POLICY_PAGE_SIZE,
    );
    // token deliberately makes a new cache for the same query (a refresh).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, queryKey, token]);

  useEffect(() => {
    latest.current = { cache, queryKey };
    cache.ensure(0, 0);
  }, [cache, queryKey]);

  const version = useSyncExternalStore(cache.subscribe, cache.getVersion, cache.getVersion);
  const refresh = useCallback(() => setToken((n) => n + 1), []);
  const rowAt = useCallback((index: number) => cache.getRow(index), [cache]);
  const indexOf = useCallback((id: string) => cache.indexOf(id), [cache]);
  const ensure = useCallback((start: number, end: number) => cache.ensure(start, end), [cache]);

  return { total: cache.total, error: cache.error, loading: cache.loading, rowAt, indexOf, ensure, refresh, key, version };
}
