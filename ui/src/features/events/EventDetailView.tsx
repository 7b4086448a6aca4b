import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Event } from "../../bindings/Event";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventSummary } from "../../bindings/EventSummary";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CheckIcon, ChevronLeftIcon, PencilIcon } from "../../components/Icons";
import { SegmentedTabs, type SegmentedTab } from "../../components/SegmentedTabs";
import { Tooltip } from "../../components/Tooltip";
import { AttendancePanel } from "./AttendancePanel";
import { ExportsTab } from "./ExportsTab";
import { ParticipantsTab } from "./ParticipantsTab";
import { EventStatusPill } from "./pills";
import { ProgrammeTab } from "./ProgrammeTab";
import { TasksTab } from "./TasksTab";
import { formatRange, zoneLabelAt } from "./time";
import { HistoryPanel } from "../history/HistoryPanel";

export type DetailTab = "programme" | "participants" | "tasks" | "exports" | "attendance" | "history";

/** One event: header, and the programme, participants, tasks, exports and attendance tabs. */
export function EventDetailView({
  detail,
  loading,
  error,
  onRetry,
  onReload,
  onBack,
  onEdit,
  onChanged,
  onCheckIn,
  otherEvents,
  tab,
  onTab,
}: {
  detail: EventDetail | null;
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
  onReload: () => void;
  onBack: () => void;
  onEdit: (event: Event) => void;
  onChanged: (detail: EventDetail) => void;
  onCheckIn: () => void;
  otherEvents: EventSummary[];
  /** The open tab (kept by the page, so coming back from check-in returns to it). */
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
}) {
  const { t } = useTranslation();
  const event = detail?.event;
  const overdue = detail?.tasks.filter((task) => task.overdue).length ?? 0;

  const tabs: Array<SegmentedTab<DetailTab>> = [
    { id: "programme", label: t("events.detail.programme"), testId: "event-tab-programme" },
    { id: "participants", label: t("events.detail.participants"), testId: "event-tab-participants" },
    {
      id: "tasks",
      label: overdue > 0 ? t("events.detail.tasksOverdue", { count: overdue }) : t("events.detail.tasks"),
      testId: "event-tab-tasks",
    },
    { id: "exports", label: t("events.detail.exports"), testId: "event-tab-exports" },
    { id: "attendance", label: t("events.detail.attendance"), testId: "event-tab-attendance" },
    { id: "history", label: t("history.title"), testId: "event-tab-history" },
  ];

  return (
    <div className="letter-detail event-detail" data-testid="event-detail" aria-label={event?.title ?? t("events.detailLabel")}>
      <header className="page-header letter-header">
        <div className="letter-heading">
          <Tooltip content={t("events.back")} shortcut={t("keys.esc")}>
            <button type="button" className="icon-btn" onClick={onBack} aria-label={t("events.back")} data-testid="event-back">
              <ChevronLeftIcon size={16} />
            </button>
          </Tooltip>
          <div className="letter-heading-text">
            <h1 className="page-title letter-title" data-testid="event-title">
              {event ? event.title : loading ? t("common.loading") : t("events.detailLabel")}
            </h1>
            {event && (
              <div className="detail-subtitle">
                <span className="reference">{event.reference}</span>
                <EventStatusPill status={event.status} label={t(`eventStatus.${event.status}`)} />
                <span>{t(`eventKind.${event.kind}`)}</span>
                <span className="dot-sep" aria-hidden="true">
                  ·
                </span>
                <span data-testid="event-when">
                  {formatRange(event.starts_at, event.ends_at)}{" "}
                  <span className="zone-label" title={event.time_zone}>
                    {event.zone_label || zoneLabelAt(event.time_zone, event.starts_at)} ({event.time_zone})
                  </span>
                </span>
                {(event.venue_name || event.online_link) && (
                  <>
                    <span className="dot-sep" aria-hidden="true">
                      ·
                    </span>
                    <span data-testid="event-venue">
                      {[event.venue_name, event.venue_room, event.venue_address].filter(Boolean).join(", ") || t("events.online")}
                    </span>
                  </>
                )}
              </div>
            )}
          </div>
        </div>
        {event && (
          <div className="toolbar" role="toolbar" aria-label={t("events.detailToolbar")}>
            <Button icon={<CheckIcon size={14} />} onClick={onCheckIn} data-testid="event-checkin">
              {t("events.checkIn")}
            </Button>
            <Button icon={<PencilIcon size={14} />} onClick={() => onEdit(event)} data-testid="event-edit">
              {t("events.edit")}
            </Button>
          </div>
        )}
      </header>

      {error && (
        <div className="page-banner">
          <ErrorBanner error={error} onRetry={onRetry} testId="event-error" />
        </div>
      )}

      {event && detail && (
        <div className="letter-scroll event-scroll">
          {(event.organisers.length > 0 || event.online_link || event.notes) && (
            <dl className="props props-inline event-props">
              {event.organisers.length > 0 && (
                <div className="prop">
                  <dt className="prop-label">{t("eventForm.organisers")}</dt>
                  <dd className="prop-value">{event.organisers.map((o) => o.name).join(", ")}</dd>
                </div>
              )}
              {event.online_link && (
                <div className="prop">
                  <dt className="prop-label">{t("eventForm.link")}</dt>
                  <dd className="prop-value selectable">{event.online_link}</dd>
                </div>
              )}
              {event.notes && (
                <div className="prop">
                  <dt className="prop-label">{t("eventForm.notes")}</dt>
                  <dd className="prop-value selectable">{event.notes}</dd>
                </div>
              )}
            </dl>
          )}
          <SegmentedTabs tabs={tabs} active={tab} onSelect={onTab} label={t("events.detail.label")} />
          <div className="event-tab-body" role="tabpanel" aria-label={tabs.find((x) => x.id === tab)?.label}>
            {tab === "programme" && (
              <ProgrammeTab event={event} programme={detail.programme} onChanged={(programme) => onChanged({ ...detail, programme })} />
            )}
            {tab === "participants" && (
              <ParticipantsTab event={event} onCounts={(counts) => onChanged({ ...detail, counts })} />
            )}
            {tab === "tasks" && (
              <TasksTab event={event} tasks={detail.tasks} otherEvents={otherEvents} onChanged={(tasks) => onChanged({ ...detail, tasks })} />
            )}
            {tab === "exports" && <ExportsTab event={event} programme={detail.programme} onReload={onReload} />}
            {tab === "attendance" && <AttendancePanel event={event} />}
            {tab === "history" && <HistoryPanel entity="event" id={event.id} onChanged={onReload} defaultOpen />}
          </div>
        </div>
      )}
    </div>
  );
}
