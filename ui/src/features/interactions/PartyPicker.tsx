import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { PartyHit } from "../../bindings/PartyHit";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { invalidProps } from "../../components/Field";

/** Which records a picker offers. */
export type PartyScope = "all" | "people" | "organisations";

/** A picked participant or owner: enough to show and to send back. */
export type PickedParty = Pick<PartyHit, "kind" | "id" | "name">;

const SHOWN = 8;

/**
 * A search box over people and organisations (names folded, by prefix, in the core):
 * ↑/↓ move through the suggestions, Enter picks, Esc closes the list.
 */
export function PartyPicker({
  id,
  scope,
  onPick,
  exclude = [],
  placeholder,
  error,
  testId,
  inputRef,
}: {
  id: string;
  scope: PartyScope;
  onPick: (hit: PartyHit) => void;
  /** Ids already picked, left out of the suggestions. */
  exclude?: readonly string[];
  placeholder?: string;
  error?: string | null | undefined;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const listId = useId();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<PartyHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searchError, setSearchError] = useState<ApiError | null>(null);
  const requestSeq = useRef(0);

  useEffect(() => {
    if (!open) return;
    const seq = ++requestSeq.current;
    const timer = setTimeout(() => {
      backend.partiesSearch(text, scope === "people", scope === "organisations" ? SHOWN * 2 : SHOWN).then(
        (found) => {
          if (seq !== requestSeq.current) return;
          setSearchError(null);
          setHits(found.filter((h) => (scope === "organisations" ? h.kind === "organisation" : true)));
          setActive(0);
        },
        (raw: unknown) => {
          if (seq !== requestSeq.current) return;
          setSearchError(toApiError(raw));
        },
      );
    }, 80);
    return () => clearTimeout(timer);
  }, [backend, text, scope, open]);

  const shown = hits.filter((h) => !exclude.includes(h.id));
  const listOpen = open && shown.length > 0;
  const ownInput = useRef<HTMLInputElement | null>(null);

  // A dialog closes on Escape from a capturing listener on the document; while the list is
  // open, Escape closes only the list (a capturing listener on the window runs first).
  useEffect(() => {
    if (!listOpen) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape" || document.activeElement !== ownInput.current) return;
      event.stopPropagation();
      event.preventDefault();
      setOpen(false);
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [listOpen]);

  const pick = (hit: PartyHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setText("");
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((n) => Math.min(n + 1, Math.max(shown.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((n) => Math.max(n - 1, 0));
    } else if (event.key === "Enter") {
      // Enter picks a suggestion rather than submitting the form.
      if (open && shown.length > 0) {
        event.preventDefault();
        pick(shown[Math.min(active, shown.length - 1)]);
      }
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const activeHit = open ? shown[Math.min(active, shown.length - 1)] : undefined;
  return (
    <div className="eng-picker">
      <input
        ref={(el) => {
          ownInput.current = el;
          if (typeof inputRef === "function") inputRef(el);
          else if (inputRef) (inputRef as { current: HTMLInputElement | null }).current = el;
        }}
        id={id}
        name={id}
        className="input"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open && shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeHit ? `${listId}-${activeHit.id}` : undefined}
        placeholder={placeholder ?? t("engagement.pickerPlaceholder")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid={testId}
        {...invalidProps(id, error)}
      />
      {open && shown.length > 0 && (
        <ul className="eng-picker-list" role="listbox" id={listId}>
          {shown.map((hit, n) => (
            <li
              key={hit.id}
              id={`${listId}-${hit.id}`}
              role="option"
              aria-selected={hit === activeHit}
              className={`eng-picker-option ${hit === activeHit ? "is-active" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(hit);
              }}
              onMouseEnter={() => setActive(n)}
              data-testid="party-option"
            >
              <span className="eng-picker-kind">{t(hit.kind === "person" ? "engagement.person" : "engagement.organisation")}</span>
              <span className="eng-picker-name">{hit.name}</span>
              {hit.detail && <span className="cell-muted"> · {hit.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && text.trim() !== "" && shown.length === 0 && !searchError && (
        <p className="field-hint" data-testid="party-none">
          {t("engagement.pickerNone")}
        </p>
      )}
      {searchError && (
        <p className="field-error" role="alert" data-testid="party-search-error">
          {searchError.message}
        </p>
      )}
    </div>
  );
}

/** Picked records as removable chips. */
export function PartyChips({ parties, onRemove, testId }: { parties: readonly PickedParty[]; onRemove: (id: string) => void; testId?: string }) {
  const { t } = useTranslation();
  if (parties.length === 0) return null;
  return (
    <ul className="eng-chips" data-testid={testId}>
      {parties.map((p) => (
        <li key={p.id} className={`eng-chip eng-chip-${p.kind}`} data-testid="party-chip">
          <span>{p.name}</span>
          <button type="button" className="eng-chip-remove" aria-label={t("engagement.remove", { name: p.name })} onClick={() => onRemove(p.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
