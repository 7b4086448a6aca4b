import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { ApiError } from "../../bindings/ApiError";
import type { Country } from "../../bindings/Country";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";

interface CountriesValue {
  countries: Country[];
  error: ApiError | null;
  /** English name for an ISO code, or the code itself when unknown. */
  nameOf(code: string): string;
  reload(): void;
}

const CountriesContext = createContext<CountriesValue | null>(null);

export function CountriesProvider({ children }: { children: ReactNode }) {
  const backend = useBackend();
  const [countries, setCountries] = useState<Country[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    backend.countriesList().then(
      (list) => {
        if (!live) return;
        setCountries(list);
        setError(null);
      },
      (raw: unknown) => {
        if (live) setError(toApiError(raw));
      },
    );
    return () => {
      live = false;
    };
  }, [backend, token]);

  const byCode = useMemo(() => new Map(countries.map((c) => [c.code.toUpperCase(), c.name])), [countries]);
  const nameOf = useCallback((code: string) => byCode.get(code.toUpperCase()) ?? code, [byCode]);
  const reload = useCallback(() => setToken((n) => n + 1), []);

  const value = useMemo(() => ({ countries, error, nameOf, reload }), [countries, error, nameOf, reload]);
  return <CountriesContext.Provider value={value}>{children}</CountriesContext.Provider>;
}

export function useCountries(): CountriesValue {
  const value = useContext(CountriesContext);
  if (!value) throw new Error("useCountries() must be used inside <CountriesProvider>");
  return value;
}
