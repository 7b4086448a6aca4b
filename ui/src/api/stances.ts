// Add `import { call } from "./call";` with the first method.

/** The backend methods for stances on dossiers and roll-call votes. */
export interface StancesApi {}

export const stancesBackend: StancesApi = {};
