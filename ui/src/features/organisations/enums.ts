import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { MembershipTier } from "../../bindings/MembershipTier";
import type { OrganisationSort } from "../../bindings/OrganisationSort";
import type { OrgType } from "../../bindings/OrgType";

/** Compile-time check that a tuple lists every member of a union. */
type Exhaustive<Union, List extends readonly Union[]> = [Union] extends [List[number]] ? List : never;

const orgTypes = [
  "ngo",
  "network",
  "hotline",
  "survivor_network",
  "foundation",
  "research",
  "company",
  "public_body",
  "other",
] as const satisfies readonly OrgType[];
export const ORG_TYPES: Exhaustive<OrgType, typeof orgTypes> = orgTypes;

const statuses = ["prospect", "applied", "active", "suspended", "lapsed", "withdrawn"] as const satisfies readonly MembershipStatus[];
export const MEMBERSHIP_STATUSES: Exhaustive<MembershipStatus, typeof statuses> = statuses;

const tiers = ["full", "associate", "observer", "supporter"] as const satisfies readonly MembershipTier[];
export const MEMBERSHIP_TIERS: Exhaustive<MembershipTier, typeof tiers> = tiers;

const sorts = ["name", "short_name", "country", "type", "membership_status", "tier", "joined_on"] as const satisfies readonly OrganisationSort[];
export const ORGANISATION_SORTS: Exhaustive<OrganisationSort, typeof sorts> = sorts;

export function isOrganisationSort(value: string): value is OrganisationSort {
  return (ORGANISATION_SORTS as readonly string[]).includes(value);
}
