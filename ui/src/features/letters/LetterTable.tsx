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
import type { LetterSummary } from "../../bindings/LetterSummary";
import { ArrowDownIcon, ArrowUpIcon } from "../../components/Icons";
import { formatDate } from "../../lib/dates";
import { LetterStatusPillView } from "./pills";

export interface LetterTableHandle {
  /** The letters in the order shown (after column sorting). */
  visibleIds(): string[];
  scrollToId(id: string): void;
  /** Moves keyboard focus to the list (so Enter opens the selection, not the focused button). */
  focus(): void;
}

const column = createColumnHelper<LetterSummary>();
const EMPTY_CELL = <span className="cell-empty">—</span>;

function Count({ value, tone, testId }: { value: number; tone?: string; testId: string }) {
  return (
    <span className={`cell-num ${value === 0 ? "is-zero" : ""} ${tone ? `num-${tone}` : ""}`} data-testid={testId}>
      {value}
    </span>
  );
}

/** The letters, newest first as the core sends them; headers sort the (small) list locally. */
export const LetterTable = forwardRef<
  LetterTableHandle,
  { letters: LetterSummary[]; selectedId: string | null; onRowClick: (id: string) => void }
>(function LetterTable({ letters, selectedId, onRowClick }, ref) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo(
    () => [
      column.accessor((s) => s.letter.reference, {
        id: "reference",
        header: t("letters.columns.reference"),
        cell: (ctx) => <span className="reference">{ctx.getValue()}</span>,
      }),
      column.accessor((s) => s.letter.title, {
        id: "title",
        header: t("letters.columns.title"),
        cell: (ctx) => <span className="cell-name-text">{ctx.getValue()}</span>,
      }),
      column.accessor((s) => s.letter.kind, {
        id: "kind",
        header: t("letters.columns.kind"),
        cell: (ctx) => <span className="cell-muted">{t(`letterKind.${ctx.getValue()}`)}</span>,
      }),
      column.accessor((s) => s.letter.status, {
        id: "status",
        header: t("letters.columns.status"),
        cell: (ctx) => <LetterStatusPillView status={ctx.getValue()} label={t(`letterStatus.${ctx.getValue()}`)} />,
      }),
      column.accessor((s) => s.letter.deadline ?? "", {
        id: "deadline",
        header: t("letters.columns.deadline"),
        cell: (ctx) => (ctx.getValue() ? <span className="cell-date">{formatDate(ctx.getValue())}</span> : EMPTY_CELL),
      }),
      column.accessor((s) => s.counts.signed, {
        id: "signed",
        header: t("counts.signed"),
        sortDescFirst: true,
        cell: (ctx) => <Count value={ctx.getValue()} tone="good" testId="letter-count-signed" />,
      }),
      column.accessor((s) => s.counts.invited, {
        id: "invited",
        header: t("counts.invited"),
        sortDescFirst: true,
        cell: (ctx) => <Count value={ctx.getValue()} testId="letter-count-invited" />,
      }),
      column.accessor((s) => s.counts.silent, {
        id: "silent",
        header: t("counts.silent"),
        sortDescFirst: true,
        cell: (ctx) => <Count value={ctx.getValue()} tone="warn" testId="letter-count-silent" />,
      }),
      column.accessor((s) => s.counts.declined, {
        id: "declined",
        header: t("counts.declined"),
        sortDescFirst: true,
        cell: (ctx) => <Count value={ctx.getValue()} tone="bad" testId="letter-count-declined" />,
      }),
    ],
    [t],
  );

  const table = useReactTable({
    data: letters,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (s) => s.letter.id,
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
        for (const el of rowEls) if (el.dataset.id === id) el.scrollIntoView({ block: "nearest" });
      },
      focus: () => scrollRef.current?.focus({ preventScroll: true }),
    }),
    [table],
  );

  return (
    <div className="table letters-table" role="grid" aria-rowcount={rows.length + 1} aria-label={t("letters.tableLabel")}>
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
                    data-testid={`letters-sort-${header.column.id}`}
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
              data-testid="letter-row"
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
