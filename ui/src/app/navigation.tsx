import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { NavId } from "./nav";

/** What a page is asked to do when it is opened from elsewhere (the command palette). */
export interface OpenRequest {
  page: NavId;
  /** The record to select and open (organisation, person, event, letter, interaction, dossier). */
  openId?: string;
  /** "new" opens the page's create dialog; "export" opens a letter's export dialog. */
  action?: "new" | "export";
  /** Tells two requests for the same thing apart. */
  seq: number;
}

interface NavigationValue {
  navigate: (page: NavId, options?: { openId?: string; action?: OpenRequest["action"] }) => void;
  request: OpenRequest | null;
  /** The last request a page has handled, shared so a remounted page does not redo it. */
  handled: { current: number };
}

const NavigationContext = createContext<NavigationValue>({ navigate: () => {}, request: null, handled: { current: -1 } });

/** Holds the latest open request; `onPage` switches the page shown (a stable function). */
export function NavigationProvider({ onPage, children }: { onPage: (page: NavId) => void; children: ReactNode }) {
  const handled = useRef(-1);
  const [request, setRequest] = useState<OpenRequest | null>(null);
  const navigate = useCallback<NavigationValue["navigate"]>(
    (page, options = {}) => {
      onPage(page);
      setRequest((r) => ({ page, ...options, seq: (r?.seq ?? 0) + 1 }));
    },
    [onPage],
  );
  return <NavigationContext.Provider value={{ navigate, request, handled }}>{children}</NavigationContext.Provider>;
}

/** Goes to a page, optionally opening a record or a dialog there. */
export function useNavigate(): NavigationValue["navigate"] {
  return useContext(NavigationContext).navigate;
}

/** Calls `handle` once for each new request addressed to `page` (on mount and on update). */
export function useOpenRequest(page: NavId, handle: (request: OpenRequest) => void) {
  const { request, handled } = useContext(NavigationContext);
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    if (!request || request.page !== page || handled.current === request.seq) return;
    handled.current = request.seq;
    latest.current(request);
  }, [request, page, handled]);
}
