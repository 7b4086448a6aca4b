import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventSummary } from "../../bindings/EventSummary";
import { ArrowDownIcon, ArrowUpIcon } from "../../components/Icons";
import { EventStatusPill } from "./pills";
import { formatRange, zoneLabelAt } from "./time";

export interface EventTableHandle {
  visibleIds(): string[];
  scrollToId(id: string): void;
  focus(): void;
}

const column = createColumnHelper<EventSummary>();
const EMPTY_CELL = <span className="cell-empty">—</span>;

/** The events, latest first as the core sends them; headers sort the (small) list locally. */
export const EventTable = forwardRef<
  EventTableHandle,
  { events: EventSummary[]; selectedId: string | null; onRowClick: (id: string) => void }
>(function EventTable({ events, selectedId, onRowClick }, ref) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo(
    () => [
      column.accessor((e) => e.title, {
        id: "title",
        header: t("events.columns.title"),
        cell: (ctx) => (
          <span className="event-title-cell">
            <span className="cell-name-text">{ctx.getValue()}</span>
            <span className="reference">{ctx.row.original.reference}</span>
          </span>
        ),
      }),
      column.accessor((e) => e.kind, {
        id: "kind",
        header: t("events.columns.kind"),
        cell: (ctx) => <span className="cell-muted">{t(`eventKind.${ctx.getValue()}`)}</span>,
      }),
      column.accessor((e) => e.status, {
        id: "status",
        header: t("events.columns.status"),
        cell: (ctx) => <EventStatusPill status={ctx.getValue()} label={t(`eventStatus.${ctx.getValue()}`)} />,
      }),
      column.accessor((e) => e.starts_at, {
        id: "when",
        header: t("events.columns.when"),
        cell: (ctx) => {
          const e = ctx.row.original;
          return (
            <span className="cell-date" data-testid="event-when">
              {formatRange(e.starts_at, e.ends_at)}{" "}
              <span className="zone-label" title={e.time_zone}>
                {zoneLabelAt(e.time_zone, e.starts_at)}
              </span>
            </span>
          );
        },
      }),
      column.accessor((e) => e.venue_name ?? "", {
        id: "venue",
        header: t("events.columns.venue"),
        cell: (ctx) => (ctx.getValue() ? <span className="cell-muted">{ctx.getValue()}</span> : EMPTY_CELL),
      }),
      column.accessor((e) => e.counts.seats_taken, {
        id: "seats",
        header: t("events.columns.seats"),
        sortDescFirst: true,
        cell: (ctx) => {
          const c = ctx.row.original.counts;
          const full = c.capacity !== null && c.seats_taken >= c.capacity;
          return (
            <span className={`cell-num ${full ? "num-warn" : ""}`} data-testid="event-seats">
              {c.capacity === null ? t("events.seatsOpen", { taken: c.seats_taken }) : t("events.seatsOf", { taken: c.seats_taken, capacity: c.capacity })}
              {c.waitlisted > 0 && <span className="event-waitlist-note"> {t("events.waitlistedShort", { count: c.waitlisted })}</span>}
            </span>
          );
        },
      }),
      column.accessor((e) => e.overdue_tasks, {
        id: "tasks",
        header: t("events.columns.tasks"),
        sortDescFirst: true,
        cell: (ctx) => {
          const e = ctx.row.original;
          if (e.overdue_tasks > 0) {
            return (
              <span className="badge-overdue" data-testid="event-overdue">
                {t("events.overdueBadge", { count: e.overdue_tasks })}
              </span>
            );
          }
          return e.open_tasks > 0 ? <span className="cell-muted">{t("events.openTasks", { count: e.open_tasks })}</span> : EMPTY_CELL;
        },
      }),
    ],
    [t],
  );

  const table = useReactTable({
    data: events,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (e) => e.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableMultiSort: false,
  });
  const rows = table.getRowModel().rows;

  useImperativeHandle(
    ref,
    () => ({
      visibleIds: () => table.getRowModel().rows.map((r) => r.id),
      scrollToId: (id: string) => {
        const rowEls = scrollRef.current?.querySelectorAll<HTMLElement>("[data-id]") ?? [];
        for (const el of rowEls) if (el.dataset.id === id) el.scrollIntoView?.({ block: "nearest" });
      },
      focus: () => scrollRef.current?.focus({ preventScroll: true }),
    }),
    [table],
  );

  return (
    <div className="table events-table" role="grid" aria-rowcount={rows.length + 1} aria-label={t("events.tableLabel")}>
      <div className="thead" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div className="tr thead-row" role="row" aria-rowindex={1} key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <div
                  key={header.id}
                  className={`th col-${header.column.id}`}
                  role="columnheader"
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                >
                  <button
                    type="button"
                    className={`th-button ${sorted ? "is-sorted" : ""}`}
                    onClick={header.column.getToggleSortingHandler()}
                    data-testid={`events-sort-${header.column.id}`}
                  >
                    <span>{flexRender(header.column.columnDef.header, header.getContext())}</span>
                    <span className="sort-indicator" aria-hidden="true">
                      {sorted === "asc" ? <ArrowUpIcon size={12} /> : sorted === "desc" ? <ArrowDownIcon size={12} /> : null}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="tbody-scroll static-rows" ref={scrollRef} role="rowgroup" tabIndex={-1}>
        {rows.map((row, index) => {
          const selected = row.id === selectedId;
          return (
            <div
              key={row.id}
              className={`tr tbody-row ${selected ? "is-selected" : ""}`}
              role="row"
              aria-rowindex={index + 2}
              aria-selected={selected}
              data-testid="event-row"
              data-id={row.id}
              onClick={() => onRowClick(row.id)}
            >
              {row.getVisibleCells().map((cell) => (
                <div key={cell.id} className={`td col-${cell.column.id}`} role="gridcell">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
});
