import type { ColumnChoice } from "../../bindings/ColumnChoice";

/** The organisations import's fields, in the core's order. */
export const ORG_FIELDS = [
  "name",
  "short_name",
  "country",
  "type",
  "website",
  "email",
  "phone",
  "notes",
  "membership_status",
  "tier",
  "joined_on",
] as const;

/** The people import's fields, in the core's order. */
export const PEOPLE_FIELDS = [
  "given_name",
  "family_name",
  "display_name",
  "honorific",
  "email",
  "email_work",
  "email_personal",
  "phone",
  "mobile",
  "country",
  "languages",
  "organisation",
  "job_title",
  "focal_point",
  "notes",
] as const;

const key = (text: string) => text.toLowerCase().replace(/[\s_-]/g, "");

/** A stand-in for the core's guess: a header equal to the field's name (case, spaces and `_` aside). */
export function guessColumns(fields: readonly string[], headers: readonly string[]): ColumnChoice[] {
  return fields.map((field) => {
    const index = headers.findIndex((h) => key(h) === key(field));
    return { field, column: index < 0 ? null : index };
  });
}
