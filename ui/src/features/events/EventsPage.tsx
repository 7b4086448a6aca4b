import { useTranslation } from "react-i18next";

/** Placeholder until the feature lands; replaced by the feature's page. */
export function EventsPage() {
  const { t } = useTranslation();
  return <div className="page" data-testid="events-page">{t("nav.events")}</div>;
}
