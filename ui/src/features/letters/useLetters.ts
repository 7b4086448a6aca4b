import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../bindings/ApiError";
import type { LetterDetail } from "../../bindings/LetterDetail";
import type { LetterSummary } from "../../bindings/LetterSummary";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { useRecord } from "../../lib/useRecord";

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

const letterIdOf = (d: LetterDetail) => d.letter.id;

/** One letter's detail; mutations hand back the fresh detail via `replace`, or `reload` refetches. */
export function useLetterDetail(id: string | null) {
  const backend = useBackend();
  const load = useCallback((letterId: string) => backend.letterGet(letterId), [backend]);
  return useRecord(id, load, letterIdOf);
}
