/** Where a policy-maker's stances (current and history, per dossier) go, with "Record a
 * stance". Filled in by the stances feature; embed it with the policy-maker's person id. */
export function StanceHistory(_props: { personId: string }) {
  return null;
}
