import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { OrganisationRow } from "../../bindings/OrganisationRow";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { invalidProps } from "../../components/Field";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";

export interface PickedOrganisation {
  id: string;
  name: string;
}

/**
 * Chooses an organisation by typing part of its name: the core searches (case and accents
 * ignored) and the matches are offered in a list below. ↓ moves into the list; Enter picks.
 */
export function OrganisationPicker({
  id,
  value,
  onChange,
  error,
  testId,
  placeholder,
}: {
  id: string;
  value: PickedOrganisation | null;
  onChange: (value: PickedOrganisation | null) => void;
  error?: string | null | undefined;
  testId: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [matches, setMatches] = useState<OrganisationRow[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    setText(value?.name ?? "");
  }, [value?.id, value?.name]);

  const [search] = useDebouncedCallback((query: string) => {
    backend
      .orgsList({
        text: query.trim() || null,
        statuses: [],
        tiers: [],
        types: [],
        countries: [],
        include_archived: false,
        sort: "name",
        direction: "asc",
        offset: 0,
        limit: 12,
      })
      .then(
        (page) => {
          setMatches(page.rows);
          setActive(0);
          setFailure(null);
        },
        (raw: unknown) => setFailure(toApiError(raw)),
      );
  }, 120);

  const pick = (row: OrganisationRow) => {
    onChange({ id: row.id, name: row.name });
    setText(row.name);
    setOpen(false);
  };

  return (
    <div className="org-picker">
      <input
        id={id}
        name={id}
        type="search"
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={placeholder ?? t("people.orgPicker.placeholder")}
        value={text}
        data-testid={testId}
        onFocus={() => {
          setOpen(true);
          search(text === value?.name ? "" : text);
        }}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          search(e.target.value);
          if (value && e.target.value !== value.name) onChange(null);
        }}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((n) => Math.min(matches.length - 1, n + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((n) => Math.max(0, n - 1));
          } else if (e.key === "Enter") {
            const row = matches[active];
            if (row) {
              e.preventDefault();
              pick(row);
            }
          } else if (e.key === "Escape") {
            e.stopPropagation();
            setOpen(false);
          }
        }}
        {...invalidProps(id, error)}
      />
      {open && (matches.length > 0 || failure) && (
        <ul className="org-picker-list" id={listId} role="listbox" data-testid={`${testId}-options`}>
          {failure && <li className="field-error">{failure.message}</li>}
          {matches.map((row, n) => (
            <li
              key={row.id}
              role="option"
              aria-selected={n === active}
              className={`org-picker-option ${n === active ? "is-active" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(row);
              }}
              data-testid="org-picker-option"
            >
              <span>{row.name}</span>
              {row.short_name && <span className="tag">{row.short_name}</span>}
              <span className="country-code">{row.country}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
