/** Fired on `window` after an undo, so open histories reload. */
export const HISTORY_CHANGED = "coalition:history-changed";

export function announceHistoryChanged(): void {
  window.dispatchEvent(new Event(HISTORY_CHANGED));
}
