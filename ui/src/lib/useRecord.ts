import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../bindings/ApiError";
import { toApiError } from "../api/errors";

/**
 * Loads one record by id through `load`; mutations hand back the fresh record via `replace`,
 * or `reload` refetches. Only a record whose `idOf` is the requested id is returned, so a
 * slow answer for a previous id never shows.
 */
export function useRecord<T>(id: string | null, load: (id: string) => Promise<T>, idOf: (record: T) => string) {
  const [record, setRecord] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [token, setToken] = useState(0);

  useEffect(() => {
    if (!id) {
      setRecord(null);
      setError(null);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    load(id).then(
      (r) => {
        if (!live) return;
        setRecord(r);
        setLoading(false);
      },
      (raw: unknown) => {
        if (!live) return;
        setError(toApiError(raw));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [load, id, token]);

  const reload = useCallback(() => setToken((n) => n + 1), []);
  const replace = useCallback((r: T) => {
    setRecord(r);
    setError(null);
  }, []);

  const current = record && id && idOf(record) === id ? record : null;
  return { detail: current, error, loading, reload, replace };
}
