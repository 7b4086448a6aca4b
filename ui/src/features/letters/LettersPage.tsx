import { useCallback, useEffect, useRef, useState } from "react";
import { useOpenRequest } from "../../app/navigation";
import { useTranslation } from "react-i18next";
import type { Letter } from "../../bindings/Letter";
import type { LetterDetail } from "../../bindings/LetterDetail";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { GridIcon, LetterIcon, PlusIcon } from "../../components/Icons";
import { Tooltip } from "../../components/Tooltip";
import { useToast } from "../../components/Toasts";
import { isEditableTarget, isOverlayOpen, modKeyLabelKey } from "../../lib/platform";
import { SegmentedTabs, type SegmentedTab } from "../../components/SegmentedTabs";
import { LetterDetailView } from "./LetterDetailView";
import { LetterFormDialog } from "./LetterFormDialog";
import { LetterTable, type LetterTableHandle } from "./LetterTable";
import { MatrixView } from "./MatrixView";
import { useLetterDetail, useLetters } from "./useLetters";

export type LettersView = { kind: "list" } | { kind: "letter"; id: string } | { kind: "matrix" };

type FormState = { open: false } | { open: true; mode: "create" } | { open: true; mode: "edit"; letter: Letter };

const INTERACTIVE = "button, a, input, select, textarea, summary, [role='button'], [role='menuitem'], [role='option'], [role='checkbox'], [role='switch'], [role='tab'], [role='radio']";

type TabId = "list" | "matrix";

function Tabs({ active, onSelect }: { active: TabId; onSelect: (tab: TabId) => void }) {
  const { t } = useTranslation();
  const tabs: Array<SegmentedTab<TabId>> = [
    { id: "list", label: t("letters.tabs.letters"), icon: <LetterIcon size={14} />, testId: "letters-tab-list" },
    { id: "matrix", label: t("letters.tabs.matrix"), icon: <GridIcon size={14} />, testId: "letters-matrix" },
  ];
  return <SegmentedTabs tabs={tabs} active={active} onSelect={onSelect} label={t("letters.tabs.label")} />;
}

/** Letters: the list, one letter's signatures and the signature matrix. */
export function LettersPage() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const list = useLetters();
  const [view, setView] = useState<LettersView>({ kind: "list" });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>({ open: false });
  const tableRef = useRef<LetterTableHandle>(null);
  const detail = useLetterDetail(view.kind === "letter" ? view.id : null);

  const letters = list.letters;
  const openLetter = useCallback((id: string) => {
    setSelectedId(id);
    setView({ kind: "letter", id });
  }, []);
  const backToList = useCallback(() => {
    setView({ kind: "list" });
    list.refresh();
  }, [list]);
  const openCreate = useCallback(() => setForm({ open: true, mode: "create" }), []);
  // Opened from the command palette: open a letter (with its export dialog), or start a new one.
  const [exportRequest, setExportRequest] = useState(0);
  useOpenRequest("letters", (request) => {
    if (request.openId) openLetter(request.openId);
    if (request.action === "export") setExportRequest((n) => n + 1);
    if (request.action === "new") openCreate();
  });

  const onSaved = (saved: LetterDetail, created: boolean) => {
    setForm({ open: false });
    list.refresh();
    if (created) {
      openLetter(saved.letter.id);
      toast.success(t("letterForm.created", { title: saved.letter.title }));
    } else {
      detail.replace(saved);
      toast.success(t("letterForm.saved", { title: saved.letter.title }));
    }
  };

  // ---- keyboard (list view: ↑/↓ select, Enter opens, Ctrl+N new; detail: Esc back) ----

  const moveSelection = useCallback(
    (to: (current: number, count: number) => number) => {
      const ids = tableRef.current?.visibleIds() ?? [];
      if (ids.length === 0) return;
      const current = selectedId ? ids.indexOf(selectedId) : -1;
      const next = Math.min(ids.length - 1, Math.max(0, to(current, ids.length)));
      const id = ids[next];
      if (!id) return;
      setSelectedId(id);
      tableRef.current?.focus();
      tableRef.current?.scrollToId(id);
    },
    [selectedId],
  );

  const keyState = useRef({ view, selectedId, moveSelection, openCreate, openLetter, backToList });
  keyState.current = { view, selectedId, moveSelection, openCreate, openLetter, backToList };

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
        if (!editable && s.view.kind === "letter") {
          event.preventDefault();
          s.backToList();
        }
        return;
      }
      if (s.view.kind !== "list" || editable || mod || event.altKey) return;
      switch (event.key) {
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
          if (s.selectedId) {
            event.preventDefault();
            s.openLetter(s.selectedId);
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

  const formDialog = (
    <LetterFormDialog
      open={form.open}
      mode={form.open && form.mode === "edit" ? { kind: "edit", letter: form.letter } : { kind: "create" }}
      onOpenChange={(open) => {
        if (!open) setForm({ open: false });
      }}
      onSaved={onSaved}
    />
  );

  if (view.kind === "letter") {
    return (
      <div className="page">
        <LetterDetailView
          key={exportRequest}
          openExport={exportRequest > 0}
          detail={detail.detail}
          loading={detail.loading}
          error={detail.error}
          onRetry={detail.reload}
          onReload={detail.reload}
          onBack={backToList}
          onEdit={(letter) => setForm({ open: true, mode: "edit", letter })}
          onChanged={(d) => {
            detail.replace(d);
            list.refresh();
          }}
        />
        {formDialog}
      </div>
    );
  }

  const mod = t(modKeyLabelKey());
  const tab: TabId = view.kind;
  const count = letters?.length ?? null;

  let body;
  if (view.kind === "matrix") {
    body = <MatrixView />;
  } else if (list.error && !letters) {
    body = <ErrorBanner error={list.error} onRetry={list.refresh} testId="letters-error" />;
  } else if (letters && letters.length === 0) {
    body = (
      <EmptyState
        icon={<LetterIcon size={28} />}
        title={t("letters.emptyTitle")}
        body={t("letters.emptyBody")}
        testId="letters-empty"
        actions={
          <Button variant="primary" icon={<PlusIcon size={14} />} onClick={openCreate}>
            {t("letters.new")}
          </Button>
        }
      />
    );
  } else if (letters) {
    body = (
      <>
        {list.error && <ErrorBanner error={list.error} onRetry={list.refresh} testId="letters-error" />}
        <LetterTable ref={tableRef} letters={letters} selectedId={selectedId} onRowClick={openLetter} />
      </>
    );
  } else {
    body = <p className="page-loading">{t("common.loading")}</p>;
  }

  return (
    <div className="page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("letters.title")}</h1>
          {view.kind === "list" && (
            <span className="page-count" data-testid="letters-count" aria-live="polite">
              {count === null ? (list.error ? t("orgs.countUnknown") : t("common.loading")) : t("letters.count", { count, formatted: count.toLocaleString(i18n.language) })}
            </span>
          )}
          {list.loading && letters && <span className="loading-dot" aria-hidden="true" />}
        </div>
        <Tabs
          active={tab}
          onSelect={(next) => {
            if (next === "list") backToList();
            else setView({ kind: next });
          }}
        />
        <div className="toolbar" role="toolbar" aria-label={t("letters.toolbar")}>
          <Tooltip content={t("letters.newTooltip")} shortcut={`${mod} N`}>
            <Button
              variant="primary"
              icon={<PlusIcon size={14} />}
              onClick={openCreate}
              data-testid="letter-new"
              aria-keyshortcuts="Control+N Meta+N"
            >
              {t("letters.new")}
            </Button>
          </Tooltip>
        </div>
      </header>
      <div className="page-body">
        <section className="list-area" aria-label={t("letters.title")}>
          {body}
        </section>
      </div>
      {formDialog}
    </div>
  );
}
