import { invalidProps } from "./Field";

/**
 * A select over a closed vocabulary (types, tiers, states...), labelled through i18next and
 * wired to the core's field error like every other control.
 */
export function EnumSelect<T extends string>({
  id,
  value,
  values,
  label,
  onChange,
  error,
  disabled,
  emptyLabel,
}: {
  id: string;
  value: T;
  values: readonly T[];
  /** The translated label of a value. */
  label: (value: T) => string;
  onChange: (value: T) => void;
  error?: string | null;
  disabled?: boolean;
  /** When given, a first option with the empty value and this label (then "" must be a `T`). */
  emptyLabel?: string;
}) {
  return (
    <select
      id={id}
      name={id}
      className="input select"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as T)}
      {...invalidProps(id, error)}
    >
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  );
}
