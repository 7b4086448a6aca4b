import { useTranslation } from "react-i18next";

/** Placeholder until the feature lands; replaced by the feature's page. */
export function PolicyPage() {
  const { t } = useTranslation();
  return <div className="page" data-testid="policy-page">{t("nav.policy")}</div>;
}
