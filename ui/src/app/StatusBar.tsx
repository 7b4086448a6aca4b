import { useTranslation } from "react-i18next";
import { DatabaseIcon } from "../components/Icons";
import { Kbd } from "../components/Kbd";
import { modKeyLabelKey } from "../lib/platform";
import { useStoreInfo } from "./storeInfo";

export function StatusBar() {
  const { t } = useTranslation();
  const { info, error } = useStoreInfo();
  const mod = t(modKeyLabelKey());
  return (
    <footer className="statusbar">
      <span className="statusbar-store" data-testid="store-path" title={info?.path ?? error?.message ?? ""}>
        <DatabaseIcon size={12} />
        {info ? (
          <>
            <span className="statusbar-path">{info.path}</span>
            <span className="statusbar-muted">{t("statusbar.schema", { version: info.schema_version })}</span>
          </>
        ) : error ? (
          <span className="statusbar-error" role="alert">
            {t("statusbar.storeError", { message: error.message })}
          </span>
        ) : (
          <span className="statusbar-muted">{t("common.loading")}</span>
        )}
      </span>
      <span className="statusbar-hints" aria-label={t("shortcuts.label")}>
        <span>
          <Kbd>{mod}</Kbd>
          <Kbd>N</Kbd> {t("shortcuts.new")}
        </span>
        <span>
          <Kbd>/</Kbd> {t("shortcuts.filter")}
        </span>
        <span>
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> {t("shortcuts.move")}
        </span>
        <span>
          <Kbd>{t("keys.enter")}</Kbd> {t("shortcuts.open")}
        </span>
        <span>
          <Kbd>{t("keys.esc")}</Kbd> {t("shortcuts.close")}
        </span>
      </span>
    </footer>
  );
}
