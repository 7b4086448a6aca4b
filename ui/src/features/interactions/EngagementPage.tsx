import { useTranslation } from "react-i18next";

/** Placeholder until the feature lands; replaced by the feature's page. */
export function EngagementPage() {
  const { t } = useTranslation();
  return <div className="page" data-testid="interactions-page">{t("nav.engagement")}</div>;
}
