import type { EventStatus } from "../../bindings/EventStatus";
import type { ParticipantState } from "../../bindings/ParticipantState";

/** Coloured event-status pill (label already translated: usable in table cells). */
export function EventStatusPill({ status, label }: { status: EventStatus; label: string }) {
  return (
    <span className={`pill pill-event-${status}`} data-status={status}>
      <span className="pill-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

/** Coloured participant-state pill. */
export function ParticipantStatePill({ state, label }: { state: ParticipantState; label: string }) {
  return (
    <span className={`pill pill-part-${state}`} data-state={state} data-testid="participant-state">
      <span className="pill-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
