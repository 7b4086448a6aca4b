import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useBackend } from "../../api/context";
import type { OrganisationRow } from "../../bindings/OrganisationRow";
import { PageCache } from "../../lib/pageCache";
import { withWindow, type ListQuery } from "./query";

/**
 * The organisations list for `query`, as a page cache the virtualised table reads.
 * Sorting, filtering and paging all happen in the core.
 */
export function useOrganisationPages(query: ListQuery) {
  const backend = useBackend();
  const key = JSON.stringify(query);
  const [refreshToken, setRefreshToken] = useState(0);
  const latest = useRef<{ cache: PageCache<OrganisationRow>; key: string } | null>(null);

  const cache = useMemo(() => {
    const q = JSON.parse(key) as ListQuery;
    const previous = latest.current;
    return new PageCache<OrganisationRow>(
      (offset, limit) => backend.orgsList(withWindow(q, offset, limit)),
      previous ? { cache: previous.cache, sameQuery: previous.key === key } : undefined,
    );
    // refreshToken deliberately makes a new cache for the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, key, refreshToken]);

  useEffect(() => {
    latest.current = { cache, key };
    cache.ensure(0, 0);
  }, [cache, key]);

  const version = useSyncExternalStore(cache.subscribe, cache.getVersion, cache.getVersion);
  const refresh = useCallback(() => setRefreshToken((n) => n + 1), []);

  return { cache, version, refresh, queryKey: key };
}
