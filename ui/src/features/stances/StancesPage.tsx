import { useTranslation } from "react-i18next";

/** Placeholder until the feature lands; replaced by the feature's page. */
export function StancesPage() {
  const { t } = useTranslation();
  return <div className="page" data-testid="stances-page">{t("nav.stances")}</div>;
}
