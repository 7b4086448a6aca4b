import { useCallback, useEffect, useRef, useState } from "react";
import { useOpenRequest } from "../../app/navigation";
import { useTranslation } from "react-i18next";
import type { Event } from "../../bindings/Event";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventSummary } from "../../bindings/EventSummary";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CalendarIcon, GridIcon, PlusIcon } from "../../components/Icons";
import { SegmentedTabs, type SegmentedTab } from "../../components/SegmentedTabs";
import { useToast } from "../../components/Toasts";
import { Tooltip } from "../../components/Tooltip";
import { todayIso } from "../../lib/dates";
import { isEditableTarget, isOverlayOpen } from "../../lib/platform";
import { CheckInScreen } from "./CheckInScreen";
import { EventCalendar } from "./EventCalendar";
import { EventDetailView, type DetailTab } from "./EventDetailView";
import { EventFormDialog } from "./EventFormDialog";
import { EventTable, type EventTableHandle } from "./EventTable";
import { useEventDetail, useEvents } from "./useEvents";

type View = { kind: "list" } | { kind: "calendar" } | { kind: "event"; id: string; back: "list" | "calendar" } | { kind: "checkin"; id: string; back: "list" | "calendar" };

type FormState = { open: false } | { open: true; mode: "create" } | { open: true; mode: "edit"; event: Event };

const INTERACTIVE = "button, a, input, select, textarea, [role='button'], [role='tab'], [role='option'], [role='gridcell']";

/**
 * The month the calendar opens on: this month when an event is still to come, otherwise the
 * month of the latest event (so a coordinator looking back lands on something).
 */
function calendarMonth(events: EventSummary[]): string {
  const today = todayIso();
  if (events.length === 0 || events.some((e) => e.starts_at.slice(0, 10) >= today)) return today.slice(0, 7);
  return events.reduce((latest, e) => (e.starts_at > latest ? e.starts_at : latest), "").slice(0, 7);
}

/** Events: list and month calendar, one event's detail, and the check-in screen. */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const list = useEvents();
  const [view, setView] = useState<View>({ kind: "list" });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>({ open: false });
  const [tab, setTab] = useState<DetailTab>("programme");
  const tableRef = useRef<EventTableHandle>(null);
  const detailId = view.kind === "event" || view.kind === "checkin" ? view.id : null;
  const detail = useEventDetail(detailId);
  const overview: "list" | "calendar" = view.kind === "list" || view.kind === "calendar" ? view.kind : view.back;

  const openEvent = useCallback(
    (id: string) => {
      setSelectedId(id);
      setTab("programme");
      setView({ kind: "event", id, back: overview });
    },
    [overview],
  );
  const backToOverview = useCallback(() => {
    setView({ kind: overview });
    list.refresh();
  }, [list, overview]);
  const openCreate = useCallback(() => setForm({ open: true, mode: "create" }), []);
  // Opened from the command palette: open an event, or start a new one.
  useOpenRequest("events", (request) => {
    if (request.openId) openEvent(request.openId);
    if (request.action === "new") openCreate();
  });

  const onSaved = (saved: EventDetail, created: boolean) => {
    setForm({ open: false });
    list.refresh();
    if (created) {
      openEvent(saved.event.id);
      toast.success(t("eventForm.created", { title: saved.event.title }));
    } else {
      detail.replace(saved);
      toast.success(t("eventForm.saved", { title: saved.event.title }));
    }
  };

  const moveSelection = useCallback(
    (delta: number) => {
      const ids = tableRef.current?.visibleIds() ?? [];
      if (ids.length === 0) return;
      const current = selectedId ? ids.indexOf(selectedId) : -1;
      const next = Math.min(ids.length - 1, Math.max(0, current < 0 ? 0 : current + delta));
      const id = ids[next];
      if (!id) return;
      setSelectedId(id);
      tableRef.current?.focus();
      tableRef.current?.scrollToId(id);
    },
    [selectedId],
  );

  const keyState = useRef({ view, selectedId, moveSelection, openCreate, openEvent, backToOverview });
  keyState.current = { view, selectedId, moveSelection, openCreate, openEvent, backToOverview };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const s = keyState.current;
      const mod = event.ctrlKey || event.metaKey;
      const editable = isEditableTarget(event.target);
      if (event.key.toLowerCase() === "n" && !event.altKey && !event.shiftKey && (mod || !editable) && s.view.kind !== "checkin") {
        if (isOverlayOpen()) return;
        event.preventDefault();
        s.openCreate();
        return;
      }
      if (event.defaultPrevented || isOverlayOpen()) return;
      if (event.key === "Escape") {
        if (!editable && s.view.kind === "event") {
          event.preventDefault();
          s.backToOverview();
        }
        return;
      }
      if (s.view.kind !== "list" || editable || mod || event.altKey) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        s.moveSelection(event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Enter") {
        const target = event.target;
        if (target instanceof Element && target.closest(INTERACTIVE)) return;
        if (s.selectedId) {
          event.preventDefault();
          s.openEvent(s.selectedId);
        }
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const formDialog = (
    <EventFormDialog
      open={form.open}
      mode={form.open && form.mode === "edit" ? { kind: "edit", event: form.event } : { kind: "create" }}
      onOpenChange={(open) => {
        if (!open) setForm({ open: false });
      }}
      onSaved={onSaved}
    />
  );

  if (view.kind === "checkin") {
    return (
      <div className="page">
        <CheckInScreen
          eventId={view.id}
          event={detail.detail?.event ?? null}
          onBack={() => {
            setView({ kind: "event", id: view.id, back: view.back });
            detail.reload();
          }}
        />
      </div>
    );
  }

  if (view.kind === "event") {
    return (
      <div className="page">
        <EventDetailView
          detail={detail.detail}
          loading={detail.loading}
          error={detail.error}
          onRetry={detail.reload}
          onReload={detail.reload}
          onBack={backToOverview}
          onEdit={(event) => setForm({ open: true, mode: "edit", event })}
          onChanged={detail.replace}
          onCheckIn={() => setView({ kind: "checkin", id: view.id, back: view.back })}
          otherEvents={(list.events ?? []).filter((e) => e.id !== view.id)}
          tab={tab}
          onTab={setTab}
        />
        {formDialog}
      </div>
    );
  }

  const events = list.events;
  const count = events?.length ?? null;
  const tabs: Array<SegmentedTab<"list" | "calendar">> = [
    { id: "list", label: t("events.tabs.list"), icon: <GridIcon size={14} />, testId: "events-tab-list" },
    { id: "calendar", label: t("events.tabs.calendar"), icon: <CalendarIcon size={14} />, testId: "events-tab-calendar" },
  ];

  let body;
  if (list.error && !events) {
    body = <ErrorBanner error={list.error} onRetry={list.refresh} testId="events-error" />;
  } else if (events && events.length === 0 && view.kind === "list") {
    body = (
      <EmptyState
        icon={<CalendarIcon size={28} />}
        title={t("events.emptyTitle")}
        body={t("events.emptyBody")}
        testId="events-empty"
        actions={
          <Button variant="primary" icon={<PlusIcon size={14} />} onClick={openCreate}>
            {t("events.new")}
          </Button>
        }
      />
    );
  } else if (events) {
    body = (
      <>
        {list.error && <ErrorBanner error={list.error} onRetry={list.refresh} testId="events-error" />}
        {view.kind === "calendar" ? (
          <EventCalendar events={events} onOpen={openEvent} initialMonth={calendarMonth(events)} />
        ) : (
          <EventTable ref={tableRef} events={events} selectedId={selectedId} onRowClick={openEvent} />
        )}
      </>
    );
  } else {
    body = <p className="page-loading">{t("common.loading")}</p>;
  }

  return (
    <div className="page" data-testid="events-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("events.title")}</h1>
          <span className="page-count" data-testid="events-count" aria-live="polite">
            {count === null ? t("common.loading") : t("events.count", { count, formatted: count.toLocaleString(i18n.language) })}
          </span>
          {list.loading && events && <span className="loading-dot" aria-hidden="true" />}
        </div>
        <SegmentedTabs tabs={tabs} active={overview} onSelect={(next) => setView({ kind: next })} label={t("events.tabs.label")} />
        <div className="toolbar" role="toolbar" aria-label={t("events.toolbar")}>
          <Tooltip content={t("events.newTooltip")} shortcut="N">
            <Button variant="primary" icon={<PlusIcon size={14} />} onClick={openCreate} data-testid="event-new" aria-keyshortcuts="N Control+N Meta+N">
              {t("events.new")}
            </Button>
          </Tooltip>
        </div>
      </header>
      <div className="page-body">
        <section className="list-area" aria-label={t("events.title")}>
          {body}
        </section>
      </div>
      {formDialog}
    </div>
  );
}
