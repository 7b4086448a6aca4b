import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Event } from "../../bindings/Event";
import type { Participant } from "../../bindings/Participant";
import type { ParticipantCounts } from "../../bindings/ParticipantCounts";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CheckIcon, ChevronLeftIcon, SearchIcon } from "../../components/Icons";
import { Kbd } from "../../components/Kbd";

const LIMIT = 50;

/**
 * Check-in on the day: type a few letters, ↑/↓ to move, Enter (or Space after moving) ticks the
 * highlighted participant in or out. Registered participants are listed (and no-shows, who may
 * still turn up).
 */
export function CheckInScreen({ eventId, event, onBack }: { eventId: string; event: Event | null; onBack: () => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [search, setSearch] = useState("");
  const [rows, setRows] = useState<Participant[]>([]);
  const [matching, setMatching] = useState(0);
  const [counts, setCounts] = useState<ParticipantCounts | null>(null);
  const [active, setActive] = useState(0);
  const [navigating, setNavigating] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [last, setLast] = useState<{ name: string; in: boolean } | null>(null);
  const [token, setToken] = useState(0);
  const pending = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        backend
          .participantsList(eventId, { states: ["registered", "attended", "no_show"], search: search.trim() || null, include_needs: false, offset: 0, limit: LIMIT })
          .then(
            (page) => {
              if (!live) return;
              setRows(page.rows);
              setMatching(page.total);
              setCounts(page.counts);
              setActive((a) => Math.min(a, Math.max(page.rows.length - 1, 0)));
              setError(null);
            },
            (raw: unknown) => live && setError(toApiError(raw)),
          );
      },
      search ? 80 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, eventId, search, token]);

  const toggle = async (p: Participant) => {
    if (pending.current) return;
    pending.current = true;
    const checkIn = p.state !== "attended";
    try {
      const change = await backend.participantCheckIn(p.id, checkIn);
      setCounts(change.counts);
      setRows((prev) => prev.map((r) => (r.id === p.id ? change.participant : r)));
      setLast({ name: p.display_name, in: checkIn });
      setError(null);
      if (checkIn && search) {
        setSearch("");
        setActive(0);
      }
      setToken((n) => n + 1);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      pending.current = false;
      inputRef.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setNavigating(true);
      setActive((a) => (e.key === "ArrowDown" ? Math.min(a + 1, rows.length - 1) : Math.max(a - 1, 0)));
    } else if (e.key === "Enter" || (e.key === " " && (navigating || !search))) {
      const p = rows[active];
      if (p) {
        e.preventDefault();
        void toggle(p);
      }
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (search) {
        setSearch("");
        setActive(0);
      } else {
        onBack();
      }
    }
  };

  const total = counts ? counts.registered + counts.attended + counts.no_show : null;

  return (
    <div className="checkin" data-testid="checkin">
      <header className="page-header">
        <div className="letter-heading">
          <button type="button" className="icon-btn" onClick={onBack} aria-label={t("checkin.back")} data-testid="checkin-back">
            <ChevronLeftIcon size={16} />
          </button>
          <h1 className="page-title">{t("checkin.title", { title: event?.title ?? "" })}</h1>
        </div>
        <div className="checkin-count" data-testid="checkin-count" aria-live="polite">
          {counts && total !== null ? t("checkin.count", { attended: counts.attended, total }) : t("common.loading")}
        </div>
      </header>
      <div className="checkin-body">
        <div className="checkin-search">
          <SearchIcon size={20} aria-hidden="true" />
          <input
            ref={inputRef}
            className="input checkin-input"
            type="search"
            role="combobox"
            aria-expanded={rows.length > 0}
            aria-controls="checkin-list"
            aria-activedescendant={rows[active] ? `checkin-${rows[active]!.id}` : undefined}
            aria-label={t("checkin.search")}
            placeholder={t("checkin.search")}
            autoComplete="off"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setActive(0);
              setNavigating(false);
            }}
            onKeyDown={onKeyDown}
            data-testid="checkin-search"
          />
        </div>
        <p className="checkin-help">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t("checkin.helpMove")} · <Kbd>{t("keys.enter")}</Kbd> {t("checkin.helpTick")} · <Kbd>{t("keys.esc")}</Kbd> {t("checkin.helpEsc")}
        </p>
        {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="checkin-error" />}
        <p className="checkin-last" aria-live="assertive" data-testid="checkin-last">
          {last ? (last.in ? t("checkin.checkedIn", { name: last.name }) : t("checkin.checkedOut", { name: last.name })) : ""}
        </p>
        <ul className="checkin-list" id="checkin-list" role="listbox" aria-label={t("checkin.list")}>
          {rows.map((p, index) => (
            <li
              key={p.id}
              id={`checkin-${p.id}`}
              role="option"
              aria-selected={index === active}
              aria-checked={p.state === "attended"}
              className={`checkin-row ${index === active ? "is-active" : ""} ${p.state === "attended" ? "is-in" : ""}`}
              data-testid="checkin-row"
              data-state={p.state}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(index);
                void toggle(p);
              }}
            >
              <span className="checkin-tick" aria-hidden="true">
                {p.state === "attended" ? <CheckIcon size={18} /> : null}
              </span>
              <span className="checkin-name">{p.display_name}</span>
              <span className="cell-muted">{[p.group_code, p.organisation_name].filter(Boolean).join(" · ")}</span>
              <span className="checkin-state">{p.state === "attended" ? t("checkin.in") : t("checkin.notYet")}</span>
            </li>
          ))}
        </ul>
        {matching > rows.length && (
          <p className="field-hint" data-testid="checkin-more">
            {t("checkin.more", { shown: rows.length, total: matching })}
          </p>
        )}
        {rows.length === 0 && !error && <p className="field-hint">{search ? t("checkin.noMatch") : t("checkin.nobody")}</p>}
      </div>
    </div>
  );
}
