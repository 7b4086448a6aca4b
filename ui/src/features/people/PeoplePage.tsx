import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useOpenRequest } from "../../app/navigation";
import { useTranslation } from "react-i18next";
import type { PeopleImportReport } from "../../bindings/PeopleImportReport";
import type { PersonDetail } from "../../bindings/PersonDetail";
import type { PersonRow } from "../../bindings/PersonRow";
import { useBackend, useFilePicker } from "../../api/context";
import { defaultExportFileName, spreadsheetFilters } from "../../api/files";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ProgressPanel } from "../../components/ProgressPanel";
import { useLongOperation } from "../../components/useLongOperation";
import { ErrorBanner } from "../../components/ErrorBanner";
import { DownloadIcon, FilterIcon, MergeIcon, PersonIcon, PlusIcon, UploadIcon, UsersIcon } from "../../components/Icons";
import { SegmentedTabs } from "../../components/SegmentedTabs";
import { Tooltip } from "../../components/Tooltip";
import { useToast } from "../../components/Toasts";
import { isEditableTarget, isOverlayOpen, modKeyLabelKey } from "../../lib/platform";
import { PeopleDuplicatesView } from "./PeopleDuplicatesView";
import { PeopleFilterBar } from "./PeopleFilterBar";
import type { ChosenTable } from "../../components/ImportWizard";
import { PeopleImportWizard, useReadPeopleFile } from "./PeopleImportWizard";
import { PeopleTable, type PeopleTableHandle } from "./PeopleTable";
import { PersonDetailPane } from "./PersonDetailPane";
import { PersonFormDialog, type PersonFormMode } from "./PersonFormDialog";
import {
  DEFAULT_PEOPLE_SORT,
  EMPTY_PEOPLE_FILTERS,
  buildPeopleQuery,
  hasNarrowingPeopleFilters,
  withPeopleWindow,
  type PeopleFilters,
  type PeopleSort,
} from "./query";
import { usePeoplePages } from "./usePeoplePages";
import { usePersonDetail } from "./usePersonDetail";
import { IncludeSensitiveToggle } from "../data-protection/IncludeSensitiveToggle";

interface Selection {
  id: string | null;
  index: number;
}

type FormState = { open: false } | { open: true; mode: PersonFormMode };

const INTERACTIVE = "button, a, input, select, textarea, summary, [role='button'], [role='option'], [role='switch'], [role='tab'], [role='combobox']";

/** People: the virtualised list (paged, sorted and filtered in the core), the detail pane,
 * create/edit, archive, import with a preview, export, and the possible duplicates. */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const toast = useToast();

  const [filters, setFilters] = useState<PeopleFilters>(EMPTY_PEOPLE_FILTERS);
  const [sort, setSort] = useState<PeopleSort>(DEFAULT_PEOPLE_SORT);
  const query = useMemo(() => buildPeopleQuery(filters, sort), [filters, sort]);
  const { cache, version, refresh, queryKey } = usePeoplePages(query);

  const [tab, setTab] = useState<"list" | "duplicates">("list");
  const [selection, setSelection] = useState<Selection | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const detailId = detailOpen ? (selection?.id ?? null) : null;
  const detail = usePersonDetail(detailId);

  const [form, setForm] = useState<FormState>({ open: false });
  const [importStart, setImportStart] = useState<ChosenTable | null>(null);
  const readImportFile = useReadPeopleFile();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<"csv" | "json" | null>(null);
  const exportOperation = useLongOperation();
  const [includeSensitive, setIncludeSensitive] = useState(false);

  const tableRef = useRef<PeopleTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (selection && selection.id === null && selection.index >= 0) {
      const row = cache.getRow(selection.index);
      if (row) setSelection({ id: row.id, index: selection.index });
    }
  }, [cache, version, selection]);

  const total = cache.total;
  const narrowed = hasNarrowingPeopleFilters(filters);
  const listReady = !cache.loading;

  const openCreate = useCallback(() => setForm({ open: true, mode: { kind: "create" } }), []);
  const openEdit = () => {
    if (detail.detail) setForm({ open: true, mode: { kind: "edit", detail: detail.detail } });
  };
  const openPerson = useCallback((id: string) => {
    setTab("list");
    setSelection({ id, index: -1 });
    setDetailOpen(true);
  }, []);
  // Opened from the command palette: open a person, or start a new one.
  useOpenRequest("people", (request) => {
    if (request.openId) openPerson(request.openId);
    if (request.action === "new") openCreate();
  });

  const onSaved = (saved: PersonDetail, created: boolean) => {
    setForm({ open: false });
    setSelection({ id: saved.person.id, index: -1 });
    setDetailOpen(true);
    detail.replace(saved);
    refresh();
    toast.success(created ? t("people.form.created", { name: saved.person.display_name }) : t("people.form.saved", { name: saved.person.display_name }));
  };

  const onDetailChanged = (saved: PersonDetail) => {
    detail.replace(saved);
    refresh();
  };

  const exportAs = async (format: "csv" | "json") => {
    try {
      const path = await files.pickSaveFile(defaultExportFileName(new Date(), "people").replace(/\.csv$/, `.${format}`), {
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      });
      if (!path) return;
      setExporting(format);
      const q = { ...withPeopleWindow(query, 0, Math.max(total ?? 0, 1)), include_sensitive: includeSensitive };
      const written = await exportOperation.run((tracking) =>
        format === "csv" ? backend.peopleExportCsv(q, path, tracking) : backend.peopleExportJson(q, path, tracking),
      );
      // Cancelled: the file was not written (the toast says so).
      if (written !== undefined) toast.success(t("people.export.done", { count: written, path }));
    } catch (raw) {
      toast.error(raw, t("people.export.failed"));
    } finally {
      setExporting(null);
    }
  };

  const startImport = async () => {
    try {
      const path = await files.pickOpenFile({ filters: spreadsheetFilters() });
      if (!path) return;
      setImporting(true);
      setImportStart(await readImportFile(path));
    } catch (raw) {
      toast.error(raw, t("people.import.failed"));
    } finally {
      setImporting(false);
    }
  };

  const onImported = (report: PeopleImportReport) => {
    refresh();
    toast.success(
      t("people.import.done"),
      t("people.import.doneSummary", { created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped }),
    );
  };

  const onRowClick = useCallback((index: number, row: PersonRow) => {
    setSelection({ id: row.id, index });
    setDetailOpen(true);
  }, []);

  // ---- keyboard: Ctrl+N new, / search, ↑/↓/Home/End move, Enter opens, Esc closes --------

  const moveSelection = useCallback(
    (to: (current: number, count: number) => number) => {
      const count = cache.count;
      if (count === 0) return;
      let current = selection?.id ? cache.indexOf(selection.id) : -1;
      if (current < 0) current = selection?.index ?? -1;
      const next = Math.min(count - 1, Math.max(0, to(current, count)));
      const row = cache.getRow(next);
      cache.ensure(next, next);
      setSelection({ id: row?.id ?? null, index: next });
      tableRef.current?.scrollToIndex(next);
    },
    [cache, selection],
  );

  const keyState = useRef({ openCreate, moveSelection, detailOpen, selection, tab });
  keyState.current = { openCreate, moveSelection, detailOpen, selection, tab };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const s = keyState.current;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "n") {
        event.preventDefault();
        if (!isOverlayOpen()) s.openCreate();
        return;
      }
      if (event.defaultPrevented || isOverlayOpen() || s.tab !== "list") return;
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
        case "Home":
          event.preventDefault();
          s.moveSelection(() => 0);
          break;
        case "End":
          event.preventDefault();
          s.moveSelection((_, count) => count - 1);
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

  // ---- render --------------------------------------------------------------

  const mod = t(modKeyLabelKey());
  const countLabel =
    total === null
      ? cache.error
        ? t("people.countUnknown")
        : t("common.loading")
      : t("people.count", { count: total, formatted: total.toLocaleString(i18n.language) });

  let body;
  if (cache.error && total === null) {
    body = <ErrorBanner error={cache.error} onRetry={refresh} testId="people-list-error" />;
  } else if (listReady && total === 0 && !narrowed && !filters.includeArchived) {
    body = (
      <EmptyState
        icon={<UsersIcon size={28} />}
        title={t("people.empty.title")}
        body={t("people.empty.body")}
        testId="people-empty"
        actions={
          <>
            <Button icon={<UploadIcon size={14} />} onClick={startImport} busy={importing} data-testid="people-empty-import">
              {t("people.import.button")}
            </Button>
            <Button variant="primary" icon={<PlusIcon size={14} />} onClick={openCreate} data-testid="people-empty-new">
              {t("people.new")}
            </Button>
          </>
        }
      />
    );
  } else if (listReady && total === 0) {
    body = (
      <EmptyState
        icon={<FilterIcon size={28} />}
        title={t("people.empty.noMatchTitle")}
        body={t("people.empty.noMatchBody")}
        testId="people-empty-filtered"
        actions={<Button onClick={() => setFilters(EMPTY_PEOPLE_FILTERS)}>{t("people.filters.clear")}</Button>}
      />
    );
  } else {
    body = (
      <>
        {cache.error && <ErrorBanner error={cache.error} onRetry={refresh} testId="people-list-error" />}
        <PeopleTable
          ref={tableRef}
          cache={cache}
          version={version}
          queryKey={queryKey}
          sort={sort}
          onSortChange={setSort}
          selectedId={selection?.id ?? null}
          onRowClick={onRowClick}
        />
      </>
    );
  }

  return (
    <div className="page" data-testid="people-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("people.title")}</h1>
          <span className="page-count" data-testid="people-count" aria-live="polite">
            {countLabel}
          </span>
          {cache.loading && total !== null && <span className="loading-dot" aria-hidden="true" />}
        </div>
        <SegmentedTabs
          tabs={[
            { id: "list", label: t("people.tabs.list"), icon: <PersonIcon size={14} />, testId: "people-tab-list" },
            { id: "duplicates", label: t("people.tabs.duplicates"), icon: <MergeIcon size={14} />, testId: "people-tab-duplicates" },
          ]}
          active={tab}
          onSelect={(next) => {
            setTab(next);
            if (next === "list") refresh();
          }}
          label={t("people.tabs.label")}
        />
        <div className="toolbar" role="toolbar" aria-label={t("people.toolbar")}>
          <Tooltip content={t("people.import.tooltip")}>
            <Button icon={<UploadIcon size={14} />} onClick={startImport} busy={importing} data-testid="people-import">
              {t("people.import.button")}
            </Button>
          </Tooltip>
          <IncludeSensitiveToggle scope={{ scope: "people" }} checked={includeSensitive} onChange={setIncludeSensitive} />
          <Tooltip content={t("people.export.tooltipCsv")}>
            <Button icon={<DownloadIcon size={14} />} onClick={() => exportAs("csv")} busy={exporting === "csv"} disabled={total === 0} data-testid="people-export-csv">
              {t("people.export.csv")}
            </Button>
          </Tooltip>
          <Tooltip content={t("people.export.tooltipJson")}>
            <Button icon={<DownloadIcon size={14} />} onClick={() => exportAs("json")} busy={exporting === "json"} disabled={total === 0} data-testid="people-export-json">
              {t("people.export.json")}
            </Button>
          </Tooltip>
          <Tooltip content={t("people.newTooltip")} shortcut={`${mod} N`}>
            <Button variant="primary" icon={<PlusIcon size={14} />} onClick={openCreate} data-testid="people-new" aria-keyshortcuts="Control+N Meta+N">
              {t("people.new")}
            </Button>
          </Tooltip>
        </div>
      </header>
      {tab === "duplicates" ? (
        <div className="page-body">
          <section className="list-area people-duplicates-area" aria-label={t("people.tabs.duplicates")}>
            <PeopleDuplicatesView onOpenPerson={openPerson} />
          </section>
        </div>
      ) : (
        <>
          <PeopleFilterBar ref={searchRef} filters={filters} onChange={setFilters} sort={sort} onSortChange={setSort} />
          <div className="page-body">
            <section className="list-area" aria-label={t("people.title")}>
              {body}
            </section>
            {detailOpen && selection?.id && (
              <PersonDetailPane
                detail={detail.detail}
                loading={detail.loading}
                error={detail.error}
                onRetry={detail.reload}
                onClose={() => setDetailOpen(false)}
                onEdit={openEdit}
                onChanged={onDetailChanged}
                onOpenPerson={openPerson}
                onErased={() => {
                  setDetailOpen(false);
                  setSelection(null);
                  refresh();
                }}
              />
            )}
          </div>
        </>
      )}

      <PersonFormDialog
        open={form.open}
        mode={form.open ? form.mode : { kind: "create" }}
        onOpenChange={(open) => {
          if (!open) setForm({ open: false });
        }}
        onSaved={onSaved}
      />
      <PeopleImportWizard start={importStart} onClose={() => setImportStart(null)} onCommitted={onImported} />
      <ProgressPanel operation={exportOperation} floating testId="export-progress" />
    </div>
  );
}
