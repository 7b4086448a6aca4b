import * as Toast from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../bindings/ApiError";
import { toApiError } from "../api/errors";
import { AlertIcon, CheckIcon, CloseIcon } from "./Icons";

type ToastKind = "success" | "error" | "info";

/** A button in a toast (e.g. "Undo"); clicking it runs `onClick` and dismisses the toast. */
export interface ToastAction {
  label: string;
  onClick: () => void;
  testId?: string;
}

interface ToastItem {
  id: number;
  kind: ToastKind;
  title: string;
  description?: string;
  action?: ToastAction;
}

interface ToastApi {
  success(title: string, description?: string, action?: ToastAction): void;
  info(title: string, description?: string, action?: ToastAction): void;
  /** Shows any rejection (normalised to ApiError) with its message. */
  error(error: unknown, title?: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const push = useCallback((item: Omit<ToastItem, "id">) => {
    const id = nextId.current++;
    setItems((prev) => [...prev.slice(-4), { ...item, id }]);
  }, []);

  const remove = useCallback((id: number) => setItems((prev) => prev.filter((i) => i.id !== id)), []);

  const api = useMemo<ToastApi>(
    () => ({
      success: (title, description, action) =>
        push({ kind: "success", title, ...(description ? { description } : {}), ...(action ? { action } : {}) }),
      info: (title, description, action) =>
        push({ kind: "info", title, ...(description ? { description } : {}), ...(action ? { action } : {}) }),
      error: (error, title) => {
        const apiError: ApiError = toApiError(error);
        push({
          kind: "error",
          title: title ?? t("errors.title"),
          description: `${apiError.message} (${apiError.code})`,
        });
      },
    }),
    [push, t],
  );

  return (
    <ToastContext.Provider value={api}>
      <Toast.Provider swipeDirection="right" label={t("toasts.label")}>
        {children}
        {items.map((item) => (
          <Toast.Root
            key={item.id}
            className={`toast toast-${item.kind}`}
            duration={item.kind === "error" || item.action ? 12000 : 5000}
            type={item.kind === "error" ? "foreground" : "background"}
            data-testid={`toast-${item.kind}`}
            onOpenChange={(open) => {
              if (!open) remove(item.id);
            }}
          >
            <span className="toast-icon" aria-hidden="true">
              {item.kind === "error" ? <AlertIcon size={16} /> : <CheckIcon size={16} />}
            </span>
            <div className="toast-text">
              <Toast.Title className="toast-title">{item.title}</Toast.Title>
              {item.description && <Toast.Description className="toast-description">{item.description}</Toast.Description>}
            </div>
            {item.action && (
              <Toast.Action
                altText={item.action.label}
                className="btn btn-secondary btn-sm toast-action"
                onClick={item.action.onClick}
                data-testid={item.action.testId ?? "toast-action"}
              >
                {item.action.label}
              </Toast.Action>
            )}
            <Toast.Close className="icon-btn" aria-label={t("common.dismiss")}>
              <CloseIcon size={14} />
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() must be used inside <ToastProvider>");
  return api;
}
