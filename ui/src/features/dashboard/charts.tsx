import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { GroupStances } from "../../bindings/GroupStances";
import type { MembershipMonth } from "../../bindings/MembershipMonth";
import { MEMBERSHIP_STATUSES } from "../organisations/enums";
import { STANCE_LEVELS } from "../stances/enums";

/** Statuses from the bottom of a bar up: members first, those on the way in, then those on the way out. */
export const STACK_ORDER = ["active", "applied", "prospect", "suspended", "lapsed", "withdrawn"] as const satisfies readonly (typeof MEMBERSHIP_STATUSES)[number][];

/** Status colours, as the status pills draw them (light theme; readable on dark too). */
export const STATUS_COLOURS: Record<(typeof MEMBERSHIP_STATUSES)[number], string> = {
  active: "#2f9e44",
  applied: "#1f6fd1",
  prospect: "#8b95a5",
  suspended: "#e8a317",
  lapsed: "#a97bc0",
  withdrawn: "#d9534f",
};

/** Stance colours, champion (green) to opposed (red), unknown grey. */
export const LEVEL_COLOURS: Record<(typeof STANCE_LEVELS)[number], string> = {
  champion: "#1a7f4b",
  supportive: "#5cb85c",
  undecided: "#e8a317",
  sceptical: "#ee7d3b",
  opposed: "#d93036",
  unknown: "#b4b4bf",
};

const MONTH_FMT = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** "2024-03" → "Mar 24". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? MONTH_FMT.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : month;
}

const AXIS = { fontSize: 11, stroke: "currentColor", tickLine: false } as const;
const COMPACT = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
/** Axis ticks that stay short at any size: 950, 1.2k, 10k. */
export const compact = (n: number) => COMPACT.format(n);
/** The tooltip in the app's colours, light or dark. */
const TOOLTIP = {
  background: "var(--bg-elevated)",
  border: "1px solid var(--border-strong)",
  borderRadius: 7,
  boxShadow: "var(--shadow-md)",
  color: "var(--text)",
  fontSize: 12,
} as const;

/** Monthly membership by status, stacked (active at the bottom). */
export function MembersChart({ months }: { months: MembershipMonth[] }) {
  const { t } = useTranslation();
  const data = months.map((m) => ({ ...m, label: monthLabel(m.month) }));
  return (
    <figure className="dash-chart" aria-label={t("dashboard.members.chart")} data-testid="dash-members-chart">
      <ResponsiveContainer width="100%" height={200} initialDimension={{ width: 640, height: 200 }}>
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -8 }} barCategoryGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} strokeOpacity={0.35} />
          <XAxis dataKey="label" {...AXIS} interval="preserveStartEnd" minTickGap={18} />
          <YAxis allowDecimals={false} {...AXIS} width={40} tickFormatter={compact} />
          <Tooltip cursor={{ fillOpacity: 0.08 }} contentStyle={TOOLTIP} />
          <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          {STACK_ORDER.map((s) => (
            <Bar key={s} dataKey={s} name={t(`status.${s}`)} stackId="m" fill={STATUS_COLOURS[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Current stances by political group, stacked horizontally from champion to unknown. */
export function StancesChart({ groups }: { groups: GroupStances[] }) {
  const { t } = useTranslation();
  const data = groups.map((g) => ({ ...g, label: g.group_code ?? t("dashboard.stances.noGroup") }));
  const height = Math.max(120, 28 * data.length + 56);
  return (
    <figure className="dash-chart" aria-label={t("dashboard.stances.chart")} data-testid="dash-stances-chart">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 8, bottom: 0, left: 8 }} barCategoryGap={6}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} strokeOpacity={0.35} />
          <XAxis type="number" allowDecimals={false} {...AXIS} tickFormatter={compact} />
          <YAxis type="category" dataKey="label" {...AXIS} width={72} />
          <Tooltip cursor={{ fillOpacity: 0.08 }} contentStyle={TOOLTIP} />
          <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          {STANCE_LEVELS.map((l) => (
            <Bar key={l} dataKey={l} name={t(`stanceLevel.${l}`)} stackId="s" fill={LEVEL_COLOURS[l]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
