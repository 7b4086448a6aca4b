import type { TFunction } from "i18next";

/** A field's label from `historyField`, else its raw name made readable. */
export function fieldLabel(t: TFunction, i18nExists: (key: string) => boolean, field: string): string {
  const key = `historyField.${field}`;
  return i18nExists(key) ? t(key) : field.replace(/_/g, " ");
}

/** A label from a namespace (`historyAction`, `historyEntity`), else the raw value. */
export function namedLabel(t: TFunction, i18nExists: (key: string) => boolean, namespace: string, value: string): string {
  const key = `${namespace}.${value}`;
  return i18nExists(key) ? t(key) : value.replace(/_/g, " ");
}

function itemText(item: unknown): string {
  if (item === null || item === undefined) return "";
  if (typeof item === "object") {
    const o = item as Record<string, unknown>;
    const named = o.name ?? o.title ?? o.email ?? o.number ?? o.display_name;
    return typeof named === "string" ? named : JSON.stringify(item);
  }
  return String(item);
}

/** A stored value as text; `null` for empty. */
export function valueText(value: unknown, yes: string, no: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? yes : no;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(itemText).join(", ");
  return itemText(value);
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Internal ids (`id`, `organisation_id`...): the entries also carry the names they stand for. */
function isId(field: string): boolean {
  return field === "id" || field.endsWith("_id");
}

/**
 * The fields an entry changed, in a stable order (its `after` keys, then `before`-only keys),
 * ids left out unless nothing else changed.
 */
export function changes(before: unknown, after: unknown): FieldChange[] {
  const b = before && typeof before === "object" && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>) : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  const all = keys.map((field) => ({ field, from: b[field] ?? null, to: a[field] ?? null }));
  const named = all.filter((c) => !isId(c.field));
  return named.length > 0 ? named : all;
}
