import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Row,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { forwardRef, memo, useEffect, useImperativeHandle, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { OrganisationRow } from "../../bindings/OrganisationRow";
import { ArrowDownIcon, ArrowUpIcon } from "../../components/Icons";
import { formatDate } from "../../lib/dates";
import { useCountries } from "./countries";
import { isOrganisationSort } from "./enums";
import type { PageCache } from "../../lib/pageCache";
import type { ListSort } from "./query";
import { StatusPillView } from "./StatusPill";

export const ROW_HEIGHT = 38;

/** One laid-out line of the virtual list; `row` is null until its page has loaded. */
interface Slot {
  index: number;
  row: OrganisationRow | null;
}

export interface OrganisationTableHandle {
  scrollToIndex(index: number): void;
  focus(): void;
}

interface Props {
  cache: PageCache<OrganisationRow>;
  /** Changes whenever the cache has new rows (forces a re-render). */
  version: number;
  /** Identity of the current query; the list scrolls to the top when it changes. */
  queryKey: string;
  sort: ListSort;
  onSortChange: (sort: ListSort) => void;
  selectedId: string | null;
  onRowClick: (index: number, row: OrganisationRow) => void;
}

const column = createColumnHelper<Slot>();

// Cells are plain render functions (no hooks): rows mount and unmount constantly while scrolling.

function NameCell({ row, archivedLabel }: { row: OrganisationRow; archivedLabel: string }) {
  return (
    <span className="cell-name">
      <span className="cell-name-text">{row.name}</span>
      {row.short_name && <span className="tag">{row.short_name}</span>}
      {row.archived && <span className="tag tag-archived">{archivedLabel}</span>}
    </span>
  );
}

function CountryCell({ code, name }: { code: string; name: string }) {
  return (
    <span className="cell-country" title={name}>
      <span className="country-code">{code}</span>
      {name !== code && <span className="cell-ellipsis">{name}</span>}
    </span>
  );
}

const EMPTY_CELL = <span className="cell-empty">—</span>;

interface BodyRowProps {
  tableRow: Row<Slot>;
  row: OrganisationRow;
  index: number;
  start: number;
  size: number;
  selected: boolean;
  /** Only for memo comparison: cells change when the column definitions do. */
  columns: unknown;
  onRowClick: (index: number, row: OrganisationRow) => void;
}

/**
 * One loaded row. Memoised on what it shows (the row data, position, selection),
 * so scrolling only renders the rows that enter the window.
 */
const BodyRow = memo(
  function BodyRow({ tableRow, row, index, start, size, selected, onRowClick }: BodyRowProps) {
    return (
      <div
        className={`tr tbody-row ${selected ? "is-selected" : ""} ${row.archived ? "is-archived" : ""}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        data-testid="org-row"
        data-id={row.id}
        data-index={index}
        style={{ height: size, transform: `translateY(${start}px)` }}
        onClick={() => onRowClick(index, row)}
      >
        {tableRow.getVisibleCells().map((cell) => (
          <div key={cell.id} className={`td col-${cell.column.id}`} role="gridcell">
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))}
      </div>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.start === b.start &&
    a.size === b.size &&
    a.selected === b.selected &&
    a.columns === b.columns &&
    a.onRowClick === b.onRowClick,
);

export const OrganisationTable = forwardRef<OrganisationTableHandle, Props>(function OrganisationTable(
  { cache, version, queryKey, sort, onSortChange, selectedId, onRowClick },
  ref,
) {
  const { t } = useTranslation();
  const { nameOf } = useCountries();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = cache.count;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 800 },
  });

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: "auto" }),
      focus: () => scrollRef.current?.focus(),
    }),
    [virtualizer],
  );

  // A new query starts at the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // Fetch the pages the visible range needs (the cache dedupes by page).
  useEffect(() => {
    if (count > 0) cache.ensure(firstIndex, lastIndex);
  }, [cache, count, firstIndex, lastIndex]);

  // The table only models the rows on screen: cheap at any list size.
  const data = useMemo<Slot[]>(
    () => items.map((item) => ({ index: item.index, row: cache.getRow(item.index) })),
    // version: rows change inside the cache
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, cache, version],
  );

  const columns = useMemo(() => {
    const archivedLabel = t("orgs.archivedTag");
    const noMembership = t("membership.none");
    return [
      column.accessor((s) => s.row?.name ?? "", {
        id: "name",
        header: t("columns.name"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          return row && <NameCell row={row} archivedLabel={archivedLabel} />;
        },
      }),
      column.accessor((s) => s.row?.type ?? "", {
        id: "type",
        header: t("columns.type"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          return row && <span className="cell-muted">{t(`orgType.${row.type}`)}</span>;
        },
      }),
      column.accessor((s) => s.row?.country ?? "", {
        id: "country",
        header: t("columns.country"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          return row && <CountryCell code={row.country} name={nameOf(row.country)} />;
        },
      }),
      column.accessor((s) => s.row?.membership_status ?? "", {
        id: "membership_status",
        header: t("columns.status"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          const status = row.membership_status;
          return <StatusPillView status={status} label={status ? t(`status.${status}`) : noMembership} />;
        },
      }),
      column.accessor((s) => s.row?.tier ?? "", {
        id: "tier",
        header: t("columns.tier"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          return row.tier ? <span>{t(`tier.${row.tier}`)}</span> : EMPTY_CELL;
        },
      }),
      column.accessor((s) => s.row?.joined_on ?? "", {
        id: "joined_on",
        header: t("columns.joined"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          return row.joined_on ? <span className="cell-date">{formatDate(row.joined_on)}</span> : EMPTY_CELL;
        },
      }),
    ];
  }, [t, nameOf]);

  const sorting: SortingState = useMemo(() => [{ id: sort.sort, desc: sort.direction === "desc" }], [sort]);

  const table = useReactTable({
    data,
    columns,
    getRowId: (slot) => String(slot.index),
    getCoreRowModel: getCoreRowModel(),
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first && isOrganisationSort(first.id)) {
        onSortChange({ sort: first.id, direction: first.desc ? "desc" : "asc" });
      }
    },
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  });

  const rows = table.getRowModel().rows;

  return (
    <div className="table" role="grid" aria-rowcount={count + 1} aria-label={t("orgs.tableLabel")}>
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
                    data-testid={`sort-${header.column.id}`}
                    title={t("orgs.sortBy", { column: String(header.column.columnDef.header ?? "") })}
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
      <div className="tbody-scroll" ref={scrollRef} role="rowgroup" tabIndex={-1} data-testid="org-scroll">
        <div className="tbody-inner" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((tableRow, i) => {
            const item = items[i];
            if (!item) return null;
            const slot = tableRow.original;
            const style = { height: item.size, transform: `translateY(${item.start}px)` };
            if (!slot.row) {
              return (
                <div
                  key={`p-${item.index}`}
                  className="tr tbody-row is-placeholder"
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy="true"
                  data-testid="org-row-placeholder"
                  style={style}
                >
                  {tableRow.getVisibleCells().map((cell) => (
                    <div key={cell.id} className={`td col-${cell.column.id}`} role="gridcell">
                      <span className="skeleton" />
                    </div>
                  ))}
                </div>
              );
            }
            return (
              <BodyRow
                key={slot.row.id}
                tableRow={tableRow}
                row={slot.row}
                index={item.index}
                start={item.start}
                size={item.size}
                selected={slot.row.id === selectedId}
                columns={columns}
                onRowClick={onRowClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
