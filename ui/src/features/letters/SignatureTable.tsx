import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Signature } from "../../bindings/Signature";
import type { SignatureState } from "../../bindings/SignatureState";
import { ArrowDownIcon, ArrowUpIcon, FlagIcon, PencilIcon, SearchIcon } from "../../components/Icons";
import { formatDate } from "../../lib/dates";
import { useCountries } from "../organisations/countries";
import { SIGNATURE_STATES } from "./enums";
import { SignatureStatePillView } from "./pills";
import { stateDate } from "./signatures";

export type PublishFlag = "publish_organisation" | "publish_signer";

const column = createColumnHelper<Signature>();
const EMPTY_CELL = <span className="cell-empty">—</span>;

function matches(signature: Signature, needle: string): boolean {
  if (!needle) return true;
  return [signature.organisation_name, signature.organisation_short_name, signature.display_name, signature.signer_name, signature.country]
    .filter((v): v is string => Boolean(v))
    .some((v) => v.toLowerCase().includes(needle));
}

/** A letter's signatures with per-row actions; sorting and filtering are local (one letter's list). */
export function SignatureTable({
  signatures,
  busy,
  onChangeState,
  onEdit,
  onTogglePublish,
}: {
  signatures: Signature[];
  /** Organisation ids with a change under way. */
  busy: ReadonlySet<string>;
  onChangeState: (signature: Signature) => void;
  onEdit: (signature: Signature) => void;
  onTogglePublish: (signature: Signature, flag: PublishFlag) => void;
}) {
  const { t } = useTranslation();
  const { nameOf } = useCountries();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [stateFilter, setStateFilter] = useState<SignatureState | null>(null);
  const [text, setText] = useState("");

  const needle = text.trim().toLowerCase();
  const data = useMemo(
    () => signatures.filter((s) => (stateFilter ? s.state === stateFilter : true) && matches(s, needle)),
    [signatures, stateFilter, needle],
  );

  const columns = useMemo(
    () => [
      column.accessor((s) => s.organisation_name, {
        id: "organisation",
        header: t("signatures.columns.organisation"),
        cell: (ctx) => {
          const s = ctx.row.original;
          return (
            <div className="cell-stack">
              <span className="cell-name">
                <span className="cell-name-text">{s.organisation_name}</span>
                {s.organisation_short_name && <span className="tag">{s.organisation_short_name}</span>}
              </span>
              {s.display_name && (
                <span className="cell-sub" data-testid="signature-display-name">
                  {t("signatures.publishedAs", { name: s.display_name })}
                </span>
              )}
            </div>
          );
        },
      }),
      column.accessor((s) => s.country, {
        id: "country",
        header: t("signatures.columns.country"),
        cell: (ctx) => (
          <span className="cell-country" title={nameOf(ctx.getValue())}>
            <span className="country-code">{ctx.getValue()}</span>
            <span className="cell-ellipsis">{nameOf(ctx.getValue())}</span>
          </span>
        ),
      }),
      column.accessor((s) => s.state, {
        id: "state",
        header: t("signatures.columns.state"),
        cell: (ctx) => {
          const s = ctx.row.original;
          return (
            <div className="cell-stack">
              <SignatureStatePillView state={s.state} label={t(`signatureState.${s.state}`)} />
              {s.state === "withdrawn" && s.withdrawal_reason && (
                <span className="cell-sub" title={s.withdrawal_reason}>
                  {s.withdrawal_reason}
                </span>
              )}
            </div>
          );
        },
      }),
      column.accessor((s) => stateDate(s) ?? "", {
        id: "date",
        header: t("signatures.columns.date"),
        cell: (ctx) => {
          const s = ctx.row.original;
          const date = stateDate(s);
          return (
            <div className="cell-stack">
              {date ? <span className="cell-date">{formatDate(date)}</span> : EMPTY_CELL}
              {s.state !== "invited" && s.invited_on && (
                <span className="cell-sub">{t("signatures.invitedOn", { date: formatDate(s.invited_on) })}</span>
              )}
            </div>
          );
        },
      }),
      column.accessor((s) => s.signer_name ?? "", {
        id: "signer",
        header: t("signatures.columns.signer"),
        cell: (ctx) => {
          const s = ctx.row.original;
          if (!s.signer_name && !s.signer_title) return EMPTY_CELL;
          return (
            <div className="cell-stack">
              <span>{s.signer_name ?? EMPTY_CELL}</span>
              {s.signer_title && <span className="cell-sub">{s.signer_title}</span>}
            </div>
          );
        },
      }),
      column.display({
        id: "published",
        header: t("signatures.columns.published"),
        cell: (ctx) => {
          const s = ctx.row.original;
          const disabled = busy.has(s.organisation_id);
          return (
            <div className="publish-toggles">
              <label className="mini-switch" title={t("signatures.publishOrganisationHint")}>
                <input
                  type="checkbox"
                  role="switch"
                  className="switch switch-sm"
                  checked={s.publish_organisation}
                  disabled={disabled}
                  onChange={() => onTogglePublish(s, "publish_organisation")}
                  data-testid="signature-publish-org"
                  aria-label={t("signatures.publishOrganisationLabel", { name: s.organisation_name })}
                />
                <span>{t("signatures.publishOrganisation")}</span>
              </label>
              <label className="mini-switch" title={t("signatures.publishSignerHint")}>
                <input
                  type="checkbox"
                  role="switch"
                  className="switch switch-sm"
                  checked={s.publish_signer}
                  disabled={disabled}
                  onChange={() => onTogglePublish(s, "publish_signer")}
                  data-testid="signature-publish-signer"
                  aria-label={t("signatures.publishSignerLabel", { name: s.organisation_name })}
                />
                <span>{t("signatures.publishSigner")}</span>
              </label>
            </div>
          );
        },
      }),
      column.display({
        id: "actions",
        header: () => <span className="sr-only">{t("signatures.columns.actions")}</span>,
        cell: (ctx) => {
          const s = ctx.row.original;
          const disabled = busy.has(s.organisation_id);
          return (
            <div className="row-actions">
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                onClick={() => onChangeState(s)}
                disabled={disabled}
                data-testid="signature-state"
                aria-label={t("signatures.changeStateFor", { name: s.organisation_name })}
              >
                <FlagIcon size={13} />
                <span className="btn-label">{t("signatures.changeState")}</span>
              </button>
              <button
                type="button"
                className="icon-btn"
                onClick={() => onEdit(s)}
                disabled={disabled}
                data-testid="signature-edit"
                aria-label={t("signatures.editFor", { name: s.organisation_name })}
                title={t("signatures.edit")}
              >
                <PencilIcon size={14} />
              </button>
            </div>
          );
        },
      }),
    ],
    [t, nameOf, busy, onChangeState, onEdit, onTogglePublish],
  );

  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (s) => s.organisation_id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableMultiSort: false,
  });

  const countOf = (state: SignatureState | null) => (state ? signatures.filter((s) => s.state === state).length : signatures.length);

  return (
    <div className="signatures">
      <div className="signatures-toolbar">
        <div className="chip-group" role="group" aria-label={t("signatures.filterByState")}>
          {[null, ...SIGNATURE_STATES].map((state) => (
            <button
              key={state ?? "all"}
              type="button"
              className={`chip ${stateFilter === state ? "is-active" : ""}`}
              aria-pressed={stateFilter === state}
              onClick={() => setStateFilter(state)}
              data-testid={`signature-filter-${state ?? "all"}`}
            >
              {state ? t(`signatureState.${state}`) : t("signatures.all")}
              <span className="chip-count">{countOf(state)}</span>
            </button>
          ))}
        </div>
        <div className="quick-filter">
          <SearchIcon size={14} className="quick-filter-icon" />
          <input
            type="search"
            className="input input-sm quick-filter-input"
            placeholder={t("signatures.filterPlaceholder")}
            aria-label={t("signatures.filter")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape" && text) {
                e.stopPropagation();
                e.preventDefault();
                setText("");
              }
            }}
            data-testid="signature-quick-filter"
          />
        </div>
      </div>
      {signatures.length === 0 ? (
        <p className="detail-empty-text">{t("signatures.none")}</p>
      ) : data.length === 0 ? (
        <p className="detail-empty-text">{t("signatures.noMatch")}</p>
      ) : (
        <div className="data-table-scroll">
          <table className="data-table" data-testid="signatures-table" aria-label={t("signatures.tableLabel")}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const sortable = header.column.getCanSort();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={`col-${header.column.id}`}
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      >
                        {sortable ? (
                          <button type="button" className={`th-button ${sorted ? "is-sorted" : ""}`} onClick={header.column.getToggleSortingHandler()}>
                            <span>{flexRender(header.column.columnDef.header, header.getContext())}</span>
                            <span className="sort-indicator" aria-hidden="true">
                              {sorted === "asc" ? <ArrowUpIcon size={12} /> : sorted === "desc" ? <ArrowDownIcon size={12} /> : null}
                            </span>
                          </button>
                        ) : (
                          <span className="th-static">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid="signature-row"
                  data-org={row.original.organisation_id}
                  data-state={row.original.state}
                  className={busy.has(row.original.organisation_id) ? "is-busy" : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
