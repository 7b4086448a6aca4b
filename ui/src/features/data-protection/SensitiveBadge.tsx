import { useTranslation } from "react-i18next";

/** The visible mark of a person flagged sensitive (lists and detail). */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <span className="sensitive-badge" title={t("privacy.badgeTitle")} data-testid="sensitive-badge">
      {t("privacy.badge")}
    </span>
  );
}
