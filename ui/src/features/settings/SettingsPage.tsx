import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { BackupsSection } from "./BackupsSection";
import { SecuritySection } from "./SecuritySection";
import { ProfileSection } from "../profile/ProfileSection";

/** One section of the Settings page; each feature adds its own to `SETTINGS_SECTIONS`. */
export interface SettingsSection {
  id: string;
  Component: ComponentType;
}

/** The Settings page's sections, in order (a section renders its own `<section>` and heading). */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: "profile", Component: ProfileSection },
  { id: "backups", Component: BackupsSection },
  { id: "security", Component: SecuritySection },
];

/** Settings of this store and this computer, one section after another. */
export function SettingsPage({ sections = SETTINGS_SECTIONS }: { sections?: readonly SettingsSection[] }) {
  const { t } = useTranslation();
  return (
    <div className="page settings-page" data-testid="settings-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("settings.title")}</h1>
        </div>
      </header>
      <div className="settings-sections">
        {sections.map(({ id, Component }) => (
          <Component key={id} />
        ))}
      </div>
    </div>
  );
}
