import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n";
import "./styles/app.css";
import { hasTauriRuntime, tauriBackend } from "./api/backend";
import { tauriFilePicker } from "./api/files";
import { App } from "./app/App";
import { CrashScreen } from "./app/CrashScreen";

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <CrashScreen>
      <App backend={tauriBackend} files={tauriFilePicker} runtimeMissing={!hasTauriRuntime()} start="auto" />
    </CrashScreen>
  </StrictMode>,
);
