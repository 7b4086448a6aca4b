import { useEffect, useState } from "react";
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
import { RecoveryGate } from "../features/settings/RecoveryGate";
import { LockGate } from "../features/lock/LockGate";
import { SettingsPage } from "../features/settings/SettingsPage";
import { DataProtectionPage } from "../features/data-protection/DataProtectionPage";
import { OrganisationsPage } from "../features/organisations/OrganisationsPage";
import { PeoplePage } from "../features/people/PeoplePage";
import { PolicyPage } from "../features/policy/PolicyPage";
import { StancesPage } from "../features/stances/StancesPage";
import { EngagementPage } from "../features/interactions/EngagementPage";
import { EventsPage } from "../features/events/EventsPage";
import { HomePage } from "../features/dashboard/HomePage";
import type { NavId } from "./nav";
import { Sidebar } from "./Sidebar";
import { CommandPalette } from "../features/search/CommandPalette";
import { NavigationProvider } from "./navigation";
import { StatusBar } from "./StatusBar";
import { ProfileBanner } from "../features/profile/ProfileBanner";
import { useUndoShortcut } from "../features/history/useUndoShortcut";
import { StoreInfoProvider, useStoreInfo } from "./storeInfo";

/** The page shown first: a page, or "auto" (Home, or Organisations with its demo offer while the store is empty). */
export type StartPage = NavId | "auto";

function Shell({ runtimeMissing, start }: { runtimeMissing: boolean; start: StartPage }) {
  const { t } = useTranslation();
  const storeInfo = useStoreInfo();
  const [chosen, setActive] = useState<NavId | null>(start === "auto" ? null : start);
  useEffect(() => {
    if (chosen !== null) return;
    if (storeInfo.info) setActive(storeInfo.info.organisations > 0 ? "home" : "organisations");
    else if (storeInfo.error) setActive("home");
  }, [chosen, storeInfo.info, storeInfo.error]);
  const active: NavId = chosen ?? "home";
  // After a global undo (Ctrl+Z) the page is remounted, so it shows the restored data.
  const [revision, setRevision] = useState(0);
  useUndoShortcut(() => setRevision((r) => r + 1));
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
        <ProfileBanner />
        <main className="content" key={revision}>
          {chosen === "home" && <HomePage onNavigate={setActive} />}
          {active === "organisations" && <OrganisationsPage />}
          {active === "people" && <PeoplePage />}
          {active === "policy" && <PolicyPage />}
          {active === "stances" && <StancesPage />}
          {active === "engagement" && <EngagementPage />}
          {active === "events" && <EventsPage />}
          {active === "letters" && <LettersPage />}
          {active === "seats" && <SeatsPage />}
          {active === "privacy" && <DataProtectionPage />}
          {active === "settings" && <SettingsPage />}
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
  start = "organisations",
}: {
  backend?: Backend;
  files?: FilePicker;
  runtimeMissing?: boolean;
  /** The first page; the app itself starts on "auto". */
  start?: StartPage;
}) {
  return (
    <BackendProvider {...(backend ? { backend } : {})} {...(files ? { files } : {})}>
      <TooltipProvider delayDuration={400} skipDelayDuration={200}>
        <ToastProvider>
          <StoreInfoProvider>
            {/* An encrypted store shows the lock screen until unlocked; locking unmounts all below. */}
            <LockGate>
            <RecoveryGate>
            <CountriesProvider>
              <Shell runtimeMissing={runtimeMissing} start={start} />
            </CountriesProvider>
            </RecoveryGate>
            </LockGate>
          </StoreInfoProvider>
        </ToastProvider>
      </TooltipProvider>
    </BackendProvider>
  );
}
