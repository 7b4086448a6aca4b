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
import type { PersonRow } from "../../bindings/PersonRow";
import { ArrowDownIcon, ArrowUpIcon } from "../../components/Icons";
import { formatDate } from "../../lib/dates";
import { useCountries } from "../organisations/countries";
import type { PageCache } from "../../lib/pageCache";
import { isPersonSort, type PeopleSort } from "./query";
import { SensitiveBadge } from "../data-protection/SensitiveBadge";

export const PEOPLE_ROW_HEIGHT = 44;

interface Slot {
  index: number;
  row: PersonRow | null;
}

export interface PeopleTableHandle {
  scrollToIndex(index: number): void;
}

interface Props {
  cache: PageCache<PersonRow>;
  version: number;
  queryKey: string;
  sort: PeopleSort;
  onSortChange: (sort: PeopleSort) => void;
  selectedId: string | null;
  onRowClick: (index: number, row: PersonRow) => void;
}

const column = createColumnHelper<Slot>();
const EMPTY_CELL = <span className="cell-empty">—</span>;

interface BodyRowProps {
  tableRow: Row<Slot>;
  row: PersonRow;
  index: number;
  start: number;
  size: number;
  selected: boolean;
  columns: unknown;
  onRowClick: (index: number, row: PersonRow) => void;
}

const BodyRow = memo(
  function BodyRow({ tableRow, row, index, start, size, selected, onRowClick }: BodyRowProps) {
    return (
      <div
        className={`tr tbody-row ${selected ? "is-selected" : ""} ${row.archived ? "is-archived" : ""}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        data-testid="person-row"
        data-id={row.id}
        data-index={index}
        style={{ height: size, transform: `translateY(${start}px)` }}
        onClick={() => onRowClick(index, row)}
      >
        {tableRow.getVisibleCells().map((cell) => (
          <div key={cell.id} className={`td people-col-${cell.column.id}`} role="gridcell">
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

/** The virtualised people list: only the rows on screen are laid out; pages come by offset. */
export const PeopleTable = forwardRef<PeopleTableHandle, Props>(function PeopleTable(
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
    estimateSize: () => PEOPLE_ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 800 },
  });

  useImperativeHandle(ref, () => ({ scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: "auto" }) }), [virtualizer]);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) cache.ensure(firstIndex, lastIndex);
  }, [cache, count, firstIndex, lastIndex]);

  const data = useMemo<Slot[]>(
    () => items.map((item) => ({ index: item.index, row: cache.getRow(item.index) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, cache, version],
  );

  const columns = useMemo(() => {
    const archived = t("people.archivedTag");
    const policyMaker = t("people.policyMakerTag");
    const focal = t("people.focalPoint");
    return [
      column.accessor((s) => s.row?.display_name ?? "", {
        id: sort.sort === "display_name" ? "display_name" : "family_name",
        header: t("people.columns.name"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          return (
            <span className="cell-name">
              <span className="cell-name-text">
                {row.honorific && <span className="cell-muted">{row.honorific} </span>}
                {row.display_name}
              </span>
              {row.policy_maker && <span className="tag">{policyMaker}</span>}
              {row.archived && <span className="tag tag-archived">{archived}</span>}
              {row.sensitive && <SensitiveBadge />}
            </span>
          );
        },
      }),
      column.accessor((s) => s.row?.organisation ?? "", {
        id: "organisation",
        enableSorting: false,
        header: t("people.columns.organisation"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          if (!row.organisation) return EMPTY_CELL;
          return (
            <span className="people-org-cell">
              <span className="cell-ellipsis">{row.organisation}</span>
              {row.job_title && <span className="cell-muted cell-ellipsis">{row.job_title}</span>}
              {row.focal_point && <span className="tag tag-focal">{focal}</span>}
            </span>
          );
        },
      }),
      column.accessor((s) => s.row?.email ?? "", {
        id: "email",
        enableSorting: false,
        header: t("people.columns.email"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          return row.email ? <span className="cell-ellipsis">{row.email}</span> : EMPTY_CELL;
        },
      }),
      column.accessor((s) => s.row?.country ?? "", {
        id: "country",
        header: t("people.columns.country"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          return row.country ? (
            <span className="cell-country" title={nameOf(row.country)}>
              <span className="country-code">{row.country}</span>
            </span>
          ) : (
            EMPTY_CELL
          );
        },
      }),
      column.accessor((s) => s.row?.languages.join(", ") ?? "", {
        id: "languages",
        enableSorting: false,
        header: t("people.columns.languages"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          return row.languages.length ? <span className="cell-muted">{row.languages.join(", ")}</span> : EMPTY_CELL;
        },
      }),
      column.accessor((s) => s.row?.last_contact ?? "", {
        id: "last_contact",
        header: t("people.columns.lastContact"),
        cell: (ctx) => {
          const row = ctx.row.original.row;
          if (!row) return null;
          return row.last_contact ? <span className="cell-date">{formatDate(row.last_contact)}</span> : EMPTY_CELL;
        },
      }),
    ];
  }, [t, nameOf, sort.sort]);

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
      if (first && isPersonSort(first.id)) onSortChange({ sort: first.id, direction: first.desc ? "desc" : "asc" });
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
    <div className="table people-table" role="grid" aria-rowcount={count + 1} aria-label={t("people.tableLabel")}>
      <div className="thead" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div className="tr thead-row" role="row" aria-rowindex={1} key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <div
                  key={header.id}
                  className={`th people-col-${header.column.id}`}
                  role="columnheader"
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      className={`th-button ${sorted ? "is-sorted" : ""}`}
                      onClick={header.column.getToggleSortingHandler()}
                      data-testid={`people-sort-${header.column.id}`}
                    >
                      <span>{label}</span>
                      <span className="sort-indicator" aria-hidden="true">
                        {sorted === "asc" ? <ArrowUpIcon size={12} /> : sorted === "desc" ? <ArrowDownIcon size={12} /> : null}
                      </span>
                    </button>
                  ) : (
                    <span className="th-label">{label}</span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="tbody-scroll" ref={scrollRef} role="rowgroup" tabIndex={-1} data-testid="people-scroll">
        <div className="tbody-inner" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((tableRow, i) => {
            const item = items[i];
            if (!item) return null;
            const slot = tableRow.original;
            if (!slot.row) {
              return (
                <div
                  key={`p-${item.index}`}
                  className="tr tbody-row is-placeholder"
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy="true"
                  style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  {tableRow.getVisibleCells().map((cell) => (
                    <div key={cell.id} className={`td people-col-${cell.column.id}`} role="gridcell">
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
