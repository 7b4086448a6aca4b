import * as RadixDialog from "@radix-ui/react-dialog";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import type { SearchHit } from "../../bindings/SearchHit";
import type { SearchKind } from "../../bindings/SearchKind";
import { ErrorBanner } from "../../components/ErrorBanner";
import { SearchIcon } from "../../components/Icons";
import type { NavId } from "../../app/nav";
import { useNavigate, type OpenRequest } from "../../app/navigation";

/** How long typing must pause before the search runs. */
const DEBOUNCE_MS = 120;
const LIMIT = 40;
/** Letters whose "Export signatories of…" action is offered. */
const EXPORT_ACTIONS = 3;

/** Where each kind of record opens. */
const PAGE_OF: Record<SearchKind, NavId> = {
  organisation: "organisations",
  person: "people",
  policy_maker: "policy",
  event: "events",
  letter: "letters",
  dossier: "stances",
  interaction: "engagement",
};

/** Groups in the order they are shown. */
const GROUPS: SearchKind[] = ["organisation", "person", "policy_maker", "event", "letter", "dossier", "interaction"];

const GROUP_KEYS: Record<SearchKind | "actions", string> = {
  organisation: "palette.kind.organisation",
  person: "palette.kind.person",
  policy_maker: "palette.kind.policy_maker",
  event: "palette.kind.event",
  letter: "palette.kind.letter",
  dossier: "palette.kind.dossier",
  interaction: "palette.kind.interaction",
  actions: "palette.kind.actions",
};

interface Action {
  id: string;
  label: string;
  page: NavId;
  openId?: string;
  action: NonNullable<OpenRequest["action"]>;
}

type Item = { type: "hit"; hit: SearchHit } | { type: "action"; action: Action };

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** True when every typed word starts a word of the label (or nothing was typed). */
function actionMatches(label: string, typed: string[]): boolean {
  const have = words(label);
  return typed.every((w) => have.some((h) => h.startsWith(w)));
}

/** The event that opens the palette from a button (the sidebar's search field). */
export const OPEN_PALETTE_EVENT = "coalition:open-palette";

/** Asks the mounted palette to open. */
export function openPalette() {
  window.dispatchEvent(new Event(OPEN_PALETTE_EVENT));
}

/** Opens on Ctrl+K / Cmd+K from anywhere, or when a button asks (`openPalette`). */
function usePaletteShortcut(open: () => void) {
  useEffect(() => {
    window.addEventListener(OPEN_PALETTE_EVENT, open);
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener(OPEN_PALETTE_EVENT, open);
    };
  }, [open]);
}

/** The command palette: global search over every kind of record, grouped, plus actions. */
export function CommandPalette() {
  const { t } = useTranslation();
  const backend = useBackend();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [searched, setSearched] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [active, setActive] = useState(0);
  const [token, setToken] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  usePaletteShortcut(useCallback(() => setOpen(true), []));

  const changeOpen = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setText("");
      setHits([]);
      setSearched("");
      setError(null);
      setActive(0);
    }
  };

  // Debounced search; an answer for an older text is dropped.
  useEffect(() => {
    if (!open) return;
    const query = text.trim();
    if (query === "") {
      setHits([]);
      setSearched("");
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      backend.search(query, LIMIT).then(
        (found) => {
          if (!live) return;
          setHits(found);
          setSearched(query);
          setError(null);
        },
        (raw: unknown) => {
          if (live) setError(toApiError(raw));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, open, text, token]);

  const typed = useMemo(() => words(text), [text]);
  const actions = useMemo<Action[]>(() => {
    const fixed: Action[] = [
      { id: "new-organisation", label: t("palette.action.newOrganisation"), page: "organisations", action: "new" },
      { id: "new-person", label: t("palette.action.newPerson"), page: "people", action: "new" },
      { id: "new-policy-maker", label: t("palette.action.newPolicyMaker"), page: "policy", action: "new" },
      { id: "new-event", label: t("palette.action.newEvent"), page: "events", action: "new" },
      { id: "new-letter", label: t("palette.action.newLetter"), page: "letters", action: "new" },
      { id: "log-interaction", label: t("palette.action.logInteraction"), page: "engagement", action: "new" },
    ];
    const exports: Action[] = hits
      .filter((h) => h.kind === "letter")
      .slice(0, EXPORT_ACTIONS)
      .map((h) => ({
        id: `export-${h.id}`,
        label: t("palette.action.exportSignatories", { title: h.title }),
        page: "letters",
        openId: h.id,
        action: "export",
      }));
    // A letter found by the search offers its export whatever was typed; the fixed actions
    // show when every typed word starts one of their words ("new org", "log").
    return [...fixed.filter((a) => actionMatches(a.label, typed)), ...exports];
  }, [hits, t, typed]);

  const groups = useMemo(
    () => GROUPS.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0),
    [hits],
  );

  const items = useMemo<Item[]>(
    () => [
      ...groups.flatMap((g) => g.hits.map((hit): Item => ({ type: "hit", hit }))),
      ...actions.map((action): Item => ({ type: "action", action })),
    ],
    [groups, actions],
  );

  useEffect(() => setActive(0), [items]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView?.({ block: "nearest" });
  }, [active]);

  const choose = (item: Item | undefined) => {
    if (!item) return;
    if (item.type === "hit") navigate(PAGE_OF[item.hit.kind], { openId: item.hit.id });
    else navigate(item.action.page, { action: item.action.action, ...(item.action.openId ? { openId: item.action.openId } : {}) });
    changeOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = items.length - 1;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => (i >= last ? 0 : i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i <= 0 ? Math.max(last, 0) : i - 1));
    } else if (event.key === "Home") {
      event.preventDefault();
      setActive(0);
    } else if (event.key === "End") {
      event.preventDefault();
      setActive(Math.max(last, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(items[active]);
    }
  };

  const optionId = (index: number) => `palette-option-${index}`;
  let index = -1;
  const renderItem = (item: Item, label: string, detail: string | null, key: string) => {
    index += 1;
    const i = index;
    return (
      <div
        key={key}
        id={optionId(i)}
        role="option"
        aria-selected={i === active}
        data-index={i}
        data-testid="palette-item"
        className={`palette-item ${i === active ? "is-active" : ""}`}
        onMouseMove={() => setActive(i)}
        onClick={() => choose(item)}
      >
        <span className="palette-item-title">{label}</span>
        {detail && <span className="palette-item-detail">{detail}</span>}
      </div>
    );
  };

  const query = text.trim();
  const nothing = query !== "" && searched === query && items.length === 0 && !error;
  return (
    <RadixDialog.Root open={open} onOpenChange={changeOpen}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="palette" data-testid="palette" aria-describedby={undefined}>
          <RadixDialog.Title className="sr-only">{t("palette.title")}</RadixDialog.Title>
          <div className="palette-input-row">
            <SearchIcon size={16} aria-hidden="true" />
            <input
              className="palette-input"
              data-testid="palette-input"
              role="combobox"
              aria-label={t("palette.label")}
              aria-expanded={items.length > 0}
              aria-controls="palette-list"
              aria-activedescendant={items.length > 0 ? optionId(active) : undefined}
              aria-autocomplete="list"
              placeholder={t("palette.placeholder")}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
              autoFocus
            />
          </div>
          {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="palette-error" />}
          <div className="palette-list" id="palette-list" role="listbox" aria-label={t("palette.results")} ref={listRef}>
            {groups.map((group) => (
              <div key={group.kind} role="group" aria-labelledby={`palette-group-${group.kind}`} className="palette-group">
                <div className="palette-group-heading" id={`palette-group-${group.kind}`} role="presentation">
                  {t(GROUP_KEYS[group.kind])}
                </div>
                {group.hits.map((hit) => renderItem({ type: "hit", hit }, hit.title, hit.subtitle, `${hit.kind}-${hit.id}`))}
              </div>
            ))}
            {actions.length > 0 && (
              <div role="group" aria-labelledby="palette-group-actions" className="palette-group">
                <div className="palette-group-heading" id="palette-group-actions" role="presentation">
                  {t(GROUP_KEYS.actions)}
                </div>
                {actions.map((action) => renderItem({ type: "action", action }, action.label, null, action.id))}
              </div>
            )}
            {nothing && <p className="palette-empty">{t("palette.noResults", { query })}</p>}
          </div>
          <footer className="palette-hint" aria-hidden="true">
            {t("palette.hint")}
          </footer>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
