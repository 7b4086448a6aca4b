import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { PolicyMakerRow } from "../../bindings/PolicyMakerRow";
import { useCountries } from "../organisations/countries";
import { mepStatusLabel, officeLabel } from "./labels";
import type { PolicyPages } from "./usePolicyPages";

export const POLICY_ROW_HEIGHT = 38;

interface Slot {
  index: number;
  row: PolicyMakerRow | null;
}

export interface PolicyTableHandle {
  scrollToIndex(index: number): void;
}

const column = createColumnHelper<Slot>();
const EMPTY = <span className="cell-empty">—</span>;

/** The virtualised list of policy-makers: only the rows on screen are rendered and fetched. */
export const PolicyTable = forwardRef<
  PolicyTableHandle,
  { pages: PolicyPages; selectedId: string | null; onRowClick: (index: number, row: PolicyMakerRow) => void }
>(function PolicyTable({ pages, selectedId, onRowClick }, ref) {
  const { t } = useTranslation();
  const { nameOf } = useCountries();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => POLICY_ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 800 },
  });

  useImperativeHandle(ref, () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }) }), [virtualizer]);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [pages.key]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) pages.ensure(firstIndex, lastIndex);
  }, [pages, count, firstIndex, lastIndex]);

  const data = useMemo<Slot[]>(
    () => items.map((item) => ({ index: item.index, row: pages.rowAt(item.index) })),
    // pages.version: rows arrive inside the pages
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, pages, pages.version],
  );

  const columns = useMemo(
    () => [
      column.display({
        id: "name",
        header: t("policy.columns.name"),
        cell: ({ row: { original } }) =>
          original.row && (
            <span className="cell-name">
              <span className="cell-name-text">{original.row.display_name}</span>
              {original.row.mep_status === "outgoing" && (
                <span className="tag tag-archived">{mepStatusLabel(t, "outgoing")}</span>
              )}
            </span>
          ),
      }),
      column.display({
        id: "office",
        header: t("policy.columns.group"),
        cell: ({ row: { original } }) => {
          const r = original.row;
          if (!r) return null;
          return r.group_code ? (
            <span className="policy-group" data-group={r.group_code}>
              {r.group_code}
            </span>
          ) : (
            <span className="cell-muted">{officeLabel(t, r.office)}</span>
          );
        },
      }),
      column.display({
        id: "country",
        header: t("policy.columns.country"),
        cell: ({ row: { original } }) => {
          const code = original.row?.country;
          if (!original.row) return null;
          return code ? (
            <span className="cell-country" title={nameOf(code)}>
              <span className="country-code">{code}</span>
              <span className="cell-ellipsis">{nameOf(code)}</span>
            </span>
          ) : (
            EMPTY
          );
        },
      }),
      column.display({
        id: "party",
        header: t("policy.columns.party"),
        cell: ({ row: { original } }) => {
          const r = original.row;
          if (!r) return null;
          const text = r.office === "mep" ? r.national_party : (r.position_title ?? r.institution);
          return text ? <span className="cell-ellipsis cell-muted">{text}</span> : EMPTY;
        },
      }),
      column.display({
        id: "committees",
        header: t("policy.columns.committees"),
        cell: ({ row: { original } }) => {
          const r = original.row;
          if (!r) return null;
          return r.committees.length ? (
            <span className="policy-committees">
              {r.committees.map((c) => (
                <span key={c} className="tag">
                  {c}
                </span>
              ))}
            </span>
          ) : (
            EMPTY
          );
        },
      }),
    ],
    [t, nameOf],
  );

  const table = useReactTable({ data, columns, getRowId: (slot) => String(slot.index), getCoreRowModel: getCoreRowModel() });
  const rows = table.getRowModel().rows;

  return (
    <div className="table policy-table" role="grid" aria-rowcount={count + 1} aria-label={t("policy.tableLabel")}>
      <div className="thead" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div className="tr thead-row" role="row" aria-rowindex={1} key={group.id}>
            {group.headers.map((header) => (
              <div key={header.id} className={`th col-${header.column.id}`} role="columnheader">
                <span className="th-label">{flexRender(header.column.columnDef.header, header.getContext())}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
      <div className="tbody-scroll" ref={scrollRef} role="rowgroup" tabIndex={-1} data-testid="policy-scroll">
        <div className="tbody-inner" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((tableRow, i) => {
            const item = items[i];
            if (!item) return null;
            const slot = tableRow.original;
            const style = { height: item.size, transform: `translateY(${item.start}px)` };
            if (!slot.row) {
              return (
                <div key={`p-${item.index}`} className="tr tbody-row is-placeholder" role="row" aria-busy="true" style={style}>
                  {tableRow.getVisibleCells().map((cell) => (
                    <div key={cell.id} className={`td col-${cell.column.id}`} role="gridcell">
                      <span className="skeleton" />
                    </div>
                  ))}
                </div>
              );
            }
            const row = slot.row;
            const selected = row.id === selectedId;
            return (
              <div
                key={row.id}
                className={`tr tbody-row ${selected ? "is-selected" : ""} ${row.mep_status === "outgoing" ? "is-archived" : ""}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-testid="policy-row"
                data-id={row.id}
                style={style}
                onClick={() => onRowClick(item.index, row)}
              >
                {tableRow.getVisibleCells().map((cell) => (
                  <div key={cell.id} className={`td col-${cell.column.id}`} role="gridcell">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
