/** True on macOS, where shortcuts use ⌘ rather than Ctrl. */
export function isMac(): boolean {
  if (typeof navigator === "undefined") return false;
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    "";
  return /mac/i.test(platform);
}

/** i18n key of the primary modifier key's label (⌘ on macOS, Ctrl elsewhere). */
export function modKeyLabelKey(): "keys.cmd" | "keys.ctrl" {
  return isMac() ? "keys.cmd" : "keys.ctrl";
}

/** True when keyboard input goes to a text field rather than to the app. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(type);
  }
  return false;
}

/** True when a modal layer (dialog, alert dialog, open popover/menu) is showing. */
export function isOverlayOpen(): boolean {
  if (typeof document === "undefined") return false;
  return (
    document.querySelector(
      '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"], [role="menu"][data-state="open"]',
    ) !== null
  );
}
