import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BackendProvider } from "../api/context";
import type { Backend } from "../api/backend";
import type { FilePicker } from "../api/files";
import { AlertIcon } from "../components/Icons";
import { ToastProvider } from "../components/Toasts";
import { TooltipProvider } from "../components/Tooltip";
import { CountriesProvider } from "../features/organisations/countries";
import { LettersPage } from "../features/letters/LettersPage";
import { SeatsPage } from "../features/seats/SeatsPage";
import { OrganisationsPage } from "../features/organisations/OrganisationsPage";
import { PeoplePage } from "../features/people/PeoplePage";
import { PolicyPage } from "../features/policy/PolicyPage";
import { StancesPage } from "../features/stances/StancesPage";
import { EngagementPage } from "../features/interactions/EngagementPage";
import { EventsPage } from "../features/events/EventsPage";
import type { NavId } from "./nav";
import { Sidebar } from "./Sidebar";
import { CommandPalette } from "../features/search/CommandPalette";
import { NavigationProvider } from "./navigation";
import { StatusBar } from "./StatusBar";
import { StoreInfoProvider } from "./storeInfo";

function Shell({ runtimeMissing }: { runtimeMissing: boolean }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<NavId>("organisations");
  return (
    // The command palette (Ctrl+K) opens pages with a record or a dialog to open there.
    <NavigationProvider onPage={setActive}>
    <div className="app">
      <Sidebar active={active} onNavigate={setActive} />
      <div className="main">
        {runtimeMissing && (
          <div className="runtime-banner" role="alert" data-testid="runtime-missing">
            <AlertIcon size={16} />
            <span>
              <strong>{t("errors.noRuntimeTitle")}</strong> {t("errors.noRuntime")}
            </span>
          </div>
        )}
        {/* One page at a time: each page owns its keyboard shortcuts while mounted. */}
        <main className="content">
          {active === "organisations" && <OrganisationsPage />}
          {active === "people" && <PeoplePage />}
          {active === "policy" && <PolicyPage />}
          {active === "stances" && <StancesPage />}
          {active === "engagement" && <EngagementPage />}
          {active === "events" && <EventsPage />}
          {active === "letters" && <LettersPage />}
          {active === "seats" && <SeatsPage />}
        </main>
        <StatusBar />
      </div>
      <CommandPalette />
    </div>
    </NavigationProvider>
  );
}

/** The whole UI with its providers; tests pass a fake backend and file picker. */
export function App({
  backend,
  files,
  runtimeMissing = false,
}: {
  backend?: Backend;
  files?: FilePicker;
  runtimeMissing?: boolean;
}) {
  return (
    <BackendProvider {...(backend ? { backend } : {})} {...(files ? { files } : {})}>
      <TooltipProvider delayDuration={400} skipDelayDuration={200}>
        <ToastProvider>
          <StoreInfoProvider>
            <CountriesProvider>
              <Shell runtimeMissing={runtimeMissing} />
            </CountriesProvider>
          </StoreInfoProvider>
        </ToastProvider>
      </TooltipProvider>
    </BackendProvider>
  );
}
