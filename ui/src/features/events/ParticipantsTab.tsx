import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Event } from "../../bindings/Event";
import type { Participant } from "../../bindings/Participant";
import type { ParticipantChange } from "../../bindings/ParticipantChange";
import type { ParticipantCounts } from "../../bindings/ParticipantCounts";
import type { ParticipantRole } from "../../bindings/ParticipantRole";
import type { ParticipantState } from "../../bindings/ParticipantState";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CloseIcon, CopyIcon, SearchIcon, UsersIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { EnumSelect } from "../../components/EnumSelect";
import { NEXT_STATES, PARTICIPANT_ROLES, PARTICIPANT_STATES } from "./enums";
import { InviteDialog } from "./InviteDialog";
import { inputOf, withStoredNeeds } from "./needs";
import { ParticipantEditDialog } from "./ParticipantEditDialog";
import { ParticipantStatePill } from "./pills";

/** Rows fetched at a time (the core's maximum); the list is virtualised. */
const PAGE = 500;
const ROW_HEIGHT = 46;

type Notice = { kind: "promoted" | "waitlisted"; name: string; other?: string } | null;

/** The counts bar: each state, and seats taken of the capacity. */
export function CountsBar({ counts }: { counts: ParticipantCounts }) {
  const { t, i18n } = useTranslation();
  const full = counts.capacity !== null && counts.seats_taken >= counts.capacity;
  return (
    <div className="stats participant-counts" data-testid="participant-counts">
      {PARTICIPANT_STATES.map((s) => (
        <div key={s} className={`stat stat-part-${s}`} data-testid={`pcount-${s}`}>
          <div className="stat-value">{counts[s].toLocaleString(i18n.language)}</div>
          <div className="stat-label">{t(`eventParticipantState.${s}`)}</div>
        </div>
      ))}
      <div className={`stat ${full ? "stat-warn" : "stat-good"}`} data-testid="pcount-seats">
        <div className="stat-value">
          {counts.capacity === null ? counts.seats_taken : t("events.seatsOf", { taken: counts.seats_taken, capacity: counts.capacity })}
        </div>
        <div className="stat-label">{full ? t("participants.full") : t("participants.seats")}</div>
      </div>
    </div>
  );
}

/** Copies text to the clipboard; resolves false when the webview refuses. */
async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (!clipboard || typeof clipboard.writeText !== "function") return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Participants: counts, invite a segment, state changes with the waitlist, sensitive needs on demand. */
export function ParticipantsTab({ event, onCounts }: { event: Event; onCounts: (counts: ParticipantCounts) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [rows, setRows] = useState<Participant[] | null>(null);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<ParticipantCounts | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [search, setSearch] = useState("");
  const [states, setStates] = useState<ParticipantState[]>([]);
  const [showNeeds, setShowNeeds] = useState(false);
  const [pages, setPages] = useState(1);
  const [token, setToken] = useState(0);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [inviteOpen, setInviteOpen] = useState(false);
  const [editing, setEditing] = useState<Participant | null>(null);
  const [emailFallback, setEmailFallback] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1000, height: 600 },
  });
  const waitlistOrder = useMemo(() => (rows ?? []).filter((r) => r.state === "waitlisted").map((r) => r.id), [rows]);
  const onCountsRef = useRef(onCounts);
  onCountsRef.current = onCounts;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      // The core serves at most PAGE rows a call: "show more" adds a page at the next offset.
      const query = { states, search: search.trim() || null, include_needs: showNeeds };
      Promise.all(Array.from({ length: pages }, (_, i) => backend.participantsList(event.id, { ...query, offset: i * PAGE, limit: PAGE }))).then(
        (loaded) => {
          if (!live) return;
          const last = loaded[loaded.length - 1]!;
          setRows(loaded.flatMap((page) => page.rows));
          setTotal(last.total);
          setCounts(last.counts);
          setError(null);
        },
        (raw: unknown) => live && setError(toApiError(raw)),
      );
    }, search ? 150 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, event.id, states, search, showNeeds, pages, token]);

  const reload = useCallback(() => setToken((n) => n + 1), []);
  const updateCounts = (next: ParticipantCounts) => {
    setCounts(next);
    onCountsRef.current(next);
  };

  const withBusy = async (id: string, action: () => Promise<void>) => {
    setBusy((prev) => new Set(prev).add(id));
    try {
      await action();
    } catch (raw) {
      toast.error(raw, t("participants.changeFailed"));
    } finally {
      setBusy((prev) => {
        const next = new Set(prev);
        next.delete(id);
        return next;
      });
    }
  };

  const applyChange = (change: ParticipantChange, asked: ParticipantState) => {
    updateCounts(change.counts);
    const name = change.participant.display_name;
    if (change.promoted) {
      const promoted = change.promoted.display_name;
      setNotice({ kind: "promoted", name: promoted, other: name });
      toast.info(t("participants.promoted", { name: promoted }), t("participants.promotedBecause", { name }));
    } else if (asked === "registered" && change.participant.state === "waitlisted") {
      setNotice({ kind: "waitlisted", name });
      toast.info(t("participants.waitlisted", { name }));
    } else {
      toast.success(t("participants.changed", { name, state: t(`eventParticipantState.${change.participant.state}`) }));
    }
    reload();
  };

  const setState = (p: Participant, state: ParticipantState) =>
    withBusy(p.id, async () => {
      const change = await backend.participantSetState(p.id, state);
      applyChange(change, state);
    });

  const update = (p: Participant, patch: { role?: ParticipantRole; counts_for_capacity?: boolean }) =>
    withBusy(p.id, async () => {
      const full = await withStoredNeeds(backend, event.id, p);
      // A role or seat change can free a seat: the core then promotes from the waitlist, and
      // the coordinator is told who moved up, as when someone declines.
      const waiting = await waitlisted();
      await backend.participantUpdate(p.id, inputOf(full, patch));
      const still = new Set((await waitlisted()).map((w) => w.id));
      const moved = waiting.filter((w) => !still.has(w.id));
      if (moved.length > 0) {
        const names = moved.map((w) => w.display_name).join(", ");
        setNotice({ kind: "promoted", name: names, other: p.display_name });
        toast.info(t("participants.promoted", { name: names }), t("participants.promotedBecause", { name: p.display_name }));
      }
      reload();
    });

  const waitlisted = async () =>
    (await backend.participantsList(event.id, { states: ["waitlisted"], search: null, include_needs: false, offset: 0, limit: PAGE })).rows;

  const emails = async () => {
    try {
      const wanted = states.length > 0 ? states : (["invited"] as ParticipantState[]);
      const list = await backend.eventEmails(event.id, wanted);
      if (list.length === 0) {
        toast.info(t("participants.noEmails"));
        return;
      }
      const text = list.join(", ");
      if (await copyText(text)) {
        setEmailFallback(null);
        toast.success(t("participants.emailsCopied", { count: list.length }));
      } else {
        setEmailFallback(text);
      }
    } catch (raw) {
      toast.error(raw, t("participants.emailsFailed"));
    }
  };

  const toggleState = (s: ParticipantState) => {
    setStates((prev) => (prev.includes(s) ? prev.filter((x) => x !== s) : [...prev, s]));
    setPages(1);
  };

  return (
    <section className="letter-section" aria-labelledby="participants-title" data-testid="participants">
      <div className="section-head">
        <h2 className="section-title" id="participants-title">
          {t("participants.title")}
        </h2>
        <div className="section-actions">
          <Button size="sm" variant="ghost" icon={<CopyIcon size={14} />} onClick={emails} data-testid="participants-copy-emails">
            {states.length ? t("participants.copyEmailsFiltered") : t("participants.copyEmails")}
          </Button>
          <Button size="sm" variant="primary" icon={<UsersIcon size={14} />} onClick={() => setInviteOpen(true)} data-testid="participants-invite">
            {t("participants.invite")}
          </Button>
        </div>
      </div>

      {counts && <CountsBar counts={counts} />}

      {notice && (
        <div className={`banner participant-notice notice-${notice.kind}`} role="status" data-testid="participant-notice" data-kind={notice.kind}>
          <div className="banner-body">
            <span className="banner-message">
              {notice.kind === "promoted"
                ? t("participants.promotedBanner", { name: notice.name, other: notice.other ?? "" })
                : t("participants.waitlistedBanner", { name: notice.name })}
            </span>
          </div>
          <button type="button" className="icon-btn" onClick={() => setNotice(null)} aria-label={t("common.dismiss")}>
            <CloseIcon size={14} />
          </button>
        </div>
      )}

      {emailFallback !== null && (
        <div className="copy-fallback" data-testid="emails-fallback">
          <label className="field-label" htmlFor="participants-emails">
            {t("participants.copyFallback")}
          </label>
          <textarea id="participants-emails" className="input textarea input-mono selectable" readOnly rows={3} value={emailFallback} onFocus={(e) => e.currentTarget.select()} />
          <Button size="sm" variant="ghost" onClick={() => setEmailFallback(null)}>
            {t("common.close")}
          </Button>
        </div>
      )}

      <div className="participant-filters">
        <div className="search-picker-box participant-search">
          <SearchIcon size={14} className="search-picker-icon" aria-hidden="true" />
          <input
            className="input"
            type="search"
            aria-label={t("participants.search")}
            placeholder={t("participants.search")}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPages(1);
            }}
            data-testid="participants-search"
          />
        </div>
        <div className="chip-group" role="group" aria-label={t("participants.filterStates")}>
          {PARTICIPANT_STATES.map((s) => (
            <button
              key={s}
              type="button"
              className={`chip ${states.includes(s) ? "is-active" : ""}`}
              aria-pressed={states.includes(s)}
              onClick={() => toggleState(s)}
              data-testid={`participants-filter-${s}`}
            >
              {t(`eventParticipantState.${s}`)}
            </button>
          ))}
        </div>
        <label className="switch-row sensitive-toggle">
          <input type="checkbox" role="switch" className="switch" checked={showNeeds} onChange={(e) => setShowNeeds(e.target.checked)} data-testid="participants-show-needs" />
          {t("participants.showNeeds")}
        </label>
      </div>

      {error && <ErrorBanner error={error} onRetry={reload} testId="participants-error" />}

      {rows && rows.length === 0 ? (
        states.length > 0 || search.trim() ? (
          <p className="field-hint" data-testid="participants-no-match">
            {t("participants.noMatch")}
          </p>
        ) : (
          <EmptyState icon={<UsersIcon size={24} />} title={t("participants.emptyTitle")} body={t("participants.emptyBody")} testId="participants-empty" />
        )
      ) : (
        rows && (
          <div className="participant-table" role="table" aria-label={t("participants.title")}>
            <div className={`participant-row participant-head ${showNeeds ? "with-needs" : ""}`} role="row">
              <span role="columnheader">{t("participants.columns.name")}</span>
              <span role="columnheader">{t("participants.columns.role")}</span>
              <span role="columnheader">{t("participants.columns.seat")}</span>
              <span role="columnheader">{t("participants.columns.state")}</span>
              {showNeeds && <span role="columnheader">{t("participants.columns.needs")}</span>}
              <span role="columnheader">{t("participants.columns.actions")}</span>
            </div>
            <div className="participant-scroll" ref={scrollRef} data-testid="participants-scroll">
              <div className="participant-inner" style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const p = rows[item.index]!;
                  return (
                    <div
                      key={p.id}
                      className={`participant-row ${showNeeds ? "with-needs" : ""}`}
                      style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                      role="row"
                      data-testid="participant-row"
                      data-id={p.id}
                      data-state={p.state}
                    >
                      <span role="cell" className="participant-name">
                        <span className="cell-name-text">{p.display_name}</span>
                        {(p.organisation_name || p.group_code) && (
                          <span className="cell-muted">{[p.group_code, p.organisation_name].filter(Boolean).join(" · ")}</span>
                        )}
                      </span>
                      <span role="cell">
                        <EnumSelect
                          id={`participant-role-${p.id}`}
                          value={p.role}
                          values={PARTICIPANT_ROLES}
                          label={(r) => t(`eventParticipantRole.${r}`)}
                          onChange={(role) => update(p, { role })}
                          disabled={busy.has(p.id)}
                        />
                      </span>
                      <span role="cell">
                        <label className="checkbox-row" title={t("participants.takesSeatHint")}>
                          <input
                            type="checkbox"
                            checked={p.counts_for_capacity}
                            disabled={busy.has(p.id)}
                            onChange={(e) => update(p, { counts_for_capacity: e.target.checked })}
                            data-testid="participant-takes-seat"
                          />
                          <span className="sr-only">{t("participants.takesSeat")}</span>
                        </label>
                      </span>
                      <span role="cell">
                        <ParticipantStatePill state={p.state} label={t(`eventParticipantState.${p.state}`)} />
                        {p.state === "waitlisted" && <span className="cell-muted waitlist-pos"> #{waitlistOrder.indexOf(p.id) + 1}</span>}
                      </span>
                      {showNeeds && (
                        <span role="cell" className="participant-needs" data-testid="participant-needs">
                          {[p.dietary_needs, p.access_needs].filter(Boolean).join(" · ") || <span className="cell-empty">—</span>}
                        </span>
                      )}
                      <span role="cell" className="participant-actions">
                        {NEXT_STATES[p.state].map((s) => (
                          <Button
                            key={s}
                            size="sm"
                            variant={s === "registered" ? "secondary" : "ghost"}
                            disabled={busy.has(p.id)}
                            onClick={() => setState(p, s)}
                            data-testid={`participant-${actionId(s)}`}
                          >
                            {t(`eventParticipantAction.${s}`)}
                          </Button>
                        ))}
                        <Button size="sm" variant="ghost" onClick={() => setEditing(p)} data-testid="participant-edit">
                          {t("participants.edit")}
                        </Button>
                      </span>
                    </div>
                  );
                })}
              </div>
            </div>
            {total > rows.length && (
              <div className="participant-more">
                <Button size="sm" onClick={() => setPages((n) => n + 1)} data-testid="participants-more">
                  {t("participants.more", { shown: rows.length, total })}
                </Button>
              </div>
            )}
          </div>
        )
      )}

      <InviteDialog
        event={event}
        open={inviteOpen}
        onClose={() => setInviteOpen(false)}
        onInvited={(outcome) => {
          setInviteOpen(false);
          updateCounts(outcome.counts);
          toast.success(t("participants.invited", { count: outcome.invited }), outcome.already ? t("participants.already", { count: outcome.already }) : undefined);
          reload();
        }}
      />
      <ParticipantEditDialog
        eventId={event.id}
        participant={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </section>
  );
}

/** The data-testid suffix of a state-change button: participant-register, participant-decline... */
function actionId(state: ParticipantState): string {
  const ids: Record<ParticipantState, string> = {
    invited: "reinvite",
    registered: "register",
    waitlisted: "waitlist",
    declined: "decline",
    attended: "attended",
    no_show: "no-show",
  };
  return ids[state];
}
