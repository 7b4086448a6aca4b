import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../bindings/ApiError";
import type { OrganisationDetail } from "../../bindings/OrganisationDetail";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";

/** Loads one organisation's detail; mutations hand back the fresh detail via `replace`. */
export function useOrganisationDetail(id: string | null) {
  const backend = useBackend();
  const [detail, setDetail] = useState<OrganisationDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [token, setToken] = useState(0);

  useEffect(() => {
    if (!id) {
      setDetail(null);
      setError(null);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    backend.orgGet(id).then(
      (d) => {
        if (!live) return;
        setDetail(d);
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
  }, [backend, id, token]);

  const reload = useCallback(() => setToken((n) => n + 1), []);
  const replace = useCallback((d: OrganisationDetail) => {
    setDetail(d);
    setError(null);
  }, []);

  // Only show a detail that belongs to the requested id.
  const current = detail && id && detail.organisation.id === id ? detail : null;
  return { detail: current, error, loading, reload, replace };
}
