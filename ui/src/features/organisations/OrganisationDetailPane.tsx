import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { OrganisationDetail } from "../../bindings/OrganisationDetail";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { ArchiveIcon, CloseIcon, FlagIcon, PencilIcon, PlusIcon, RestoreIcon } from "../../components/Icons";
import { Tooltip } from "../../components/Tooltip";
import { useToast } from "../../components/Toasts";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useCountries } from "./countries";
import { ChangeStatusDialog, MembershipEditDialog, MembershipStartDialog } from "./MembershipDialogs";
import { StatusPill } from "./StatusPill";
import { OrganisationPeopleSection } from "../people/OrganisationPeopleSection";
import { Timeline } from "../interactions/Timeline";
import { HistoryPanel } from "../history/HistoryPanel";

type OpenDialog = "status" | "membership" | "start" | "archive" | null;

function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="prop">
      <dt className="prop-label">{label}</dt>
      <dd className="prop-value">{children}</dd>
    </div>
  );
}

function Empty() {
  return <span className="cell-empty">—</span>;
}

export function OrganisationDetailPane({
  detail,
  loading,
  error,
  onRetry,
  onClose,
  onEdit,
  onChanged,
}: {
  detail: OrganisationDetail | null;
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
  onClose: () => void;
  onEdit: () => void;
  /** A mutation returned a fresh detail: show it and refresh the list. */
  onChanged: (detail: OrganisationDetail) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const { nameOf } = useCountries();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [archiveBusy, setArchiveBusy] = useState(false);
  const [archiveError, setArchiveError] = useState<ApiError | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);

  const org = detail?.organisation;
  const membership = detail?.membership ?? null;

  const archive = async () => {
    if (!org) return;
    setArchiveBusy(true);
    setArchiveError(null);
    try {
      const saved = await backend.orgSetArchived(org.id, true);
      setDialog(null);
      onChanged(saved);
      toast.success(t("detail.archived", { name: saved.organisation.name }));
    } catch (raw) {
      setArchiveError(toApiError(raw));
    } finally {
      setArchiveBusy(false);
    }
  };

  const restore = async () => {
    if (!org) return;
    setRestoreBusy(true);
    try {
      const saved = await backend.orgSetArchived(org.id, false);
      onChanged(saved);
      toast.success(t("detail.restored", { name: saved.organisation.name }));
    } catch (raw) {
      toast.error(raw, t("detail.restoreFailed"));
    } finally {
      setRestoreBusy(false);
    }
  };

  const saved = (d: OrganisationDetail) => {
    setDialog(null);
    onChanged(d);
  };

  // Newest first for reading; the core's order is left untouched otherwise.
  const history = detail
    ? [...detail.history].sort((a, b) =>
        a.effective_on === b.effective_on
          ? b.recorded_at.localeCompare(a.recorded_at)
          : b.effective_on.localeCompare(a.effective_on),
      )
    : [];

  return (
    <aside className="detail" data-testid="org-detail" aria-label={org?.name ?? t("detail.label")}>
      <header className="detail-header">
        <div className="detail-heading">
          {org ? (
            <>
              <h2 className="detail-title">{org.name}</h2>
              <div className="detail-subtitle">
                {org.short_name && <span className="tag">{org.short_name}</span>}
                <span>{t(`orgType.${org.org_type}`)}</span>
                <span className="dot-sep" aria-hidden="true">·</span>
                <span>
                  <span className="country-code">{org.country}</span> {nameOf(org.country)}
                </span>
                {org.archived && <span className="tag tag-archived">{t("orgs.archivedTag")}</span>}
              </div>
            </>
          ) : (
            <h2 className="detail-title">{loading ? t("common.loading") : t("detail.label")}</h2>
          )}
        </div>
        <Tooltip content={t("detail.close")} shortcut={t("keys.esc")}>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t("detail.close")} data-testid="org-detail-close">
            <CloseIcon size={16} />
          </button>
        </Tooltip>
      </header>

      {error && <ErrorBanner error={error} onRetry={onRetry} />}

      {org && detail && (
        <>
          <div className="detail-actions">
            <Button size="sm" icon={<PencilIcon size={14} />} onClick={onEdit} data-testid="org-edit">
              {t("detail.edit")}
            </Button>
            {org.archived ? (
              <Button size="sm" icon={<RestoreIcon size={14} />} onClick={restore} busy={restoreBusy} data-testid="org-restore">
                {t("detail.restore")}
              </Button>
            ) : (
              <Button
                size="sm"
                icon={<ArchiveIcon size={14} />}
                onClick={() => {
                  setArchiveError(null);
                  setDialog("archive");
                }}
                data-testid="org-archive"
              >
                {t("detail.archive")}
              </Button>
            )}
          </div>

          <div className="detail-scroll">
            <section className="detail-section" aria-labelledby="detail-membership">
              <div className="section-head">
                <h3 className="section-title" id="detail-membership">
                  {t("detail.membership")}
                </h3>
                {membership ? (
                  <div className="section-actions">
                    <Button size="sm" variant="ghost" icon={<FlagIcon size={14} />} onClick={() => setDialog("status")} data-testid="membership-change-status">
                      {t("membership.changeStatus")}
                    </Button>
                    <Button size="sm" variant="ghost" icon={<PencilIcon size={14} />} onClick={() => setDialog("membership")} data-testid="membership-edit">
                      {t("membership.editShort")}
                    </Button>
                  </div>
                ) : null}
              </div>
              {membership ? (
                <dl className="props">
                  <Property label={t("detail.status")}>
                    <StatusPill status={membership.status} />
                  </Property>
                  <Property label={t("detail.tier")}>{t(`tier.${membership.tier}`)}</Property>
                  <Property label={t("detail.joined")}>{membership.joined_on ? formatDate(membership.joined_on) : <Empty />}</Property>
                  <Property label={t("detail.left")}>{membership.left_on ? formatDate(membership.left_on) : <Empty />}</Property>
                </dl>
              ) : (
                <div className="detail-empty">
                  <p>{t("membership.noneYet")}</p>
                  <Button size="sm" variant="primary" icon={<PlusIcon size={14} />} onClick={() => setDialog("start")} data-testid="membership-start">
                    {t("membership.add")}
                  </Button>
                </div>
              )}
            </section>

            <section className="detail-section" aria-labelledby="detail-contact">
              <h3 className="section-title" id="detail-contact">
                {t("detail.details")}
              </h3>
              <dl className="props">
                <Property label={t("form.website")}>{org.website ? <span className="selectable">{org.website}</span> : <Empty />}</Property>
                <Property label={t("form.email")}>{org.email ? <span className="selectable">{org.email}</span> : <Empty />}</Property>
                <Property label={t("form.phone")}>{org.phone ? <span className="selectable">{org.phone}</span> : <Empty />}</Property>
                <Property label={t("form.country")}>
                  <span className="country-code">{org.country}</span> {nameOf(org.country)}
                </Property>
              </dl>
              <div className="notes">
                <div className="prop-label">{t("form.notes")}</div>
                {org.notes ? <p className="notes-text selectable">{org.notes}</p> : <p className="cell-empty">{t("detail.noNotes")}</p>}
              </div>
            </section>

            <OrganisationPeopleSection organisationId={org.id} organisationName={org.name} />

            <Timeline organisationId={org.id} name={org.name} />

            <section className="detail-section" aria-labelledby="detail-history">
              <h3 className="section-title" id="detail-history">
                {t("detail.history")}
              </h3>
              {history.length === 0 ? (
                <p className="cell-empty">{t("detail.noHistory")}</p>
              ) : (
                <ol className="timeline" data-testid="status-history">
                  {history.map((change) => (
                    <li key={change.id} className="timeline-item">
                      <span className={`timeline-dot dot-${change.to_status}`} aria-hidden="true" />
                      <div className="timeline-body">
                        <div className="timeline-line">
                          <span className="timeline-date">{formatDate(change.effective_on)}</span>
                          <span className="timeline-change">
                            {change.from_status ? (
                              <>
                                <StatusPill status={change.from_status} />
                                <span className="arrow" aria-label={t("detail.to")}>
                                  →
                                </span>
                              </>
                            ) : (
                              <span className="timeline-start">{t("detail.started")}</span>
                            )}
                            <StatusPill status={change.to_status} />
                          </span>
                        </div>
                        {change.note && <p className="timeline-note">{change.note}</p>}
                        <p className="timeline-meta">{t("detail.recordedAt", { when: formatDateTime(change.recorded_at) })}</p>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>

            <HistoryPanel entity="organisation" id={org.id} onChanged={onRetry} />

            <p className="detail-meta">
              {t("detail.createdUpdated", {
                created: formatDateTime(org.created_at),
                updated: formatDateTime(org.updated_at),
              })}
            </p>
          </div>

          <ConfirmDialog
            open={dialog === "archive"}
            onOpenChange={(open) => !archiveBusy && setDialog(open ? "archive" : null)}
            title={t("detail.archiveTitle")}
            body={t("detail.archiveBody", { name: org.name })}
            confirmLabel={t("detail.archive")}
            onConfirm={archive}
            busy={archiveBusy}
            error={archiveError}
            danger
            testId="archive-confirm"
          />
          {membership && (
            <>
              <ChangeStatusDialog
                open={dialog === "status"}
                onOpenChange={(open) => setDialog(open ? "status" : null)}
                organisationId={org.id}
                organisationName={org.name}
                current={membership.status}
                onSaved={saved}
              />
              <MembershipEditDialog
                open={dialog === "membership"}
                onOpenChange={(open) => setDialog(open ? "membership" : null)}
                organisationId={org.id}
                organisationName={org.name}
                membership={membership}
                onSaved={saved}
              />
            </>
          )}
          <MembershipStartDialog
            open={dialog === "start"}
            onOpenChange={(open) => setDialog(open ? "start" : null)}
            organisationId={org.id}
            organisationName={org.name}
            onSaved={saved}
          />
        </>
      )}
    </aside>
  );
}
