import { forwardRef, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSort } from "../../bindings/PersonSort";
import type { PolicyMakerFilter } from "../../bindings/PolicyMakerFilter";
import { EnumSelect } from "../../components/EnumSelect";
import { CloseIcon, SearchIcon } from "../../components/Icons";
import { MultiSelect, type MultiSelectOption } from "../../components/MultiSelect";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";
import { useCountries } from "../organisations/countries";
import { OrganisationPicker } from "./OrganisationPicker";
import { usePeopleLabels } from "./labels";
import {
  EMPTY_PEOPLE_FILTERS,
  LANGUAGES,
  PERSON_SORTS,
  POLICY_MAKER_FILTERS,
  hasNarrowingPeopleFilters,
  languageName,
  type PeopleFilters,
  type PeopleSort,
} from "./query";

export const PEOPLE_SEARCH_DEBOUNCE_MS = 150;

/** Search (names and emails), organisation, country, language, focal points, offices, archived, sort. */
export const PeopleFilterBar = forwardRef<
  HTMLInputElement,
  { filters: PeopleFilters; onChange: (next: PeopleFilters) => void; sort: PeopleSort; onSortChange: (sort: PeopleSort) => void }
>(function PeopleFilterBar({ filters, onChange, sort, onSortChange }, searchRef) {
  const { t, i18n } = useTranslation();
  const labels = usePeopleLabels();
  const { countries } = useCountries();
  const [text, setText] = useState(filters.text);

  useEffect(() => setText(filters.text), [filters.text]);

  const [pushText, , cancelText] = useDebouncedCallback((value: string) => onChange({ ...filters, text: value }), PEOPLE_SEARCH_DEBOUNCE_MS);

  const countryOptions = useMemo<MultiSelectOption<string>[]>(
    () => countries.map((c) => ({ value: c.code, label: c.name, detail: c.code })),
    [countries],
  );
  const languageOptions = useMemo<MultiSelectOption<string>[]>(
    () => LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language), detail: code })),
    [i18n.language],
  );
  const active = hasNarrowingPeopleFilters(filters) || filters.includeArchived || text.trim() !== "";

  return (
    <div className="filter-bar people-filter-bar" role="search" aria-label={t("people.filters.label")}>
      <div className="quick-filter">
        <SearchIcon size={14} className="quick-filter-icon" />
        <input
          ref={searchRef}
          id="people-search"
          type="search"
          className="input input-sm quick-filter-input"
          placeholder={t("people.filters.searchPlaceholder")}
          aria-label={t("people.filters.search")}
          aria-keyshortcuts="/"
          data-testid="people-search"
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
      </div>
      <div className="people-filter-org">
        <OrganisationPicker
          id="people-filter-organisation"
          value={filters.organisation}
          onChange={(organisation) => onChange({ ...filters, organisation })}
          testId="people-filter-organisation"
          placeholder={t("people.filters.organisation")}
        />
      </div>
      <MultiSelect
        label={t("people.filters.country")}
        options={countryOptions}
        selected={filters.countries}
        onChange={(selected) => onChange({ ...filters, countries: selected })}
        searchable
        testId="people-filter-country"
      />
      <MultiSelect
        label={t("people.filters.language")}
        options={languageOptions}
        selected={filters.languages}
        onChange={(languages) => onChange({ ...filters, languages })}
        searchable
        testId="people-filter-language"
      />
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={filters.focalPointsOnly}
          onChange={(e) => onChange({ ...filters, focalPointsOnly: e.target.checked })}
          data-testid="people-filter-focal"
        />
        <span>{t("people.filters.focalOnly")}</span>
      </label>
      <label className="people-inline-select">
        <span className="sr-only">{t("people.filters.policyMakers")}</span>
        <EnumSelect<PolicyMakerFilter>
          id="people-filter-policy"
          value={filters.policyMakers}
          values={POLICY_MAKER_FILTERS}
          label={labels.policyMakerFilter}
          onChange={(policyMakers) => onChange({ ...filters, policyMakers })}
        />
      </label>
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={filters.includeArchived}
          onChange={(e) => onChange({ ...filters, includeArchived: e.target.checked })}
          data-testid="people-filter-archived"
        />
        <span>{t("people.filters.showArchived")}</span>
      </label>
      <label className="people-inline-select">
        <span className="field-label-inline">{t("people.filters.sort")}</span>
        <EnumSelect<PersonSort>
          id="people-sort"
          value={sort.sort}
          values={PERSON_SORTS}
          label={labels.sort}
          onChange={(next) => onSortChange({ sort: next, direction: next === "last_contact" ? "desc" : "asc" })}
        />
      </label>
      {active && (
        <button
          type="button"
          className="link-btn clear-filters"
          onClick={() => {
            cancelText();
            setText("");
            onChange(EMPTY_PEOPLE_FILTERS);
          }}
          data-testid="people-filters-clear"
        >
          <CloseIcon size={12} />
          {t("people.filters.clear")}
        </button>
      )}
    </div>
  );
});
