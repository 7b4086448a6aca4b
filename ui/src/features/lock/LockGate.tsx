import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { SecurityStatus } from "../../bindings/SecurityStatus";
import { useStoreInfo } from "../../app/storeInfo";
import { LockScreen } from "./LockScreen";
import { useIdleTimer } from "./useIdleTimer";

/** The codes that mean "the store needs its passphrase". */
const LOCKED_CODES = new Set(["passphrase_required", "locked"]);

export interface LockValue {
  /** The store's protection; null until known. */
  status: SecurityStatus | null;
  /** Drops the app's data (unmounts it) and locks the store. */
  lockNow(): void;
  /** Reads the status again (after encrypting, changing the idle time...). */
  refresh(): void;
}

const LockContext = createContext<LockValue | null>(null);

/** The lock's state and actions; null outside the gate (tests of a single component). */
export function useLock(): LockValue | null {
  return useContext(LockContext);
}

/**
 * Shows the lock screen instead of the app while the store is encrypted and not unlocked.
 * Locking (Ctrl+L, "Lock now", or the idle time set in Settings > Security) unmounts the
 * whole app below, so no page keeps the store's data, then closes the store.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const backend = useBackend();
  const storeInfo = useStoreInfo();
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const [locked, setLocked] = useState(false);
  const [lockError, setLockError] = useState<ApiError | null>(null);
  const [idleMinutes, setIdleMinutes] = useState<number | null>(null);
  const [token, setToken] = useState(0);

  const needsPassphrase = LOCKED_CODES.has(storeInfo.error?.code ?? "");
  const showLock = locked || needsPassphrase;

  useEffect(() => {
    if (showLock) return;
    let live = true;
    backend.securityStatus().then(
      (value) => live && setStatus(value),
      // Without a status the app works unlocked, as an unencrypted store does.
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [backend, token, showLock]);

  const lockNow = useCallback(
    (minutes: number | null = null) => {
      // The data goes first: the app below unmounts before the store is closed.
      setLocked(true);
      setIdleMinutes(minutes);
      setLockError(null);
      backend.storeLock().then(
        (value) => setStatus(value),
        (raw: unknown) => setLockError(toApiError(raw)),
      );
    },
    [backend],
  );

  const encrypted = status?.encrypted === true;
  const minutes = encrypted && !showLock ? status.idle_lock_minutes : 0;
  useIdleTimer(minutes, () => lockNow(minutes));

  useEffect(() => {
    if (!encrypted || showLock) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "l") {
        event.preventDefault();
        lockNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [encrypted, showLock, lockNow]);

  const refresh = useCallback(() => setToken((n) => n + 1), []);
  const value = useMemo<LockValue>(() => ({ status, lockNow: () => lockNow(), refresh }), [status, lockNow, refresh]);

  if (showLock) {
    return (
      <LockScreen
        idleMinutes={idleMinutes}
        lockError={lockError}
        onUnlocked={(value) => {
          setStatus(value);
          setLocked(false);
          setIdleMinutes(null);
          setLockError(null);
          storeInfo.reload();
        }}
        onOtherError={() => {
          // A damaged store behind the passphrase: the recovery screen takes over.
          setLocked(false);
          storeInfo.reload();
        }}
      />
    );
  }
  return <LockContext.Provider value={value}>{children}</LockContext.Provider>;
}
