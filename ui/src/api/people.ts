// Add `import { call } from "./call";` with the first method.

/** The backend methods for people, their affiliations, import and export. */
export interface PeopleApi {}

export const peopleBackend: PeopleApi = {};
