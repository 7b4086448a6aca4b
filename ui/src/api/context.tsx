import { createContext, useContext, useMemo, type ReactNode } from "react";
import { tauriBackend, type Backend } from "./backend";
import { tauriFilePicker, type FilePicker } from "./files";

interface BackendContextValue {
  backend: Backend;
  files: FilePicker;
}

const BackendContext = createContext<BackendContextValue | null>(null);

export function BackendProvider({
  backend = tauriBackend,
  files = tauriFilePicker,
  children,
}: {
  backend?: Backend;
  files?: FilePicker;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ backend, files }), [backend, files]);
  return <BackendContext.Provider value={value}>{children}</BackendContext.Provider>;
}

function useBackendContext(): BackendContextValue {
  const value = useContext(BackendContext);
  if (!value) throw new Error("useBackend() must be used inside <BackendProvider>");
  return value;
}

/** The typed backend; the only way components reach the core. */
export function useBackend(): Backend {
  return useBackendContext().backend;
}

/** Native open/save pickers. */
export function useFilePicker(): FilePicker {
  return useBackendContext().files;
}
