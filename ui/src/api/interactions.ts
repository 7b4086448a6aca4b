// Add `import { call } from "./call";` with the first method.

/** The backend methods for the engagement log: interactions, timelines and follow-up tasks. */
export interface InteractionsApi {}

export const interactionsBackend: InteractionsApi = {};
