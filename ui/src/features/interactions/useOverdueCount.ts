import { useEffect, useState } from "react";
import { useBackend } from "../../api/context";

const CHANGED = "coalition:tasks-changed";

/** Tells every overdue counter that tasks changed (logged, edited, ticked, deleted). */
export function announceTasksChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The number of open tasks due before today, refreshed whenever tasks change; null until
 * known or when it cannot be read (the Engagement page shows that error).
 */
export function useOverdueCount(): number | null {
  const backend = useBackend();
  const [count, setCount] = useState<number | null>(null);
  const [token, setToken] = useState(0);
  useEffect(() => {
    const bump = () => setToken((n) => n + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);
  useEffect(() => {
    let live = true;
    backend.tasksOverdueCount().then(
      (n) => live && setCount(n),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [backend, token]);
  return count;
}
