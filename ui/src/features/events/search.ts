import type { Backend } from "../../api/backend";
import type { PickOption } from "./SearchPicker";

/** Organisations whose name matches, for the organisers picker. */
export async function searchOrganisations(backend: Backend, text: string): Promise<PickOption[]> {
  const page = await backend.orgsList({
    text: text || null,
    statuses: [],
    tiers: [],
    types: [],
    countries: [],
    include_archived: false,
    sort: "name",
    direction: "asc",
    offset: 0,
    limit: 20,
  });
  return page.rows.map((o) => ({ id: o.id, label: o.name, detail: o.short_name ?? o.country }));
}

/** People (policy-makers included) whose name or email matches `text`. */
export async function searchPeople(backend: Backend, text: string): Promise<PickOption[]> {
  const page = await backend.peopleList({
    text: text || null,
    organisation_id: null,
    countries: [],
    languages: [],
    focal_points_only: false,
    policy_makers: "all",
    include_archived: false,
    sort: "family_name",
    direction: "asc",
    offset: 0,
    limit: 20,
  });
  return page.rows.map((p) => ({ id: p.id, label: p.display_name, detail: [p.job_title, p.organisation].filter(Boolean).join(", ") || p.email }));
}
