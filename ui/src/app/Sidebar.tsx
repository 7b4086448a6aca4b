import { useTranslation } from "react-i18next";
import { NAV_ITEMS, type NavId } from "./nav";
import { useStoreInfo } from "./storeInfo";
import { useOverdueCount } from "../features/interactions/useOverdueCount";
import { openPalette } from "../features/search/CommandPalette";
import { SearchIcon } from "../components/Icons";
import { Kbd } from "../components/Kbd";
import { useLock } from "../features/lock/LockGate";
import { LockNowButton } from "../features/lock/LockScreen";

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="22" height="22" rx="6" fill="var(--accent)" />
      <circle cx="9" cy="10" r="3" fill="none" stroke="white" strokeWidth="1.8" />
      <circle cx="15" cy="10" r="3" fill="none" stroke="white" strokeWidth="1.8" />
      <path d="M6 17.5c1.2-1.6 3-2.5 6-2.5s4.8.9 6 2.5" fill="none" stroke="white" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

export function Sidebar({ active, onNavigate }: { active: NavId; onNavigate: (id: NavId) => void }) {
  const { t, i18n } = useTranslation();
  const { info } = useStoreInfo();
  const overdue = useOverdueCount();
  const lock = useLock();
  return (
    <nav className="sidebar" aria-label={t("nav.label")}>
      <div className="brand">
        <Logo />
        <span className="brand-name">{t("app.name")}</span>
      </div>
      <button type="button" className="sidebar-search" onClick={openPalette} aria-keyshortcuts="Control+K Meta+K" data-testid="sidebar-search">
        <SearchIcon size={14} />
        <span className="sidebar-search-label">{t("nav.search")}</span>
        <Kbd>{t("nav.searchKeys")}</Kbd>
      </button>
      <ul className="nav-list">
        {NAV_ITEMS.map((item) => {
          const Icon = item.icon;
          const isActive = item.id === active;
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`nav-item ${isActive ? "is-active" : ""}`}
                aria-current={isActive ? "page" : undefined}
                onClick={() => onNavigate(item.id)}
                data-testid={`nav-${item.id}`}
              >
                <Icon size={16} />
                <span className="nav-label">{t(item.labelKey)}</span>
                {item.id === "organisations" && info && (
                  <span className="nav-count">{info.organisations.toLocaleString(i18n.language)}</span>
                )}
                {item.id === "engagement" && overdue ? (
                  <span className="nav-count eng-nav-overdue" title={t("engagement.overdueBadge", { count: overdue })} data-testid="nav-overdue">
                    {overdue.toLocaleString(i18n.language)}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      <LockNowButton shown={lock?.status?.encrypted === true} onLock={() => lock?.lockNow()} />
    </nav>
  );
}
