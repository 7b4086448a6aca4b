import i18n from "../../i18n";

/** Bytes as "2.3 MB" / "640 kB" in the UI language. */
export function formatSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(i18n.language, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}
