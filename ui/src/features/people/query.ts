import type { PersonQuery } from "../../bindings/PersonQuery";
import type { PersonSort } from "../../bindings/PersonSort";
import type { PolicyMakerFilter } from "../../bindings/PolicyMakerFilter";
import type { SortDirection } from "../../bindings/SortDirection";

/** Everything of a PersonQuery but the window (offset/limit). */
export type PeopleListQuery = Omit<PersonQuery, "offset" | "limit">;

export interface PeopleFilters {
  text: string;
  /** Current affiliation to this organisation. */
  organisation: { id: string; name: string } | null;
  countries: string[];
  languages: string[];
  focalPointsOnly: boolean;
  policyMakers: PolicyMakerFilter;
  includeArchived: boolean;
}

export interface PeopleSort {
  sort: PersonSort;
  direction: SortDirection;
}

export const EMPTY_PEOPLE_FILTERS: PeopleFilters = {
  text: "",
  organisation: null,
  countries: [],
  languages: [],
  focalPointsOnly: false,
  policyMakers: "all",
  includeArchived: false,
};

export const DEFAULT_PEOPLE_SORT: PeopleSort = { sort: "family_name", direction: "asc" };

/** The core's page size for people. */
export const PEOPLE_PAGE_SIZE = 50;

export const PERSON_SORTS: readonly PersonSort[] = ["family_name", "display_name", "last_contact", "country"];
export const POLICY_MAKER_FILTERS: readonly PolicyMakerFilter[] = ["all", "only", "exclude"];

export function isPersonSort(value: string): value is PersonSort {
  return (PERSON_SORTS as readonly string[]).includes(value);
}

export function hasNarrowingPeopleFilters(f: PeopleFilters): boolean {
  return (
    f.text.trim() !== "" ||
    f.organisation !== null ||
    f.countries.length > 0 ||
    f.languages.length > 0 ||
    f.focalPointsOnly ||
    f.policyMakers !== "all"
  );
}

export function buildPeopleQuery(f: PeopleFilters, s: PeopleSort): PeopleListQuery {
  const text = f.text.trim();
  return {
    text: text === "" ? null : text,
    organisation_id: f.organisation?.id ?? null,
    countries: [...f.countries],
    languages: [...f.languages],
    focal_points_only: f.focalPointsOnly,
    policy_makers: f.policyMakers,
    include_archived: f.includeArchived,
    sort: s.sort,
    direction: s.direction,
  };
}

export function withPeopleWindow(q: PeopleListQuery, offset: number, limit: number): PersonQuery {
  return { ...q, offset, limit };
}

/** Languages offered by the filter and the form: the EU's official languages and a few more. */
export const LANGUAGES: readonly string[] = [
  "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt",
  "ro", "sk", "sl", "sv", "ar", "ca", "eu", "ja", "no", "ru", "tr", "uk",
];

/** A language's name in the UI's language, falling back to its code. */
export function languageName(code: string, locale: string): string {
  try {
    const names = new Intl.DisplayNames([locale], { type: "language" });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
