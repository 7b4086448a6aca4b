import { useCallback } from "react";
import type { PersonDetail } from "../../bindings/PersonDetail";
import { useBackend } from "../../api/context";
import { useRecord } from "../../lib/useRecord";

const idOf = (d: PersonDetail) => d.person.id;

/** Loads one person's detail; mutations hand back the fresh detail via `replace`. */
export function usePersonDetail(id: string | null) {
  const backend = useBackend();
  const load = useCallback((personId: string) => backend.personGet(personId), [backend]);
  return useRecord(id, load, idOf);
}
