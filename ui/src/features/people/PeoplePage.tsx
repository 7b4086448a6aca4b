import { useTranslation } from "react-i18next";

/** Placeholder until the feature lands; replaced by the feature's page. */
export function PeoplePage() {
  const { t } = useTranslation();
  return <div className="page" data-testid="people-page">{t("nav.people")}</div>;
}
