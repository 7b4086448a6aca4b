import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../../bindings/ApiError";
import type { PolicyMakerQuery } from "../../bindings/PolicyMakerQuery";
import type { PolicyMakerRow } from "../../bindings/PolicyMakerRow";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";

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
 * virtual list needs rows: one backend call per page, never per row.
 */
export function usePolicyPages(query: PolicyMakerQuery): PolicyPages {
  const backend = useBackend();
  const queryKey = JSON.stringify({ ...query, offset: 0, limit: 0 });
  const [token, setToken] = useState(0);
  const key = `${queryKey}#${token}`;
  const pages = useRef(new Map<number, PolicyMakerRow[]>());
  const inflight = useRef(new Set<number>());
  const current = useRef(key);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      const forKey = current.current;
      const q = JSON.parse(queryKey) as PolicyMakerQuery;
      backend.policyMakersList({ ...q, offset: page * POLICY_PAGE_SIZE, limit: POLICY_PAGE_SIZE }).then(
        (result) => {
          if (current.current !== forKey) return;
          inflight.current.delete(page);
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setError(null);
          setLoading(false);
          setVersion((v) => v + 1);
        },
        (raw: unknown) => {
          if (current.current !== forKey) return;
          inflight.current.delete(page);
          setError(toApiError(raw));
          setLoading(false);
        },
      );
    },
    [backend, queryKey],
  );

  useEffect(() => {
    current.current = key;
    pages.current = new Map();
    inflight.current = new Set();
    setLoading(true);
    fetchPage(0);
  }, [key, fetchPage]);

  const ensure = useCallback(
    (start: number, end: number) => {
      const first = Math.max(0, Math.floor(start / POLICY_PAGE_SIZE));
      const last = Math.max(first, Math.floor(end / POLICY_PAGE_SIZE));
      for (let page = first; page <= last; page++) fetchPage(page);
    },
    [fetchPage],
  );

  const rowAt = useCallback((index: number) => {
    const page = pages.current.get(Math.floor(index / POLICY_PAGE_SIZE));
    return page?.[index % POLICY_PAGE_SIZE] ?? null;
  }, []);

  const indexOf = useCallback((id: string) => {
    for (const [page, rows] of pages.current) {
      const at = rows.findIndex((r) => r.id === id);
      if (at >= 0) return page * POLICY_PAGE_SIZE + at;
    }
    return -1;
  }, []);

  const refresh = useCallback(() => setToken((n) => n + 1), []);

  return { total, error, loading, rowAt, indexOf, ensure, refresh, key, version };
}
