import type { Backend } from "../../api/backend";
import type { PersonPage } from "../../bindings/PersonPage";
import type { PersonQuery } from "../../bindings/PersonQuery";
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

type PeopleLister = (query: PersonQuery) => Promise<PersonPage>;

/** The people list method, once the people feature provides it. */
function peopleLister(backend: Backend): PeopleLister | null {
  const candidate = (backend as unknown as { peopleList?: unknown }).peopleList;
  return typeof candidate === "function" ? (candidate as PeopleLister).bind(backend) : null;
}

/**
 * People matching `text`: from the people list when the backend has it, otherwise from the
 * event's own participants (speakers are usually invited first).
 */
export async function searchPeople(backend: Backend, text: string, eventId?: string): Promise<PickOption[]> {
  const list = peopleLister(backend);
  if (list) {
    const page = await list({
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
    return page.rows.map((p) => ({ id: p.id, label: p.display_name, detail: p.organisation ?? p.email }));
  }
  if (!eventId) return [];
  const page = await backend.participantsList(eventId, { states: [], search: text || null, include_needs: false, offset: 0, limit: 20 });
  return page.rows.map((p) => ({ id: p.person_id, label: p.display_name, detail: p.organisation_name ?? p.email }));
}
