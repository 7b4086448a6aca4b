/**
 * Event times are wall-clock times in the event's own zone (`YYYY-MM-DDTHH:MM`), computed by
 * the core; the UI shows them as they are, never through the computer's zone.
 */

const DATE_FMT = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const MONTH_FMT = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY_LABEL_FMT = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2023-03-20T14:00" → { date: "2023-03-20", time: "14:00" } (a space is accepted for T). */
export function splitLocal(local: string): { date: string; time: string } {
  const [date = "", time = ""] = local.replace(" ", "T").split("T");
  return { date, time: time.slice(0, 5) };
}

/** { date, time } → "2023-03-20T14:00", or "" when either part is missing. */
export function joinLocal(date: string, time: string): string {
  return date && time ? `${date}T${time}` : date ? `${date}T` : "";
}

function utcDate(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2023-03-20" → "Mon, 20 Mar 2023". */
export function formatEventDate(date: string): string {
  const d = utcDate(date);
  return d ? DATE_FMT.format(d) : date;
}

/** "2023-03-20" → "Monday 20 March 2023" (calendar cells' accessible names). */
export function formatLongDate(date: string): string {
  const d = utcDate(date);
  return d ? DAY_LABEL_FMT.format(d) : date;
}

/** "Mon, 20 Mar 2023, 14:00–17:30" (the end's date too when it differs). */
export function formatRange(startsAt: string, endsAt: string): string {
  const s = splitLocal(startsAt);
  const e = splitLocal(endsAt);
  if (s.date === e.date) return `${formatEventDate(s.date)}, ${s.time}–${e.time}`;
  return `${formatEventDate(s.date)}, ${s.time} – ${formatEventDate(e.date)}, ${e.time}`;
}

/** "14:00–15:15". */
export function formatTimes(startsAt: string, endsAt: string): string {
  return `${splitLocal(startsAt).time}–${splitLocal(endsAt).time}`;
}

function zoneName(zone: string, instant: Date): string | null {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" }).formatToParts(instant);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? null;
  } catch {
    return null;
  }
}

function offsetMinutes(zone: string, instant: Date): number | null {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    return Math.round((asUtc - instant.getTime()) / 60000);
  } catch {
    return null;
  }
}

/**
 * The zone's abbreviation at a local wall-clock time ("CET" on 20 March 2023 in Brussels,
 * "CEST" in July); the zone name itself when the runtime does not know it.
 */
export function zoneLabelAt(zone: string, local: string): string {
  const { date, time } = splitLocal(local);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return zone;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]));
  const first = offsetMinutes(zone, new Date(wall));
  if (first === null) return zone;
  const second = offsetMinutes(zone, new Date(wall - first * 60000));
  return zoneName(zone, new Date(wall - (second ?? first) * 60000)) ?? zone;
}

/** True when the runtime knows this IANA zone. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A month of the calendar: `YYYY-MM`. */
export type MonthKey = string;

export function monthOf(date: string): MonthKey {
  return date.slice(0, 7);
}

export function shiftMonth(month: MonthKey, by: number): MonthKey {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export function monthTitle(month: MonthKey): string {
  const d = utcDate(`${month}-01`);
  return d ? MONTH_FMT.format(d) : month;
}

export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  if (!d) return date;
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The 42 days (6 weeks, Monday first) shown for a month. */
export function monthGrid(month: MonthKey): string[] {
  const first = `${month}-01`;
  const d = utcDate(first);
  if (!d) return [];
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const start = addDays(first, -weekday);
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}
