import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { MembershipTier } from "../../bindings/MembershipTier";
import type { OrganisationQuery } from "../../bindings/OrganisationQuery";
import type { OrganisationSort } from "../../bindings/OrganisationSort";
import type { OrgType } from "../../bindings/OrgType";
import type { SortDirection } from "../../bindings/SortDirection";

/** Everything of an OrganisationQuery but the window (offset/limit). */
export type ListQuery = Omit<OrganisationQuery, "offset" | "limit">;

export interface ListFilters {
  text: string;
  statuses: MembershipStatus[];
  tiers: MembershipTier[];
  types: OrgType[];
  countries: string[];
  includeArchived: boolean;
}

export interface ListSort {
  sort: OrganisationSort;
  direction: SortDirection;
}

export const EMPTY_FILTERS: ListFilters = {
  text: "",
  statuses: [],
  tiers: [],
  types: [],
  countries: [],
  includeArchived: false,
};

export const DEFAULT_SORT: ListSort = { sort: "name", direction: "asc" };

/** Filters that narrow the set (the archived toggle widens it, so it is not one). */
export function hasNarrowingFilters(f: ListFilters): boolean {
  return (
    f.text.trim() !== "" || f.statuses.length > 0 || f.tiers.length > 0 || f.types.length > 0 || f.countries.length > 0
  );
}

export function hasAnyFilter(f: ListFilters): boolean {
  return hasNarrowingFilters(f) || f.includeArchived;
}

export function buildListQuery(f: ListFilters, s: ListSort): ListQuery {
  const text = f.text.trim();
  return {
    text: text === "" ? null : text,
    statuses: [...f.statuses],
    tiers: [...f.tiers],
    types: [...f.types],
    countries: [...f.countries],
    include_archived: f.includeArchived,
    sort: s.sort,
    direction: s.direction,
  };
}

export function withWindow(q: ListQuery, offset: number, limit: number): OrganisationQuery {
  return { ...q, offset, limit };
}
