import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { ApiError } from "../bindings/ApiError";
import type { StoreInfo } from "../bindings/StoreInfo";
import { useBackend } from "../api/context";
import { toApiError } from "../api/errors";

interface StoreInfoValue {
  info: StoreInfo | null;
  error: ApiError | null;
  reload(): void;
}

const StoreInfoContext = createContext<StoreInfoValue | null>(null);

export function StoreInfoProvider({ children }: { children: ReactNode }) {
  const backend = useBackend();
  const [info, setInfo] = useState<StoreInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    backend.storeInfo().then(
      (value) => {
        if (!live) return;
        setInfo(value);
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

  const reload = useCallback(() => setToken((n) => n + 1), []);
  const value = useMemo(() => ({ info, error, reload }), [info, error, reload]);
  return <StoreInfoContext.Provider value={value}>{children}</StoreInfoContext.Provider>;
}

export function useStoreInfo(): StoreInfoValue {
  const value = useContext(StoreInfoContext);
  if (!value) throw new Error("useStoreInfo() must be used inside <StoreInfoProvider>");
  return value;
}
