import { useTranslation } from "react-i18next";
import type { StanceLevel } from "../../bindings/StanceLevel";

/** A stance level as a coloured pill. */
export function LevelPill({ level, testId }: { level: StanceLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill-stance-${level}`} data-testid={testId} data-level={level}>
      <span className="pill-dot" aria-hidden="true" />
      {t(`stanceLevel.${level}`)}
    </span>
  );
}
