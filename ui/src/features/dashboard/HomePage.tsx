import { useCallback, useEffect, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Dashboard } from "../../bindings/Dashboard";
import type { SeatTerm } from "../../bindings/SeatTerm";
import type { StanceBreakdown } from "../../bindings/StanceBreakdown";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { ChevronRightIcon, RestoreIcon, SparkIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { formatDate } from "../../lib/dates";
import { isEditableTarget, isOverlayOpen } from "../../lib/platform";
import { NAV_ITEMS, type NavId } from "../../app/nav";
import { reportFirstPaint } from "../../app/firstPaint";
import { useStoreInfo } from "../../app/storeInfo";
import { formatEventDate, splitLocal } from "../events/time";
import { MembersChart, StancesChart } from "./charts";

type CardId = "members" | "steering" | "events" | "tasks" | "letters" | "stances" | "interactions";

/** Where each card leads. */
export const CARD_TARGETS: Record<CardId, NavId> = {
  members: "organisations",
  steering: "seats",
  events: "events",
  tasks: "engagement",
  letters: "letters",
  stances: "stances",
  interactions: "engagement",
};

function labelKeyOf(page: NavId): string {
  return NAV_ITEMS.find((item) => item.id === page)?.labelKey ?? "nav.home";
}

/** ←/→/↑/↓ (and Home/End) move the focus between the cards' titles, in reading order. */
function moveBetweenCards(event: KeyboardEvent<HTMLElement>) {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.classList.contains("dash-card-title")) return;
  const titles = Array.from(event.currentTarget.querySelectorAll<HTMLElement>("button.dash-card-title"));
  const at = titles.indexOf(target);
  const next =
    event.key === "ArrowRight" || event.key === "ArrowDown"
      ? at + 1
      : event.key === "ArrowLeft" || event.key === "ArrowUp"
        ? at - 1
        : event.key === "Home"
          ? 0
          : event.key === "End"
            ? titles.length - 1
            : null;
  if (next === null || next < 0 || next >= titles.length) return;
  event.preventDefault();
  titles[next]!.focus();
}

/** Clicks on controls inside a card stay with them; anywhere else opens the card's page. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("button, select, input, a, label, [data-card-control]") !== null;
}

function Card({
  id,
  title,
  meta,
  wide,
  onOpen,
  children,
}: {
  id: CardId;
  title: string;
  meta?: ReactNode;
  wide?: boolean;
  onOpen: (id: CardId) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const onClick = (e: MouseEvent<HTMLElement>) => {
    if (!isControl(e.target)) onOpen(id);
  };
  return (
    // The header button is the keyboard way in; a click anywhere else on the card does the same.
    <section className={`dash-card ${wide ? "dash-card-wide" : ""}`} aria-labelledby={`dash-${id}-title`} data-testid={`dash-card-${id}`} onClick={onClick}>
      <header className="dash-card-header">
        <button
          type="button"
          className="dash-card-title"
          id={`dash-${id}-title`}
          onClick={() => onOpen(id)}
          title={t("dashboard.open", { page: t(labelKeyOf(CARD_TARGETS[id])) })}
          data-testid={`dash-open-${id}`}
        >
          <span>{title}</span>
          <ChevronRightIcon size={14} className="dash-card-chevron" />
        </button>
        {meta && <div className="dash-card-meta">{meta}</div>}
      </header>
      <div className="dash-card-body">{children}</div>
    </section>
  );
}

function Skeleton({ lines = 4, chart = false }: { lines?: number; chart?: boolean }) {
  return (
    <div className="dash-skeleton" aria-hidden="true">
      {chart && <span className="skeleton dash-skeleton-chart" />}
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton" style={{ width: `${85 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}

function Empty({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <p className="dash-empty" data-testid={testId}>
      {children}
    </p>
  );
}

function holder(term: SeatTerm): string {
  if (term.person_name && term.organisation_name) return `${term.person_name} (${term.organisation_name})`;
  return term.person_name ?? term.organisation_name ?? "?";
}

function MembersCard({ d, onOpen }: { d: Dashboard; onOpen: (id: CardId) => void }) {
  const { t, i18n } = useTranslation();
  const last = d.membership[d.membership.length - 1];
  const yearAgo = d.membership[d.membership.length - 13];
  const active = last?.active ?? 0;
  const delta = yearAgo ? active - yearAgo.active : 0;
  const anyone = d.membership.some((m) => m.prospect + m.applied + m.active + m.suspended + m.lapsed + m.withdrawn > 0);
  return (
    <Card
      id="members"
      title={t("dashboard.members.title")}
      wide
      onOpen={onOpen}
      meta={
        anyone && (
          <span className="dash-headline" data-testid="dash-members-headline">
            <strong>{active.toLocaleString(i18n.language)}</strong> {t("dashboard.members.active", { count: active })}
            {yearAgo && (
              <span className={`dash-delta ${delta > 0 ? "is-up" : delta < 0 ? "is-down" : ""}`}>
                {t("dashboard.members.delta", { delta: `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${Math.abs(delta)}` })}
              </span>
            )}
          </span>
        )
      }
    >
      {anyone ? (
        <MembersChart months={d.membership} />
      ) : (
        <Empty testId="dash-members-empty">{t("dashboard.members.empty")}</Empty>
      )}
    </Card>
  );
}

function SteeringCard({ d, onOpen }: { d: Dashboard; onOpen: (id: CardId) => void }) {
  const { t } = useTranslation();
  return (
    <Card id="steering" title={t("dashboard.steering.title")} onOpen={onOpen} meta={d.steering.length > 0 && <span className="dash-count">{d.steering.length}</span>}>
      {d.steering.length === 0 ? (
        <Empty testId="dash-steering-empty">{t("dashboard.steering.empty")}</Empty>
      ) : (
        <ul className="dash-list" data-testid="dash-steering">
          {d.steering.map((term) => (
            <li key={term.id} className="dash-row" data-testid="dash-steering-row">
              <span className="dash-row-main">{holder(term)}</span>
              <span className="dash-row-side">
                {t(`seatRole.${term.role}`)}
                {d.steering.some((x) => x.body.id !== term.body.id) && ` · ${term.body.name}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function EventsCard({ d, onOpen }: { d: Dashboard; onOpen: (id: CardId) => void }) {
  const { t } = useTranslation();
  return (
    <Card id="events" title={t("dashboard.events.title")} onOpen={onOpen}>
      {d.upcoming_events.length === 0 ? (
        <Empty testId="dash-events-empty">{t("dashboard.events.empty")}</Empty>
      ) : (
        <ul className="dash-list" data-testid="dash-events">
          {d.upcoming_events.map((e) => {
            const start = splitLocal(e.starts_at);
            return (
              <li key={e.id} className="dash-row dash-event" data-testid="dash-event-row">
                <span className="dash-event-date" aria-hidden="true">
                  <span className="dash-event-day">{start.date.slice(8, 10)}</span>
                  <span className="dash-event-month">{formatEventDate(start.date).split(" ")[2]}</span>
                </span>
                <span className="dash-row-stack">
                  <span className="dash-row-main">{e.title}</span>
                  <span className="dash-row-sub" data-testid="dash-event-when">
                    {t("dashboard.events.when", { date: formatEventDate(start.date), time: start.time, zone: e.zone_label })}
                    {e.venue_name && ` · ${e.venue_name}`}
                  </span>
                </span>
                <span className="dash-row-side dash-seats" data-testid="dash-event-seats">
                  {e.capacity !== null
                    ? t("dashboard.events.seats", { taken: e.seats_taken, capacity: e.capacity })
                    : t("dashboard.events.registered", { count: e.registered })}
                  {e.waitlisted > 0 && <span className="dash-waitlist">{t("dashboard.events.waitlisted", { count: e.waitlisted })}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function TasksCard({ d, onOpen }: { d: Dashboard; onOpen: (id: CardId) => void }) {
  const { t } = useTranslation();
  const { total, top } = d.overdue;
  return (
    <Card
      id="tasks"
      title={t("dashboard.tasks.title")}
      onOpen={onOpen}
      meta={total > 0 && <span className="dash-count dash-count-alert" data-testid="dash-overdue-total">{total}</span>}
    >
      {total === 0 ? (
        <Empty testId="dash-tasks-empty">{t("dashboard.tasks.empty")}</Empty>
      ) : (
        <>
          <ul className="dash-list" data-testid="dash-tasks">
            {top.map((task) => (
              <li key={task.id} className="dash-row" data-testid="dash-task-row">
                <span className="dash-row-stack">
                  <span className="dash-row-main">{task.title}</span>
                  <span className="dash-row-sub">
                    {task.event_title
                      ? t("dashboard.tasks.forEvent", { title: task.event_title })
                      : task.interaction_subject
                        ? t("dashboard.tasks.after", { subject: task.interaction_subject })
                        : t("dashboard.tasks.standalone")}
                    {task.owner_name && ` · ${task.owner_name}`}
                  </span>
                </span>
                <span className="dash-row-side dash-overdue">{t("dashboard.tasks.due", { date: formatDate(task.due_on) })}</span>
              </li>
            ))}
          </ul>
          {total > top.length && <p className="dash-more">{t("dashboard.tasks.more", { count: total - top.length })}</p>}
        </>
      )}
    </Card>
  );
}

function LettersCard({ d, onOpen }: { d: Dashboard; onOpen: (id: CardId) => void }) {
  const { t } = useTranslation();
  const { total, letters } = d.letters;
  return (
    <Card id="letters" title={t("dashboard.letters.title")} onOpen={onOpen} meta={total > 0 && <span className="dash-count">{total}</span>}>
      {total === 0 ? (
        <Empty testId="dash-letters-empty">{t("dashboard.letters.empty")}</Empty>
      ) : (
        <>
          <ul className="dash-list" data-testid="dash-letters">
            {letters.map((l) => {
              // Everyone with an answer or still to answer: the bar's whole width.
              const asked = Math.max(l.counts.signed + l.counts.declined + l.counts.silent, 1);
              return (
                <li key={l.id} className="dash-row dash-letter" data-testid="dash-letter-row">
                  <span className="dash-row-stack">
                    <span className="dash-letter-head">
                      <span className="dash-row-main">{l.title}</span>
                      <span className="dash-letter-signed">
                        <strong>{l.counts.signed}</strong> {t("dashboard.letters.signed")}
                      </span>
                    </span>
                    <span className="dash-progress" aria-hidden="true">
                      <span className="dash-progress-signed" style={{ width: `${(100 * l.counts.signed) / asked}%` }} />
                      <span className="dash-progress-declined" style={{ width: `${(100 * l.counts.declined) / asked}%` }} />
                    </span>
                    <span className="dash-row-sub" data-testid="dash-letter-counts">
                      {t("dashboard.letters.rest", { signed: l.counts.signed, declined: l.counts.declined, silent: l.counts.silent })}
                      {" · "}
                      {l.deadline ? t("dashboard.letters.deadline", { date: formatDate(l.deadline) }) : t("dashboard.letters.noDeadline")}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
          {total > letters.length && <p className="dash-more">{t("dashboard.letters.more", { count: total - letters.length })}</p>}
        </>
      )}
    </Card>
  );
}

function StancesCard({
  breakdown,
  onOpen,
  onPick,
  busy,
  error,
}: {
  breakdown: StanceBreakdown;
  onOpen: (id: CardId) => void;
  onPick: (dossier: string | null) => void;
  busy: boolean;
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const picker =
    breakdown.dossiers.length > 0 ? (
      <select
        className="input dash-dossier-picker"
        aria-label={t("dashboard.stances.pick")}
        value={breakdown.chosen && breakdown.dossier ? breakdown.dossier.id : ""}
        disabled={busy}
        onChange={(e) => onPick(e.target.value || null)}
        data-testid="dash-dossier"
      >
        <option value="">
          {!breakdown.chosen && breakdown.dossier
            ? t("dashboard.stances.automatic", { reference: breakdown.dossier.reference })
            : t("dashboard.stances.automaticPlain")}
        </option>
        {breakdown.dossiers.map((d) => (
          <option key={d.id} value={d.id}>
            {d.reference} · {d.short_title}
          </option>
        ))}
      </select>
    ) : null;
  return (
    <Card id="stances" title={t("dashboard.stances.title")} wide onOpen={onOpen} meta={picker}>
      {error && <ErrorBanner error={error} testId="dash-stances-error" />}
      {!breakdown.dossier ? (
        <Empty testId="dash-stances-empty">{t("dashboard.stances.noDossier")}</Empty>
      ) : (
        <>
          <p className="dash-subtitle" data-testid="dash-stances-dossier">
            <strong>{breakdown.dossier.reference}</strong> {breakdown.dossier.short_title}
            <span className="cell-muted"> · {t("dashboard.stances.total", { count: breakdown.total })}</span>
          </p>
          {breakdown.total === 0 ? (
            <Empty testId="dash-stances-none">{t("dashboard.stances.none")}</Empty>
          ) : (
            <StancesChart groups={breakdown.groups} />
          )}
        </>
      )}
    </Card>
  );
}

function InteractionsCard({ d, onOpen }: { d: Dashboard; onOpen: (id: CardId) => void }) {
  const { t } = useTranslation();
  return (
    <Card id="interactions" title={t("dashboard.interactions.title")} onOpen={onOpen}>
      {d.interactions.length === 0 ? (
        <Empty testId="dash-interactions-empty">{t("dashboard.interactions.empty")}</Empty>
      ) : (
        <ul className="dash-list" data-testid="dash-interactions">
          {d.interactions.map((i) => (
            <li key={i.id} className="dash-row" data-testid="dash-interaction-row">
              <span className="dash-row-stack">
                <span className="dash-row-main">{i.subject}</span>
                <span className="dash-row-sub">
                  {t(`interactionKind.${i.kind}`)}
                  {i.dossier_reference && ` · ${i.dossier_reference}`}
                  {i.participants.length > 0 && ` · ${i.participants.map((p) => p.name).join(", ")}`}
                </span>
              </span>
              <span className="dash-row-side">{formatDate(i.occurred_on)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function useCardTitles(): Record<CardId, string> {
  const { t } = useTranslation();
  return {
    members: t("dashboard.members.title"),
    steering: t("dashboard.steering.title"),
    events: t("dashboard.events.title"),
    tasks: t("dashboard.tasks.title"),
    letters: t("dashboard.letters.title"),
    stances: t("dashboard.stances.title"),
    interactions: t("dashboard.interactions.title"),
  };
}

const CARD_SKELETONS: { id: CardId; wide?: boolean; chart?: boolean }[] = [
  { id: "members", wide: true, chart: true },
  { id: "steering" },
  { id: "events" },
  { id: "tasks" },
  { id: "letters" },
  { id: "stances", wide: true, chart: true },
  { id: "interactions" },
];

/**
 * The home screen: a card per figure, each leading to its page. It is read afresh each time
 * the page is shown (pages mount when shown), and on "Refresh".
 */
export function HomePage({ onNavigate }: { onNavigate: (id: NavId) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const storeInfo = useStoreInfo();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<ApiError | null>(null);
  const [demoLoading, setDemoLoading] = useState(false);
  const titles = useCardTitles();

  useEffect(() => {
    let live = true;
    setLoading(true);
    backend.dashboardGet().then(
      (d) => {
        if (!live) return;
        setDashboard(d);
        setError(null);
        setLoading(false);
      },
      (raw: unknown) => {
        if (!live) return;
        setError(toApiError(raw));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [backend, token]);

  // The first dashboard painted in this window is reported once (scripts/measure-app times it).
  useEffect(() => {
    if (dashboard !== null) reportFirstPaint(backend, (raw) => setError(toApiError(raw)));
  }, [backend, dashboard]);

  const refresh = useCallback(() => setToken((n) => n + 1), []);

  // R refreshes, outside text fields and dialogs.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "r" && event.key !== "R") return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isEditableTarget(event.target) || isOverlayOpen()) return;
      event.preventDefault();
      refresh();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [refresh]);
  const open = useCallback((id: CardId) => onNavigate(CARD_TARGETS[id]), [onNavigate]);

  const pick = async (dossier: string | null) => {
    setPicking(true);
    setPickError(null);
    try {
      const stances = await backend.dashboardSetMainDossier(dossier);
      setDashboard((d) => (d ? { ...d, stances } : d));
    } catch (raw) {
      setPickError(toApiError(raw));
    } finally {
      setPicking(false);
    }
  };

  const loadDemo = async () => {
    setDemoLoading(true);
    try {
      const report = await backend.demoLoad();
      storeInfo.reload();
      refresh();
      toast.success(t("demo.done", { count: report.organisations_added }));
    } catch (raw) {
      toast.error(raw, t("demo.failed"));
    } finally {
      setDemoLoading(false);
    }
  };

  const emptyStore = storeInfo.info?.organisations === 0;

  return (
    <div className="page dash-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("dashboard.title")}</h1>
          {dashboard && (
            <span className="page-count" data-testid="dash-today">
              {formatEventDate(dashboard.today)}
            </span>
          )}
          {loading && dashboard && <span className="loading-dot" aria-hidden="true" />}
        </div>
        <div className="toolbar" role="toolbar" aria-label={t("dashboard.toolbar")}>
          <Button icon={<RestoreIcon size={14} />} onClick={refresh} busy={loading} shortcut="R" data-testid="dash-refresh">
            {t("dashboard.refresh")}
          </Button>
        </div>
      </header>
      <div className="dash-scroll" aria-busy={loading}>
        {error && <ErrorBanner error={error} onRetry={refresh} testId="dash-error" />}
        {emptyStore && (
          <div className="dash-welcome" data-testid="dash-welcome">
            <div>
              <h2 className="dash-welcome-title">{t("dashboard.welcome.title")}</h2>
              <p className="dash-welcome-body">{t("dashboard.welcome.body")}</p>
            </div>
            <div className="dash-welcome-actions">
              <Button variant="primary" icon={<SparkIcon size={14} />} onClick={loadDemo} busy={demoLoading} data-testid="home-demo-load">
                {t("empty.demo")}
              </Button>
              <Button onClick={() => onNavigate("organisations")} data-testid="home-go-organisations">
                {t("dashboard.welcome.organisations")}
              </Button>
            </div>
          </div>
        )}
        <div className="dash-grid" data-testid="dash-grid" onKeyDown={moveBetweenCards}>
          {dashboard ? (
            <>
              <MembersCard d={dashboard} onOpen={open} />
              <SteeringCard d={dashboard} onOpen={open} />
              <EventsCard d={dashboard} onOpen={open} />
              <TasksCard d={dashboard} onOpen={open} />
              <LettersCard d={dashboard} onOpen={open} />
              <StancesCard breakdown={dashboard.stances} onOpen={open} onPick={(id) => void pick(id)} busy={picking} error={pickError} />
              <InteractionsCard d={dashboard} onOpen={open} />
            </>
          ) : (
            !error &&
            CARD_SKELETONS.map((c) => (
              <section key={c.id} className={`dash-card ${c.wide ? "dash-card-wide" : ""}`} data-testid="dash-skeleton">
                <header className="dash-card-header">
                  <span className="dash-card-title is-static">{titles[c.id]}</span>
                </header>
                <div className="dash-card-body">
                  <Skeleton chart={c.chart ?? false} />
                </div>
              </section>
            ))
          )}
        </div>
      </div>
    </div>
  );
}
