import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import { toApiError } from "../../api/errors";
import { SearchIcon } from "../../components/Icons";

export interface PickOption {
  id: string;
  label: string;
  detail?: string | null;
}

/**
 * A search box with a result list (a combobox): type → results from `search`, ↑/↓ move,
 * Enter picks. Errors from the backend show under the box.
 */
export function SearchPicker({
  id,
  search,
  onPick,
  placeholder,
  exclude = [],
  testId,
  label,
}: {
  id: string;
  search: (text: string) => Promise<PickOption[]>;
  onPick: (option: PickOption) => void;
  placeholder?: string;
  /** Ids already chosen (not offered again). */
  exclude?: readonly string[];
  testId?: string;
  /** Accessible name when no <label> points at the box. */
  label?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [options, setOptions] = useState<PickOption[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      searchRef.current(text.trim()).then(
        (found) => {
          if (!live) return;
          setOptions(found);
          setActive(0);
          setError(null);
        },
        (raw: unknown) => {
          if (live) setError(toApiError(raw));
        },
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open]);

  const visible = options.filter((o) => !exclude.includes(o.id)).slice(0, 8);

  const pick = (option: PickOption) => {
    onPick(option);
    setText("");
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(visible.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter") {
      const option = visible[active];
      // Enter picks instead of submitting the surrounding form.
      event.preventDefault();
      if (open && option) pick(option);
    } else if (event.key === "Escape" && open && text) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="search-picker" data-testid={testId}>
      <div className="search-picker-box">
        <SearchIcon size={14} className="search-picker-icon" aria-hidden="true" />
        <input
          id={id}
          className="input"
          role="combobox"
          aria-expanded={open && visible.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && visible[active] ? `${listId}-${visible[active]!.id}` : undefined}
          aria-label={label}
          autoComplete="off"
          placeholder={placeholder ?? t("events.picker.placeholder")}
          value={text}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          data-testid={testId ? `${testId}-input` : undefined}
        />
      </div>
      {open && visible.length > 0 && (
        <ul className="search-picker-list" role="listbox" id={listId}>
          {visible.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${option.id}`}
              role="option"
              aria-selected={index === active}
              className={`search-picker-option ${index === active ? "is-active" : ""}`}
              data-testid={testId ? `${testId}-option` : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
            >
              <span>{option.label}</span>
              {option.detail && <span className="cell-muted"> · {option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && text.trim() && visible.length === 0 && !error && <p className="field-hint">{t("events.picker.none")}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
