import { useCallback } from "react";
import type { OrganisationDetail } from "../../bindings/OrganisationDetail";
import { useBackend } from "../../api/context";
import { useRecord } from "../../lib/useRecord";

const idOf = (d: OrganisationDetail) => d.organisation.id;

/** Loads one organisation's detail; mutations hand back the fresh detail via `replace`. */
export function useOrganisationDetail(id: string | null) {
  const backend = useBackend();
  const load = useCallback((orgId: string) => backend.orgGet(orgId), [backend]);
  return useRecord(id, load, idOf);
}
