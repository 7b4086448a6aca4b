import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useOpenRequest } from "../../app/navigation";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../bindings/ImportReport";
import type { OrganisationDetail } from "../../bindings/OrganisationDetail";
import type { OrganisationRow } from "../../bindings/OrganisationRow";
import { useBackend, useFilePicker } from "../../api/context";
import { defaultExportFileName, spreadsheetFilters } from "../../api/files";
import { reportFirstPaint } from "../../app/firstPaint";
import { useStoreInfo } from "../../app/storeInfo";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ProgressPanel } from "../../components/ProgressPanel";
import { useLongOperation } from "../../components/useLongOperation";
import { ErrorBanner } from "../../components/ErrorBanner";
import { BuildingIcon, DownloadIcon, FilterIcon, MergeIcon, PlusIcon, SparkIcon, UploadIcon } from "../../components/Icons";
import { SegmentedTabs } from "../../components/SegmentedTabs";
import { Tooltip } from "../../components/Tooltip";
import { useToast } from "../../components/Toasts";
import { isEditableTarget, isOverlayOpen, modKeyLabelKey } from "../../lib/platform";
import { useCountries } from "./countries";
import { DuplicatesView } from "./DuplicatesView";
import { FilterBar } from "./FilterBar";
import type { ChosenTable } from "../../components/ImportWizard";
import { OrganisationImportWizard, useReadOrganisationsFile } from "./OrganisationImportWizard";
import { OrganisationDetailPane } from "./OrganisationDetailPane";
import { OrganisationFormDialog } from "./OrganisationFormDialog";
import { OrganisationTable, type OrganisationTableHandle } from "./OrganisationTable";
import { DEFAULT_SORT, EMPTY_FILTERS, buildListQuery, hasNarrowingFilters, withWindow, type ListFilters, type ListSort } from "./query";
import { useOrganisationDetail } from "./useOrganisationDetail";
import { useOrganisationPages } from "./useOrganisationPages";

interface Selection {
  id: string | null;
  /** Position in the current list, or -1 when unknown (e.g. just created). */
  index: number;
}

type FormState = { open: false } | { open: true; mode: "create" } | { open: true; mode: "edit"; detail: OrganisationDetail };

const INTERACTIVE = "button, a, input, select, textarea, summary, [role='button'], [role='menuitem'], [role='option'], [role='checkbox'], [role='switch'], [role='tab']";

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const toast = useToast();
  const storeInfo = useStoreInfo();
  const countries = useCountries();

  const [filters, setFilters] = useState<ListFilters>(EMPTY_FILTERS);
  const [sort, setSort] = useState<ListSort>(DEFAULT_SORT);
  const query = useMemo(() => buildListQuery(filters, sort), [filters, sort]);
  const { cache, version, refresh, queryKey } = useOrganisationPages(query);

  const [selection, setSelection] = useState<Selection | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const [tab, setTab] = useState<"list" | "duplicates">("list");
  const detailId = detailOpen ? (selection?.id ?? null) : null;
  const detail = useOrganisationDetail(detailId);

  const [form, setForm] = useState<FormState>({ open: false });
  const [importStart, setImportStart] = useState<ChosenTable | null>(null);
  const readImportFile = useReadOrganisationsFile();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const exportOperation = useLongOperation();
  const [demoLoading, setDemoLoading] = useState(false);

  const tableRef = useRef<OrganisationTableHandle>(null);
  const quickFilterRef = useRef<HTMLInputElement>(null);

  // A selection made by keyboard onto a row not loaded yet learns its id when the page lands.
  useEffect(() => {
    if (selection && selection.id === null && selection.index >= 0) {
      const row = cache.getRow(selection.index);
      if (row) setSelection({ id: row.id, index: selection.index });
    }
  }, [cache, version, selection]);

  const total = cache.total;
  const narrowed = hasNarrowingFilters(filters);
  const listReady = !cache.loading;
  const storeEmpty = listReady && total === 0 && !narrowed;
  // The first list painted in this window is reported once (scripts/measure-app times it).
  useEffect(() => {
    if (listReady) reportFirstPaint(backend, (raw) => toast.error(raw));
  }, [backend, listReady, toast]);

  const afterChange = useCallback(() => {
    refresh();
    storeInfo.reload();
  }, [refresh, storeInfo]);

  // ---- actions -------------------------------------------------------------

  const openCreate = useCallback(() => setForm({ open: true, mode: "create" }), []);
  // Opened from the command palette: select and open a record, or start a new one.
  useOpenRequest("organisations", (request) => {
    if (request.openId) {
      setTab("list");
      setSelection({ id: request.openId, index: -1 });
      setDetailOpen(true);
    }
    if (request.action === "new") openCreate();
  });

  const openEdit = useCallback(() => {
    if (detail.detail) setForm({ open: true, mode: "edit", detail: detail.detail });
  }, [detail.detail]);

  const onSaved = (saved: OrganisationDetail, created: boolean) => {
    setForm({ open: false });
    setSelection({ id: saved.organisation.id, index: -1 });
    setDetailOpen(true);
    detail.replace(saved);
    afterChange();
    toast.success(
      created
        ? t("form.created", { name: saved.organisation.name })
        : t("form.saved", { name: saved.organisation.name }),
    );
  };

  const onDetailChanged = (saved: OrganisationDetail) => {
    detail.replace(saved);
    afterChange();
  };

  const exportCsv = async () => {
    try {
      const path = await files.pickSaveFile(defaultExportFileName());
      if (!path) return;
      setExporting(true);
      const view = withWindow(query, 0, Math.max(total ?? 0, 1));
      const written = await exportOperation.run((tracking) => backend.orgsExportCsv(view, path, tracking));
      // Cancelled: the file was not written (the toast says so).
      if (written !== undefined) toast.success(t("export.done", { count: written, path }));
    } catch (raw) {
      toast.error(raw, t("export.failed"));
    } finally {
      setExporting(false);
    }
  };

  const startImport = async () => {
    try {
      const path = await files.pickOpenFile({ filters: spreadsheetFilters() });
      if (!path) return;
      setImporting(true);
      setImportStart(await readImportFile(path));
    } catch (raw) {
      toast.error(raw, t("import.failed"));
    } finally {
      setImporting(false);
    }
  };

  const onImported = (report: ImportReport) => {
    afterChange();
    toast.success(
      t("import.done"),
      t("import.doneSummary", {
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
      }),
    );
  };

  const loadDemo = async () => {
    setDemoLoading(true);
    try {
      const report = await backend.demoLoad();
      afterChange();
      countries.reload();
      toast.success(
        t("demo.done", { count: report.organisations_added }),
        report.organisations_present > 0 ? t("demo.present", { count: report.organisations_present }) : undefined,
      );
    } catch (raw) {
      toast.error(raw, t("demo.failed"));
    } finally {
      setDemoLoading(false);
    }
  };

  const onRowClick = useCallback((index: number, row: OrganisationRow) => {
    setSelection({ id: row.id, index });
    setDetailOpen(true);
  }, []);

  // ---- keyboard ------------------------------------------------------------

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

  const keyState = useRef({ openCreate, moveSelection, detailOpen, selection });
  keyState.current = { openCreate, moveSelection, detailOpen, selection };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const s = keyState.current;
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
          quickFilterRef.current?.focus();
          quickFilterRef.current?.select();
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
        ? t("orgs.countUnknown")
        : t("common.loading")
      : t("orgs.count", { count: total, formatted: total.toLocaleString(i18n.language) });

  let body;
  if (cache.error && total === null) {
    body = <ErrorBanner error={cache.error} onRetry={refresh} testId="list-error" />;
  } else if (storeEmpty && !filters.includeArchived && (storeInfo.info?.organisations ?? 0) > 0) {
    body = (
      <EmptyState
        icon={<BuildingIcon size={28} />}
        title={t("empty.allArchivedTitle")}
        body={t("empty.allArchivedBody")}
        actions={
          <Button variant="primary" onClick={() => setFilters({ ...filters, includeArchived: true })}>
            {t("filters.showArchived")}
          </Button>
        }
        testId="empty-archived"
      />
    );
  } else if (storeEmpty) {
    body = (
      <EmptyState
        icon={<BuildingIcon size={28} />}
        title={t("empty.title")}
        body={t("empty.body")}
        testId="empty-store"
        actions={
          <>
            <Button variant="primary" icon={<SparkIcon size={14} />} onClick={loadDemo} busy={demoLoading} data-testid="demo-load">
              {t("empty.demo")}
            </Button>
            <Button icon={<UploadIcon size={14} />} onClick={startImport} busy={importing} data-testid="empty-import">
              {t("empty.import")}
            </Button>
            <Button icon={<PlusIcon size={14} />} onClick={openCreate} data-testid="empty-new">
              {t("empty.new")}
            </Button>
          </>
        }
      />
    );
  } else if (listReady && total === 0) {
    body = (
      <EmptyState
        icon={<FilterIcon size={28} />}
        title={t("empty.noMatchTitle")}
        body={t("empty.noMatchBody")}
        testId="empty-filtered"
        actions={<Button onClick={() => setFilters(EMPTY_FILTERS)}>{t("filters.clear")}</Button>}
      />
    );
  } else {
    body = (
      <>
        {cache.error && <ErrorBanner error={cache.error} onRetry={refresh} testId="list-error" />}
        <OrganisationTable
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
    <div className="page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("orgs.title")}</h1>
          <span className="page-count" data-testid="org-count" aria-live="polite">
            {countLabel}
          </span>
          {cache.loading && total !== null && <span className="loading-dot" aria-hidden="true" />}
        </div>
        <SegmentedTabs
          tabs={[
            { id: "list", label: t("orgs.tabs.list"), icon: <BuildingIcon size={14} />, testId: "orgs-tab-list" },
            { id: "duplicates", label: t("orgs.tabs.duplicates"), icon: <MergeIcon size={14} />, testId: "orgs-tab-duplicates" },
          ]}
          active={tab}
          onSelect={(next) => {
            setTab(next);
            // A merge changes the list: show it fresh when coming back.
            if (next === "list") refresh();
          }}
          label={t("orgs.tabs.label")}
        />
        <div className="toolbar" role="toolbar" aria-label={t("orgs.toolbar")}>
          <Tooltip content={t("import.tooltip")}>
            <Button icon={<UploadIcon size={14} />} onClick={startImport} busy={importing} data-testid="org-import">
              {t("import.button")}
            </Button>
          </Tooltip>
          <Tooltip content={t("export.tooltip")}>
            <Button
              icon={<DownloadIcon size={14} />}
              onClick={exportCsv}
              busy={exporting}
              disabled={total === 0}
              data-testid="org-export"
            >
              {t("export.button")}
            </Button>
          </Tooltip>
          <Tooltip content={t("orgs.newTooltip")} shortcut={`${mod} N`}>
            <Button variant="primary" icon={<PlusIcon size={14} />} onClick={openCreate} data-testid="org-new" aria-keyshortcuts="Control+N Meta+N">
              {t("orgs.new")}
            </Button>
          </Tooltip>
        </div>
      </header>
      {tab === "duplicates" ? (
        <div className="page-body">
          <section className="list-area" aria-label={t("orgs.tabs.duplicates")}>
            <DuplicatesView />
          </section>
        </div>
      ) : (
      <>
      <FilterBar ref={quickFilterRef} filters={filters} onChange={setFilters} />
      <div className="page-body">
        <section className="list-area" aria-label={t("orgs.title")}>
          {body}
        </section>
        {detailOpen && selection?.id && (
          <OrganisationDetailPane
            detail={detail.detail}
            loading={detail.loading}
            error={detail.error}
            onRetry={detail.reload}
            onClose={() => setDetailOpen(false)}
            onEdit={openEdit}
            onChanged={onDetailChanged}
          />
        )}
      </div>
      </>
      )}

      <OrganisationFormDialog
        open={form.open}
        mode={form.open && form.mode === "edit" ? { kind: "edit", detail: form.detail } : { kind: "create" }}
        onOpenChange={(open) => {
          if (!open) setForm({ open: false });
        }}
        onSaved={onSaved}
      />
      <OrganisationImportWizard start={importStart} onClose={() => setImportStart(null)} onCommitted={onImported} />
      <ProgressPanel operation={exportOperation} floating testId="export-progress" />
    </div>
  );
}
