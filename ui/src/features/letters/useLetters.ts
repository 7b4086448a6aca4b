import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../bindings/ApiError";
import type { LetterDetail } from "../../bindings/LetterDetail";
import type { LetterSummary } from "../../bindings/LetterSummary";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";

/** The letters list (small: loaded whole); `refresh` refetches it. */
export function useLetters() {
  const backend = useBackend();
  const [letters, setLetters] = useState<LetterSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    backend.lettersList().then(
      (list) => {
        if (!live) return;
        setLetters(list);
        setError(null);
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
  }, [backend, token]);

  const refresh = useCallback(() => setToken((n) => n + 1), []);
  return { letters, error, loading, refresh };
}

/** One letter's detail; mutations hand back the fresh detail via `replace`, or `reload` refetches. */
export function useLetterDetail(id: string | null) {
  const backend = useBackend();
  const [detail, setDetail] = useState<LetterDetail | null>(null);
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
    backend.letterGet(id).then(
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
  const replace = useCallback((d: LetterDetail) => {
    setDetail(d);
    setError(null);
  }, []);

  const current = detail && id && detail.letter.id === id ? detail : null;
  return { detail: current, error, loading, reload, replace };
}
