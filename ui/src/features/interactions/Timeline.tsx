/** Where a person's, organisation's or policy-maker's timeline of interactions goes.
 * Filled in by the interactions feature; embed it with the record's id. */
export function Timeline(_props: { personId?: string; organisationId?: string }) {
  return null;
}
