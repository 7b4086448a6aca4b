import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useOpenRequest } from "../../app/navigation";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Committee } from "../../bindings/Committee";
import type { GroupCode } from "../../bindings/GroupCode";
import type { MepStatus } from "../../bindings/MepStatus";
import type { MepSyncReport } from "../../bindings/MepSyncReport";
import type { Office } from "../../bindings/Office";
import type { PolicyMaker } from "../../bindings/PolicyMaker";
import type { PolicyMakerQuery } from "../../bindings/PolicyMakerQuery";
import type { PolicyMakerRow } from "../../bindings/PolicyMakerRow";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CloseIcon, FilterIcon, LandmarkIcon, PlusIcon, SearchIcon, UploadIcon } from "../../components/Icons";
import { MultiSelect } from "../../components/MultiSelect";
import { useToast } from "../../components/Toasts";
import { Tooltip } from "../../components/Tooltip";
import { isEditableTarget, isOverlayOpen, modKeyLabelKey } from "../../lib/platform";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";
import { useCountries } from "../organisations/countries";
import { GROUP_CODES, MEP_STATUSES, OFFICES, mepStatusLabel, officeLabel } from "./labels";
import { MepImportDialog } from "./MepImportDialog";
import { PolicyDetailPane } from "./PolicyDetailPane";
import { PolicyMakerFormDialog } from "./PolicyMakerFormDialog";
import { PolicyTable, type PolicyTableHandle } from "./PolicyTable";
import { usePolicyPages } from "./usePolicyPages";

interface Filters {
  text: string;
  offices: Office[];
  groups: GroupCode[];
  countries: string[];
  committee: string;
  statuses: MepStatus[];
}

const NO_FILTERS: Filters = { text: "", offices: [], groups: [], countries: [], committee: "", statuses: [] };

function narrowed(f: Filters): boolean {
  return f.text.trim() !== "" || f.offices.length + f.groups.length + f.countries.length + f.statuses.length > 0 || f.committee !== "";
}

const INTERACTIVE = "button, a, input, select, textarea, [role='button'], [role='option'], [role='checkbox'], [role='switch'], [role='tab']";

/** One policy-maker's detail, loaded when selected and replaced after a change. */
function usePolicyMaker(id: string | null) {
  const backend = useBackend();
  const [maker, setMaker] = useState<PolicyMaker | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [token, setToken] = useState(0);
  useEffect(() => {
    if (!id) {
      setMaker(null);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    backend.policyMakerGet(id).then(
      (found) => {
        if (!live) return;
        setMaker(found);
        setLoading(false);
      },
      (raw: unknown) => {
        if (!live) return;
        setError(toApiError(raw));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [backend, id, token]);
  const reload = useCallback(() => setToken((n) => n + 1), []);
  return { maker: maker && maker.id === id ? maker : null, error, loading, reload, replace: setMaker };
}

/** Policy-makers: MEPs from the Parliament's list and officials typed by hand. */
export function PolicyPage() {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const { countries } = useCountries();

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [text, setText] = useState("");
  const [pushText, , cancelText] = useDebouncedCallback((value: string) => setFilters((f) => ({ ...f, text: value })), 150);
  const query = useMemo<PolicyMakerQuery>(
    () => ({
      text: filters.text.trim() || null,
      offices: filters.offices,
      groups: filters.groups,
      countries: filters.countries,
      committee: filters.committee || null,
      statuses: filters.statuses,
      offset: 0,
      limit: 100,
    }),
    [filters],
  );
  const pages = usePolicyPages(query);

  const [committees, setCommittees] = useState<Committee[]>([]);
  const [committeesError, setCommitteesError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    backend.committeesList().then(
      (list) => live && setCommittees(list),
      (raw: unknown) => live && setCommitteesError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend]);

  const [selection, setSelection] = useState<{ id: string | null; index: number } | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const detail = usePolicyMaker(detailOpen ? (selection?.id ?? null) : null);
  const [form, setForm] = useState<{ open: boolean; editing: PolicyMaker | null }>({ open: false, editing: null });
  const [importOpen, setImportOpen] = useState(false);

  const tableRef = useRef<PolicyTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // A keyboard selection onto a row whose page was loading learns its id when it lands.
  useEffect(() => {
    if (selection && selection.id === null && selection.index >= 0) {
      const row = pages.rowAt(selection.index);
      if (row) setSelection({ id: row.id, index: selection.index });
    }
  }, [pages, pages.version, selection]);

  const openCreate = useCallback(() => setForm({ open: true, editing: null }), []);
  // Opened from the command palette: open a policy-maker, or start a new one.
  useOpenRequest("policy", (request) => {
    if (request.openId) {
      setSelection({ id: request.openId, index: -1 });
      setDetailOpen(true);
    }
    if (request.action === "new") openCreate();
  });

  const onSaved = (saved: PolicyMaker, created: boolean) => {
    setForm({ open: false, editing: null });
    setSelection({ id: saved.id, index: -1 });
    setDetailOpen(true);
    detail.replace(saved);
    pages.refresh();
    toast.success(created ? t("policy.form.created", { name: saved.display_name }) : t("policy.form.saved", { name: saved.display_name }));
  };

  const onApplied = (report: MepSyncReport) => {
    setImportOpen(false);
    pages.refresh();
    detail.reload();
    toast.success(
      t("policy.import.done"),
      t("policy.import.doneSummary", { added: report.added, updated: report.updated, outgoing: report.outgoing, unchanged: report.unchanged }),
    );
  };

  const onRowClick = useCallback((index: number, row: PolicyMakerRow) => {
    setSelection({ id: row.id, index });
    setDetailOpen(true);
  }, []);

  const moveSelection = useCallback(
    (to: (current: number, count: number) => number) => {
      const count = pages.total ?? 0;
      if (count === 0) return;
      let current = selection?.id ? pages.indexOf(selection.id) : -1;
      if (current < 0) current = selection?.index ?? -1;
      const next = Math.min(count - 1, Math.max(0, to(current, count)));
      pages.ensure(next, next);
      setSelection({ id: pages.rowAt(next)?.id ?? null, index: next });
      tableRef.current?.scrollToIndex(next);
    },
    [pages, selection],
  );

  const keys = useRef({ openCreate, moveSelection, detailOpen, selection });
  keys.current = { openCreate, moveSelection, detailOpen, selection };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const s = keys.current;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "n") {
        event.preventDefault();
        if (!isOverlayOpen()) s.openCreate();
        return;
      }
      if (event.defaultPrevented || isOverlayOpen()) return;
      const editable = isEditableTarget(event.target);
      if (event.key === "Escape") {
        if (!editable && s.detailOpen) {
          event.preventDefault();
          setDetailOpen(false);
        }
        return;
      }
      if (editable || mod || event.altKey) return;
      switch (event.key) {
        case "/":
          event.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case "ArrowDown":
          event.preventDefault();
          s.moveSelection((cur) => (cur < 0 ? 0 : cur + 1));
          break;
        case "ArrowUp":
          event.preventDefault();
          s.moveSelection((cur) => (cur < 0 ? 0 : cur - 1));
          break;
        case "Enter": {
          const target = event.target;
          if (target instanceof Element && target.closest(INTERACTIVE)) return;
          if (s.selection?.id) {
            event.preventDefault();
            setDetailOpen(true);
          }
          break;
        }
        default:
          break;
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const total = pages.total;
  const isNarrowed = narrowed(filters);
  const countLabel =
    total === null
      ? pages.error
        ? t("policy.countUnknown")
        : t("common.loading")
      : t("policy.count", { count: total, formatted: total.toLocaleString(i18n.language) });

  const clearFilters = () => {
    cancelText();
    setText("");
    setFilters(NO_FILTERS);
  };

  let body;
  if (pages.error && total === null) {
    body = <ErrorBanner error={pages.error} onRetry={pages.refresh} testId="policy-list-error" />;
  } else if (!pages.loading && total === 0 && !isNarrowed) {
    body = (
      <EmptyState
        icon={<LandmarkIcon size={28} />}
        title={t("policy.empty.title")}
        body={t("policy.empty.body")}
        testId="policy-empty"
        actions={
          <>
            <Button variant="primary" icon={<UploadIcon size={14} />} onClick={() => setImportOpen(true)} data-testid="policy-empty-import">
              {t("policy.importButton")}
            </Button>
            <Button icon={<PlusIcon size={14} />} onClick={openCreate}>
              {t("policy.new")}
            </Button>
          </>
        }
      />
    );
  } else if (!pages.loading && total === 0) {
    body = (
      <EmptyState
        icon={<FilterIcon size={28} />}
        title={t("policy.empty.noMatchTitle")}
        body={t("policy.empty.noMatchBody")}
        testId="policy-empty-filtered"
        actions={<Button onClick={clearFilters}>{t("policy.filters.clear")}</Button>}
      />
    );
  } else {
    body = (
      <>
        {pages.error && <ErrorBanner error={pages.error} onRetry={pages.refresh} testId="policy-list-error" />}
        <PolicyTable ref={tableRef} pages={pages} selectedId={selection?.id ?? null} onRowClick={onRowClick} />
      </>
    );
  }

  const mod = t(modKeyLabelKey());
  return (
    <div className="page" data-testid="policy-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("policy.title")}</h1>
          <span className="page-count" data-testid="policy-count" aria-live="polite">
            {countLabel}
          </span>
        </div>
        <div className="toolbar" role="toolbar" aria-label={t("policy.toolbar")}>
          <Tooltip content={t("policy.importTooltip")}>
            <Button icon={<UploadIcon size={14} />} onClick={() => setImportOpen(true)} data-testid="mep-import">
              {t("policy.importButton")}
            </Button>
          </Tooltip>
          <Tooltip content={t("policy.newTooltip")} shortcut={`${mod} N`}>
            <Button variant="primary" icon={<PlusIcon size={14} />} onClick={openCreate} data-testid="policy-new" aria-keyshortcuts="Control+N Meta+N">
              {t("policy.new")}
            </Button>
          </Tooltip>
        </div>
      </header>

      <div className="filter-bar" role="search" aria-label={t("policy.filters.label")}>
        <div className="quick-filter">
          <SearchIcon size={14} className="quick-filter-icon" />
          <input
            ref={searchRef}
            type="search"
            className="input input-sm quick-filter-input"
            placeholder={t("policy.filters.searchPlaceholder")}
            aria-label={t("policy.filters.search")}
            aria-keyshortcuts="/"
            data-testid="policy-search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              pushText(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.stopPropagation();
                if (text) {
                  setText("");
                  cancelText();
                  setFilters((f) => ({ ...f, text: "" }));
                } else {
                  e.currentTarget.blur();
                }
              }
            }}
          />
        </div>
        <MultiSelect
          label={t("policy.filters.office")}
          options={OFFICES.map((o) => ({ value: o, label: officeLabel(t, o) }))}
          selected={filters.offices}
          onChange={(offices) => setFilters((f) => ({ ...f, offices }))}
          testId="policy-filter-office"
        />
        <MultiSelect
          label={t("policy.filters.group")}
          options={GROUP_CODES.map((g) => ({ value: g, label: g }))}
          selected={filters.groups}
          onChange={(groups) => setFilters((f) => ({ ...f, groups }))}
          testId="policy-filter-group"
        />
        <MultiSelect
          label={t("policy.filters.country")}
          options={countries.map((c) => ({ value: c.code, label: c.name, detail: c.code }))}
          selected={filters.countries}
          onChange={(selected) => setFilters((f) => ({ ...f, countries: selected }))}
          searchable
          testId="policy-filter-country"
        />
        <select
          className="input input-sm select policy-committee-filter"
          aria-label={t("policy.filters.committee")}
          value={filters.committee}
          onChange={(e) => setFilters((f) => ({ ...f, committee: e.target.value }))}
          data-testid="policy-filter-committee"
        >
          <option value="">{t("policy.filters.anyCommittee")}</option>
          {committees.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {c.name}
            </option>
          ))}
        </select>
        <MultiSelect
          label={t("policy.filters.status")}
          options={MEP_STATUSES.map((s) => ({ value: s, label: mepStatusLabel(t, s) }))}
          selected={filters.statuses}
          onChange={(statuses) => setFilters((f) => ({ ...f, statuses }))}
          testId="policy-filter-status"
        />
        {(isNarrowed || text.trim() !== "") && (
          <button type="button" className="link-btn clear-filters" onClick={clearFilters} data-testid="policy-filters-clear">
            <CloseIcon size={12} />
            {t("policy.filters.clear")}
          </button>
        )}
      </div>

      <div className="page-body">
        <section className="list-area" aria-label={t("policy.title")}>
          {body}
        </section>
        {detailOpen && selection?.id && (
          <PolicyDetailPane
            maker={detail.maker}
            committees={committees}
            committeesError={committeesError}
            loading={detail.loading}
            error={detail.error}
            onRetry={detail.reload}
            onClose={() => setDetailOpen(false)}
            onEdit={() => detail.maker && setForm({ open: true, editing: detail.maker })}
            onChanged={(saved) => {
              detail.replace(saved);
              pages.refresh();
            }}
            onErased={() => {
              setDetailOpen(false);
              setSelection(null);
              pages.refresh();
            }}
          />
        )}
      </div>

      <PolicyMakerFormDialog
        open={form.open}
        editing={form.editing}
        onOpenChange={(open) => !open && setForm({ open: false, editing: null })}
        onSaved={onSaved}
      />
      <MepImportDialog open={importOpen} onClose={() => setImportOpen(false)} onApplied={onApplied} />
    </div>
  );
}
