import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { EventSummary } from "../../bindings/EventSummary";
import { ChevronLeftIcon, ChevronRightIcon } from "../../components/Icons";
import { todayIso } from "../../lib/dates";
import { addDays, formatLongDate, monthGrid, monthOf, monthTitle, shiftMonth, splitLocal, type MonthKey } from "./time";

/**
 * A month grid (Monday first) with the events on their local start day. Arrow keys move the
 * focused day (a week with ↑/↓), PageUp/PageDown change month, Enter opens the day's first event.
 */
export function EventCalendar({
  events,
  onOpen,
  today = todayIso(),
  initialMonth,
}: {
  events: EventSummary[];
  onOpen: (id: string) => void;
  today?: string;
  initialMonth?: MonthKey;
}) {
  const { t } = useTranslation();
  const [focusDay, setFocusDay] = useState<string>(() => (initialMonth && initialMonth !== monthOf(today) ? `${initialMonth}-01` : today));
  const month = monthOf(focusDay);
  const days = useMemo(() => monthGrid(month), [month]);
  const gridRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);

  const byDay = useMemo(() => {
    const map = new Map<string, EventSummary[]>();
    for (const e of events) {
      // A multi-day event shows on each of its days (a fortnight at most).
      const last = splitLocal(e.ends_at).date;
      let day = splitLocal(e.starts_at).date;
      for (let n = 0; n < 14 && day <= last; n++, day = addDays(day, 1)) map.set(day, [...(map.get(day) ?? []), e]);
    }
    for (const list of map.values()) list.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
    return map;
  }, [events]);

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    gridRef.current?.querySelector<HTMLElement>(`[data-day="${focusDay}"]`)?.focus();
  }, [focusDay]);

  const move = (day: string) => {
    wantFocus.current = true;
    setFocusDay(day);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.dataset.day) return;
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (event.key in step) {
      event.preventDefault();
      move(addDays(focusDay, step[event.key]!));
    } else if (event.key === "PageUp" || event.key === "PageDown") {
      event.preventDefault();
      move(`${shiftMonth(month, event.key === "PageUp" ? -1 : 1)}-01`);
    } else if (event.key === "Home") {
      event.preventDefault();
      move(today);
    } else if (event.key === "Enter" || event.key === " ") {
      const first = byDay.get(focusDay)?.[0];
      if (first) {
        event.preventDefault();
        onOpen(first.id);
      }
    }
  };

  const weekdays = days.slice(0, 7).map((d) => formatLongDate(d).split(" ")[0]!.slice(0, 3));

  return (
    <div className="event-calendar" data-testid="events-calendar">
      <div className="calendar-head">
        <button
          type="button"
          className="icon-btn"
          onClick={() => setFocusDay(`${shiftMonth(month, -1)}-01`)}
          aria-label={t("events.calendar.previous")}
          data-testid="calendar-prev"
        >
          <ChevronLeftIcon size={16} />
        </button>
        <h2 className="calendar-title" aria-live="polite" data-testid="calendar-month">
          {monthTitle(month)}
        </h2>
        <button
          type="button"
          className="icon-btn"
          onClick={() => setFocusDay(`${shiftMonth(month, 1)}-01`)}
          aria-label={t("events.calendar.next")}
          data-testid="calendar-next"
        >
          <ChevronRightIcon size={16} />
        </button>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => move(today)} data-testid="calendar-today">
          {t("events.calendar.today")}
        </button>
        <span className="calendar-hint">{t("events.calendar.hint")}</span>
      </div>
      <div className="calendar-grid" role="grid" aria-label={monthTitle(month)} ref={gridRef} onKeyDown={onKeyDown}>
        <div className="calendar-row calendar-weekdays" role="row">
          {weekdays.map((w) => (
            <div key={w} className="calendar-weekday" role="columnheader">
              {w}
            </div>
          ))}
        </div>
        {Array.from({ length: 6 }, (_, week) => (
          <div className="calendar-row" role="row" key={week}>
            {days.slice(week * 7, week * 7 + 7).map((day) => {
              const list = byDay.get(day) ?? [];
              const outside = monthOf(day) !== month;
              const classes = ["calendar-day", outside ? "is-outside" : "", day === today ? "is-today" : "", list.length ? "has-events" : ""]
                .filter(Boolean)
                .join(" ");
              return (
                <div
                  key={day}
                  role="gridcell"
                  className={classes}
                  data-day={day}
                  data-testid={`calendar-day-${day}`}
                  tabIndex={day === focusDay ? 0 : -1}
                  aria-selected={day === focusDay}
                  aria-current={day === today ? "date" : undefined}
                  aria-label={list.length ? `${formatLongDate(day)}: ${list.map((e) => e.title).join(", ")}` : formatLongDate(day)}
                  onClick={() => setFocusDay(day)}
                >
                  <span className="calendar-date">{Number(day.slice(8, 10))}</span>
                  {list.map((e) => (
                    <button
                      type="button"
                      key={e.id}
                      className={`calendar-event pill-event-${e.status}`}
                      data-testid="calendar-event"
                      tabIndex={-1}
                      onClick={(ev) => {
                        ev.stopPropagation();
                        onOpen(e.id);
                      }}
                      title={e.title}
                    >
                      {splitLocal(e.starts_at).date === day && <span className="calendar-event-time">{splitLocal(e.starts_at).time}</span>} {e.title}
                    </button>
                  ))}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
