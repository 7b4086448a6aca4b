import { forwardRef, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { MembershipTier } from "../../bindings/MembershipTier";
import type { OrgType } from "../../bindings/OrgType";
import { CloseIcon, SearchIcon } from "../../components/Icons";
import { MultiSelect, type MultiSelectOption } from "../../components/MultiSelect";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";
import { useCountries } from "./countries";
import { MEMBERSHIP_STATUSES, MEMBERSHIP_TIERS, ORG_TYPES } from "./enums";
import { hasAnyFilter, type ListFilters } from "./query";
import { StatusDot } from "./StatusPill";

export const QUICK_FILTER_DEBOUNCE_MS = 150;

/** Quick text filter (debounced), multi-select filters, archived toggle, clear. */
export const FilterBar = forwardRef<HTMLInputElement, { filters: ListFilters; onChange: (next: ListFilters) => void }>(
  function FilterBar({ filters, onChange }, quickFilterRef) {
    const { t } = useTranslation();
    const { countries } = useCountries();
    const [text, setText] = useState(filters.text);

    // Follow external changes (e.g. "Clear filters").
    useEffect(() => {
      setText(filters.text);
    }, [filters.text]);

    const [pushText, , cancelText] = useDebouncedCallback((value: string) => {
      onChange({ ...filters, text: value });
    }, QUICK_FILTER_DEBOUNCE_MS);

    const statusOptions = useMemo<MultiSelectOption<MembershipStatus>[]>(
      () => MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), adornment: <StatusDot status={s} /> })),
      [t],
    );
    const tierOptions = useMemo<MultiSelectOption<MembershipTier>[]>(
      () => MEMBERSHIP_TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) })),
      [t],
    );
    const typeOptions = useMemo<MultiSelectOption<OrgType>[]>(
      () => ORG_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) })),
      [t],
    );
    const countryOptions = useMemo<MultiSelectOption<string>[]>(
      () => countries.map((c) => ({ value: c.code, label: c.name, detail: c.code })),
      [countries],
    );

    const active = hasAnyFilter(filters) || text.trim() !== "";

    return (
      <div className="filter-bar" role="search" aria-label={t("filters.label")}>
        <div className="quick-filter">
          <SearchIcon size={14} className="quick-filter-icon" />
          <input
            ref={quickFilterRef}
            id="org-quick-filter"
            type="search"
            className="input input-sm quick-filter-input"
            placeholder={t("filters.quickPlaceholder")}
            aria-label={t("filters.quick")}
            aria-keyshortcuts="/"
            data-testid="org-quick-filter"
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
                  onChange({ ...filters, text: "" });
                } else {
                  e.currentTarget.blur();
                }
              }
            }}
          />
          {!text && (
            <kbd className="kbd quick-filter-kbd" aria-hidden="true">
              /
            </kbd>
          )}
        </div>
        <MultiSelect
          label={t("filters.status")}
          options={statusOptions}
          selected={filters.statuses}
          onChange={(statuses) => onChange({ ...filters, statuses })}
          testId="filter-status"
        />
        <MultiSelect
          label={t("filters.tier")}
          options={tierOptions}
          selected={filters.tiers}
          onChange={(tiers) => onChange({ ...filters, tiers })}
          testId="filter-tier"
        />
        <MultiSelect
          label={t("filters.type")}
          options={typeOptions}
          selected={filters.types}
          onChange={(types) => onChange({ ...filters, types })}
          testId="filter-type"
        />
        <MultiSelect
          label={t("filters.country")}
          options={countryOptions}
          selected={filters.countries}
          onChange={(selected) => onChange({ ...filters, countries: selected })}
          searchable
          testId="filter-country"
        />
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            className="switch"
            checked={filters.includeArchived}
            onChange={(e) => onChange({ ...filters, includeArchived: e.target.checked })}
            data-testid="filter-archived"
          />
          <span>{t("filters.showArchived")}</span>
        </label>
        {active && (
          <button
            type="button"
            className="link-btn clear-filters"
            onClick={() => {
              cancelText();
              setText("");
              onChange({ text: "", statuses: [], tiers: [], types: [], countries: [], includeArchived: false });
            }}
            data-testid="filters-clear"
          >
            <CloseIcon size={12} />
            {t("filters.clear")}
          </button>
        )}
      </div>
    );
  },
);
