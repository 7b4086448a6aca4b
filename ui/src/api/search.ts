import type { SearchHit } from "../bindings/SearchHit";
import { call } from "./call";

/** The backend methods of the global search (the command palette). */
export interface SearchApi {
  /** Everything matching `query` (case and accents ignored, the last word a prefix), best first. */
  search(query: string, limit: number): Promise<SearchHit[]>;
}

export const searchBackend: SearchApi = {
  search: (query, limit) => call("search", { query, limit }),
};
