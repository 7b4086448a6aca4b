import { useTranslation } from "react-i18next";
import type { MembershipStatus } from "../../bindings/MembershipStatus";

/** Coloured membership-status pill; "No membership" when null. */
export function StatusPill({ status }: { status: MembershipStatus | null }) {
  const { t } = useTranslation();
  return <StatusPillView status={status} label={status ? t(`status.${status}`) : t("membership.none")} />;
}

/** Hook-free pill for hot paths (table cells): the caller passes the translated label. */
export function StatusPillView({ status, label }: { status: MembershipStatus | null; label: string }) {
  if (!status) return <span className="pill pill-none">{label}</span>;
  return (
    <span className={`pill pill-${status}`} data-status={status}>
      <span className="pill-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

export function StatusDot({ status }: { status: MembershipStatus }) {
  return <span className={`pill-dot dot-${status}`} aria-hidden="true" />;
}
