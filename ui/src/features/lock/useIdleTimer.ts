import { useEffect, useRef } from "react";

/** The inputs that count as activity in the window. */
const ACTIVITY = ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "pointerdown"] as const;

/**
 * Calls `onIdle` once after `minutes` without keyboard or mouse input in the window; any
 * input starts the wait again. 0 (or less) turns it off.
 */
export function useIdleTimer(minutes: number, onIdle: () => void) {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!(minutes > 0)) return;
    const wait = minutes * 60_000;
    let timer = window.setTimeout(() => callback.current(), wait);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), wait);
    };
    for (const name of ACTIVITY) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, restart, { capture: true });
    };
  }, [minutes]);
}
