import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ApiError } from "../../bindings/ApiError";
import type { Attendance } from "../../bindings/Attendance";
import type { Event } from "../../bindings/Event";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { ErrorBanner } from "../../components/ErrorBanner";

/** After the event: invited, registered, attended, no-shows, and the policy-makers who came by group. */
export function AttendancePanel({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const [report, setReport] = useState<Attendance | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    backend.eventAttendance(event.id).then(
      (r) => {
        if (!live) return;
        setReport(r);
        setError(null);
      },
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, event.id, token]);

  const data = (report?.policy_makers ?? []).map((g) => ({ group: g.group_code ?? t("attendance.noGroup"), attended: g.attended }));
  const pmTotal = data.reduce((n, g) => n + g.attended, 0);
  const stat = (label: string, value: number, testId: string, tone = "") => (
    <div className={`stat ${tone}`} data-testid={testId}>
      <div className="stat-value">{value.toLocaleString(i18n.language)}</div>
      <div className="stat-label">{label}</div>
    </div>
  );

  return (
    <section className="letter-section" aria-labelledby="attendance-title" data-testid="attendance">
      <h2 className="section-title" id="attendance-title">
        {t("attendance.title")}
      </h2>
      {event.status !== "held" && <p className="field-hint">{t("attendance.notHeld")}</p>}
      {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="attendance-error" />}
      {report && (
        <>
          <div className="stats">
            {stat(t("attendance.invited"), report.invited, "attendance-invited")}
            {stat(t("attendance.registered"), report.registered, "attendance-registered")}
            {stat(t("attendance.attended"), report.attended, "attendance-attended", "stat-good")}
            {stat(t("attendance.noShows"), report.no_shows, "attendance-no-shows", report.no_shows ? "stat-warn" : "")}
            {stat(t("attendance.policyMakers"), pmTotal, "attendance-policy-makers")}
          </div>
          <h3 className="subsection-title">{t("attendance.byGroup")}</h3>
          {data.length === 0 ? (
            <p className="field-hint" data-testid="attendance-no-pm">
              {t("attendance.noPolicyMakers")}
            </p>
          ) : (
            <>
              <div className="attendance-chart" aria-hidden="true">
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="group" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar dataKey="attended" name={t("attendance.attended")} fill="var(--accent)" radius={[4, 4, 0, 0]} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <table className="attendance-table" data-testid="attendance-groups">
                <caption className="sr-only">{t("attendance.byGroup")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("attendance.group")}</th>
                    <th scope="col">{t("attendance.attended")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((g) => (
                    <tr key={g.group}>
                      <td>{g.group}</td>
                      <td>{g.attended}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
