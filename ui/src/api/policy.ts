// Add `import { call } from "./call";` with the first method.

/** The backend methods for policy-makers, MEPs and the Parliament list sync, committees and dossiers. */
export interface PolicyApi {}

export const policyBackend: PolicyApi = {};
