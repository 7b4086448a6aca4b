import type { Backend } from "../api/backend";

/** The backends (one per window) already told of their first painted data. */
const reported = new WeakSet<object>();

/**
 * Tells the app, once per window, that the first page it opened on has painted its data:
 * two animation frames after React committed it, the browser has painted it.
 * `scripts/measure-app` times this (the app prints it when COALITION_MEASURE is set).
 * Whichever start page gets there first reports it: Home, or Organisations on an empty store.
 */
export function reportFirstPaint(backend: Backend, onError: (raw: unknown) => void): void {
  if (reported.has(backend)) return;
  reported.add(backend);
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      backend.dashboardPainted().catch(onError);
    }),
  );
}
