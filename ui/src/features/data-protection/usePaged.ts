import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../../bindings/ApiError";
import { toApiError } from "../../api/errors";

export const PAGE_SIZE = 100;

/** Pages of a list read from the core, appended as the coordinator asks for more. A new
 * `key` (filters) starts again from the first page. */
export function usePaged<Row, Page extends { rows: Row[]; total: number }>(
  load: (offset: number, limit: number) => Promise<Page>,
  key: string,
) {
  const [rows, setRows] = useState<Row[]>([]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (offset: number) => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const next = await loadRef.current(offset, PAGE_SIZE);
      if (mine !== generation.current) return;
      setPage(next);
      setRows((prev) => (offset === 0 ? next.rows : [...prev, ...next.rows]));
      setError(null);
    } catch (raw) {
      if (mine === generation.current) setError(toApiError(raw));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void fetchPage(0);
  }, [fetchPage, key]);

  return {
    rows,
    page,
    error,
    loading,
    reload: () => fetchPage(0),
    more: () => fetchPage(rows.length),
    hasMore: page !== null && rows.length < page.total,
  };
}
