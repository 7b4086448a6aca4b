import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Interaction } from "../../bindings/Interaction";
import type { InteractionKind } from "../../bindings/InteractionKind";
import type { InteractionQuery } from "../../bindings/InteractionQuery";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { OpenRequest } from "../../app/navigation";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useToast } from "../../components/Toasts";
import { formatDate } from "../../lib/dates";
import { INTERACTION_KINDS } from "./enums";
import { InteractionDialog } from "./InteractionDialog";
import { InteractionDetail } from "./InteractionDetail";
import { PartyChips, PartyPicker, type PickedParty } from "./PartyPicker";

const PAGE = 100;
const ROW_HEIGHT = 56;

interface Filters {
  kind: InteractionKind | "";
  text: string;
  from: string;
  to: string;
  party: PickedParty | null;
}

/** The engagement log: a virtualised list (pages fetched as it scrolls), the selected interaction, and the log dialog. */
export function InteractionLog({ onChanged, request = null }: { onChanged: () => void; request?: OpenRequest | null }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [filters, setFilters] = useState<Filters>({ kind: "", text: "", from: "", to: "", party: null });
  const [rows, setRows] = useState<Interaction[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ editing: Interaction | null } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const loadingMore = useRef(false);
  // The text filter reaches the core once typing pauses.
  const [typed, setTyped] = useState("");
  // An interaction opened from the command palette, shown even when it is not on a loaded page.
  const [pinned, setPinned] = useState<Interaction | null>(null);
  useEffect(() => {
    if (!request) return;
    if (request.action === "new") setDialog({ editing: null });
    const id = request.openId;
    if (!id) return;
    setSelectedId(id);
    backend.interactionGet(id).then(setPinned, (raw: unknown) => setError(toApiError(raw)));
  }, [backend, request]);
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.text === typed ? f : { ...f, text: typed })), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Ctrl+N logs an interaction, "/" goes to the search, Esc closes the detail.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const overlay = document.querySelector("[role=dialog], [role=alertdialog]") !== null;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "n") {
        event.preventDefault();
        if (!overlay) setDialog({ editing: null });
        return;
      }
      if (event.defaultPrevented || overlay || mod || event.altKey) return;
      const target = event.target;
      const editable = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (editable) return;
      if (event.key === "/") {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === "Escape") {
        setSelectedId(null);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const query = useCallback(
    (offset: number): InteractionQuery => ({
      kind: filters.kind || null,
      from: filters.from || null,
      to: filters.to || null,
      person_id: filters.party?.kind === "person" ? filters.party.id : null,
      organisation_id: filters.party?.kind === "organisation" ? filters.party.id : null,
      text: filters.text.trim() || null,
      offset,
      limit: PAGE,
    }),
    [filters],
  );

  useEffect(() => {
    let live = true;
    setError(null);
    backend.interactionsList(query(0)).then(
      (page) => {
        if (!live) return;
        setRows(page.rows);
        setTotal(page.total);
      },
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, query, token]);

  const count = rows?.length ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 800, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (!rows || loadingMore.current || rows.length >= total || lastIndex < rows.length - 10) return;
    loadingMore.current = true;
    backend
      .interactionsList(query(rows.length))
      .then(
        (page) => {
          setRows((prev) => [...(prev ?? []), ...page.rows]);
          setTotal(page.total);
        },
        (raw: unknown) => setError(toApiError(raw)),
      )
      .finally(() => {
        loadingMore.current = false;
      });
  }, [backend, query, rows, total, lastIndex]);

  const selected = rows?.find((r) => r.id === selectedId) ?? (pinned?.id === selectedId ? pinned : null);
  const refresh = () => {
    setToken((n) => n + 1);
    onChanged();
  };

  const replace = (next: Interaction) => setRows((prev) => prev?.map((r) => (r.id === next.id ? next : r)) ?? null);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!rows || rows.length === 0) return;
    const at = rows.findIndex((r) => r.id === selectedId);
    let next = at;
    if (event.key === "ArrowDown") next = Math.min(at + 1, rows.length - 1);
    else if (event.key === "ArrowUp") next = Math.max(at - 1, 0);
    else if (event.key === "Enter" && selected) {
      event.preventDefault();
      setDialog({ editing: selected });
      return;
    } else return;
    event.preventDefault();
    setSelectedId(rows[next]!.id);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  const remove = async () => {
    if (!selected) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await backend.interactionDelete(selected.id);
      setConfirmDelete(false);
      setSelectedId(null);
      toast.success(t("engagement.deleted", { subject: selected.subject }));
      refresh();
    } catch (raw) {
      setDeleteError(toApiError(raw));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <div className="eng-log">
      <div className="toolbar eng-filters" role="toolbar" aria-label={t("engagement.filters")}>
        <input
          ref={searchRef}
          className="input eng-search"
          type="search"
          placeholder={t("engagement.searchPlaceholder")}
          aria-label={t("engagement.searchPlaceholder")}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="interaction-search"
        />
        <EnumSelect<InteractionKind | "">
          id="interaction-filter-kind"
          value={filters.kind}
          values={INTERACTION_KINDS}
          label={(kind) => (kind ? t(`interactionKind.${kind}`) : "")}
          emptyLabel={t("engagement.allKinds")}
          onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
        />
        <div className="eng-owner-filter">
          {filters.party ? (
            <PartyChips parties={[filters.party]} onRemove={() => setFilters((f) => ({ ...f, party: null }))} testId="interaction-filter-party-chip" />
          ) : (
            <PartyPicker
              id="interaction-filter-party"
              scope="all"
              placeholder={t("engagement.participantFilter")}
              onPick={(hit) => setFilters((f) => ({ ...f, party: { kind: hit.kind, id: hit.id, name: hit.name } }))}
              testId="interaction-filter-party"
            />
          )}
        </div>
        <label className="field-label toolbar-label" htmlFor="interaction-from">
          {t("engagement.from")}
        </label>
        <input id="interaction-from" type="date" className="input" value={filters.from} onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))} />
        <label className="field-label toolbar-label" htmlFor="interaction-to">
          {t("engagement.to")}
        </label>
        <input id="interaction-to" type="date" className="input" value={filters.to} onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))} />
        <Button variant="primary" shortcut="Ctrl N" onClick={() => setDialog({ editing: null })} data-testid="interaction-log-button">
          {t("engagement.log")}
        </Button>
      </div>
      <div className="page-body">
        <section className="list-area" aria-label={t("engagement.logTab")}>
          {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="interactions-error" />}
          {rows === null && !error && <p className="page-loading">{t("common.loading")}</p>}
          {rows && rows.length === 0 && <EmptyState title={t("engagement.emptyTitle")} body={t("engagement.emptyBody")} testId="interactions-empty" />}
          {rows && rows.length > 0 && (
            <>
              <p className="cell-muted" data-testid="interactions-count">
                {t("engagement.count", { count: total })}
              </p>
              <div
                ref={scrollRef}
                className="eng-list"
                tabIndex={0}
                role="listbox"
                aria-label={t("engagement.logTab")}
                onKeyDown={move}
                data-testid="interaction-list"
              >
                <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
                  {items.map((item) => {
                    const row = rows[item.index]!;
                    const open = row.tasks.filter((task) => !task.done).length;
                    return (
                      <div
                        key={row.id}
                        role="option"
                        aria-selected={row.id === selectedId}
                        className={`eng-row ${row.id === selectedId ? "is-selected" : ""}`}
                        style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                        onClick={() => setSelectedId(row.id)}
                        onDoubleClick={() => setDialog({ editing: row })}
                        data-testid="interaction-row"
                      >
                        <span className="eng-row-date">{formatDate(row.occurred_on)}</span>
                        <span className={`eng-kind eng-kind-${row.kind}`}>{t(`interactionKind.${row.kind}`)}</span>
                        <span className="eng-row-main">
                          <span className="eng-row-subject">{row.subject}</span>
                          <span className="eng-row-who cell-muted">{row.participants.map((p) => p.name).join(", ")}</span>
                        </span>
                        {open > 0 && <span className="nav-count">{t("engagement.openTasks", { count: open })}</span>}
                      </div>
                    );
                  })}
                </div>
              </div>
            </>
          )}
        </section>
        {selected ? (
          <InteractionDetail
            interaction={selected}
            onEdit={() => setDialog({ editing: selected })}
            onDelete={() => {
              setDeleteError(null);
              setConfirmDelete(true);
            }}
            onTaskChanged={(task) => {
              replace({ ...selected, tasks: selected.tasks.map((x) => (x.id === task.id ? task : x)) });
              onChanged();
            }}
          />
        ) : (
          rows &&
          rows.length > 0 && (
            <div className="detail detail-empty">
              <p className="cell-muted">{t("engagement.pick")}</p>
            </div>
          )
        )}
      </div>
      <InteractionDialog
        open={dialog !== null}
        editing={dialog?.editing ?? null}
        onOpenChange={(open) => !open && setDialog(null)}
        onSaved={(saved, created) => {
          setDialog(null);
          setSelectedId(saved.id);
          toast.success(t(created ? "engagement.logged" : "engagement.saved", { subject: saved.subject }));
          refresh();
        }}
      />
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={t("engagement.deleteTitle")}
        body={t("engagement.deleteBody", { subject: selected?.subject ?? "" })}
        confirmLabel={t("engagement.delete")}
        onConfirm={() => void remove()}
        busy={deleting}
        error={deleteError}
        danger
        testId="interaction-delete-confirm"
      />
    </div>
  );
}
