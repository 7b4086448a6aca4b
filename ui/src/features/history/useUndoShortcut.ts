import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useBackend } from "../../api/context";
import { useToast } from "../../components/Toasts";
import { announceHistoryChanged } from "./events";
import { namedLabel } from "./format";

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Ctrl+Z (⌘Z) outside text fields undoes the last change, with a toast saying what was
 * undone, or the reason it cannot be. Returns the same action for an "Undo last change" button.
 */
export function useUndoShortcut(onUndone: () => void): () => Promise<void> {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const undone = useRef(onUndone);
  undone.current = onUndone;

  const undoLast = useCallback(async () => {
    try {
      const report = await backend.historyUndoLast();
      const exists = (key: string) => i18n.exists(key);
      toast.success(
        t("history.undoneToast"),
        t("history.undoneToastBody", {
          action: namedLabel(t, exists, "historyAction", report.action),
          entity: namedLabel(t, exists, "historyEntity", report.entity).toLowerCase(),
        }),
      );
      announceHistoryChanged();
      undone.current();
    } catch (e) {
      toast.error(e, t("history.undoLast"));
    }
  }, [backend, i18n, t, toast]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== "z") return;
      if (typing(event.target) || event.defaultPrevented) return;
      if (document.querySelector("[role='dialog'], [role='alertdialog']")) return;
      event.preventDefault();
      void undoLast();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undoLast]);

  return undoLast;
}
