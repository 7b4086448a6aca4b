import * as Popover from "@radix-ui/react-popover";
import { useId, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CheckIcon, ChevronDownIcon } from "./Icons";

export interface MultiSelectOption<V extends string> {
  value: V;
  label: string;
  /** Extra text matched by the search box and shown muted (e.g. a country code). */
  detail?: string;
  /** Optional leading decoration (e.g. a coloured dot). */
  adornment?: ReactNode;
}

/**
 * Filter dropdown with checkboxes. Shows the selected count on the trigger.
 * With `searchable`, a search box narrows long lists (countries).
 */
export function MultiSelect<V extends string>({
  label,
  options,
  selected,
  onChange,
  searchable = false,
  testId,
}: {
  label: string;
  options: ReadonlyArray<MultiSelectOption<V>>;
  selected: ReadonlyArray<V>;
  onChange: (next: V[]) => void;
  searchable?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const listId = useId();
  const selectedSet = useMemo(() => new Set<string>(selected), [selected]);

  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return options;
    return options.filter(
      (o) => o.label.toLowerCase().includes(needle) || (o.detail ?? "").toLowerCase().includes(needle),
    );
  }, [options, search]);

  const toggle = (value: V) => {
    if (selectedSet.has(value)) onChange(selected.filter((v) => v !== value));
    else onChange([...selected, value]);
  };

  const summary =
    selected.length === 0
      ? null
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? selected[0])
        : t("filters.selectedCount", { count: selected.length });

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch("");
      }}
    >
      <Popover.Trigger asChild>
        <button
          type="button"
          className={`filter-chip ${selected.length ? "is-active" : ""}`}
          data-testid={testId}
          aria-label={summary ? `${label}: ${summary}` : label}
        >
          <span className="filter-chip-label">{label}</span>
          {summary && <span className="filter-chip-value">{summary}</span>}
          <ChevronDownIcon size={14} />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover multiselect" align="start" sideOffset={6} aria-label={label}>
          {searchable && (
            <input
              className="input input-sm multiselect-search"
              placeholder={t("filters.search")}
              aria-label={t("filters.searchIn", { label })}
              aria-controls={listId}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              autoFocus
            />
          )}
          <div className="multiselect-list" id={listId} role="group" aria-label={label}>
            {visible.length === 0 && <p className="multiselect-empty">{t("filters.noOptions")}</p>}
            {visible.map((option) => {
              const checked = selectedSet.has(option.value);
              return (
                <label key={option.value} className={`multiselect-option ${checked ? "is-checked" : ""}`}>
                  <input
                    type="checkbox"
                    className="sr-only"
                    checked={checked}
                    onChange={() => toggle(option.value)}
                  />
                  <span className="checkbox-box" aria-hidden="true">
                    {checked && <CheckIcon size={12} strokeWidth={2.6} />}
                  </span>
                  {option.adornment}
                  <span className="multiselect-option-label">{option.label}</span>
                  {option.detail && <span className="multiselect-option-detail">{option.detail}</span>}
                </label>
              );
            })}
          </div>
          {selected.length > 0 && (
            <div className="multiselect-footer">
              <button type="button" className="link-btn" onClick={() => onChange([])}>
                {t("filters.clearThis")}
              </button>
            </div>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
