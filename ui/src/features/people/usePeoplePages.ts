import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useBackend } from "../../api/context";
import type { PersonRow } from "../../bindings/PersonRow";
import { PageCache } from "../../lib/pageCache";
import { PEOPLE_PAGE_SIZE, withPeopleWindow, type PeopleListQuery } from "./query";

/** The people list for `query`, as a page cache the virtualised table reads. */
export function usePeoplePages(query: PeopleListQuery) {
  const backend = useBackend();
  const key = JSON.stringify(query);
  const [refreshToken, setRefreshToken] = useState(0);
  const latest = useRef<{ cache: PageCache<PersonRow>; key: string } | null>(null);

  const cache = useMemo(() => {
    const q = JSON.parse(key) as PeopleListQuery;
    const previous = latest.current;
    return new PageCache<PersonRow>(
      (offset, limit) => backend.peopleList(withPeopleWindow(q, offset, limit)),
      previous ? { cache: previous.cache, sameQuery: previous.key === key } : undefined,
      PEOPLE_PAGE_SIZE,
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
