import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../bindings/ApiError";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventQuery } from "../../bindings/EventQuery";
import type { EventSummary } from "../../bindings/EventSummary";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { useRecord } from "../../lib/useRecord";

const ALL: EventQuery = { from: null, to: null, statuses: [], search: null };

/** The events list (a coalition runs a few a year: loaded whole); `refresh` refetches it. */
export function useEvents() {
  const backend = useBackend();
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    backend.eventsList(ALL).then(
      (list) => {
        if (!live) return;
        setEvents(list);
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
  return { events, error, loading, refresh };
}

const eventIdOf = (d: EventDetail) => d.event.id;

/** One event's detail; mutations hand back fresh parts, `reload` refetches the whole. */
export function useEventDetail(id: string | null) {
  const backend = useBackend();
  const load = useCallback((eventId: string) => backend.eventGet(eventId), [backend]);
  return useRecord(id, load, eventIdOf);
}

/** "" or whitespace → null (optional fields). */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
