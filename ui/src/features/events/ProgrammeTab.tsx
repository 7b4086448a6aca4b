import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Event } from "../../bindings/Event";
import type { Programme } from "../../bindings/Programme";
import type { ProgrammeIssue } from "../../bindings/ProgrammeIssue";
import type { Session } from "../../bindings/Session";
import type { ApiError } from "../../bindings/ApiError";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { AlertIcon, CalendarIcon, PencilIcon, PlusIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { SessionFormDialog } from "./SessionFormDialog";
import { formatTimes, splitLocal } from "./time";

type Dialog = { kind: "none" } | { kind: "form"; session: Session | null } | { kind: "delete"; session: Session };

/** Sessions in time order with their speakers; overlaps and double bookings flagged. */
export function ProgrammeTab({ event, programme, onChanged }: { event: Event; programme: Programme; onChanged: (p: Programme) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  const [deleting, setDeleting] = useState<{ busy: boolean; error: ApiError | null }>({ busy: false, error: null });

  const sessions = useMemo(
    () => [...programme.sessions].sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.ends_at.localeCompare(b.ends_at)),
    [programme.sessions],
  );
  const issuesBySession = useMemo(() => {
    const map = new Map<string, ProgrammeIssue[]>();
    for (const issue of programme.issues) for (const id of issue.session_ids) map.set(id, [...(map.get(id) ?? []), issue]);
    return map;
  }, [programme.issues]);
  const multiDay = sessions.some((s) => splitLocal(s.starts_at).date !== splitLocal(event.starts_at).date);

  const remove = async (session: Session) => {
    setDeleting({ busy: true, error: null });
    try {
      onChanged(await backend.sessionDelete(session.id));
      setDialog({ kind: "none" });
      setDeleting({ busy: false, error: null });
      toast.success(t("programme.deleted", { title: session.title }));
    } catch (raw) {
      setDeleting({ busy: false, error: toApiError(raw) });
    }
  };

  return (
    <section className="letter-section" aria-labelledby="programme-title" data-testid="programme">
      <div className="section-head">
        <h2 className="section-title" id="programme-title">
          {t("programme.title")} <span className="cell-muted">{t("programme.zone", { zone: event.time_zone })}</span>
        </h2>
        <div className="section-actions">
          <Button size="sm" variant="primary" icon={<PlusIcon size={14} />} onClick={() => setDialog({ kind: "form", session: null })} data-testid="session-add">
            {t("programme.add")}
          </Button>
        </div>
      </div>

      {programme.issues.length > 0 && (
        <div className="banner banner-warning programme-issues" role="status" data-testid="programme-issues">
          <AlertIcon className="banner-icon" />
          <ul className="banner-body">
            {programme.issues.map((issue, i) => (
              <li key={i} data-testid="programme-issue" data-kind={issue.kind}>
                <strong>{t(`eventIssue.${issue.kind}`)}:</strong> {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {sessions.length === 0 ? (
        <EmptyState icon={<CalendarIcon size={24} />} title={t("programme.emptyTitle")} body={t("programme.emptyBody")} testId="programme-empty" />
      ) : (
        <ol className="session-list">
          {sessions.map((session) => {
            const issues = issuesBySession.get(session.id) ?? [];
            return (
              <li
                key={session.id}
                className={`session-row ${issues.length ? "is-flagged" : ""} session-${session.kind}`}
                data-testid="session-row"
                data-id={session.id}
                data-flagged={issues.length > 0 || undefined}
              >
                <div className="session-time" data-testid="session-time">
                  {multiDay && <span className="session-date">{splitLocal(session.starts_at).date}</span>}
                  {formatTimes(session.starts_at, session.ends_at)}
                </div>
                <div className="session-main">
                  <div className="session-heading">
                    <span className="session-title" data-testid="session-title-text">
                      {session.title}
                    </span>
                    <span className="tag">{t(`eventSessionKind.${session.kind}`)}</span>
                    {issues.map((issue, i) => (
                      <span key={i} className="session-flag" title={issue.message} data-testid="session-flag" data-kind={issue.kind}>
                        <AlertIcon size={12} /> {t(`eventIssue.${issue.kind}`)}
                      </span>
                    ))}
                  </div>
                  {session.speakers.length > 0 && (
                    <ul className="session-speakers">
                      {session.speakers.map((sp) => {
                        const doubled = issues.some((i) => i.kind === "double_booked" && i.person_id === sp.person_id);
                        return (
                          <li key={sp.person_id} className={`session-speaker ${doubled ? "is-doubled" : ""}`} data-testid="session-speaker-line">
                            <span className="speaker-name">{sp.display_name}</span>
                            {(sp.group_code || sp.organisation) && <span className="cell-muted"> ({[sp.group_code, sp.organisation].filter(Boolean).join(", ")})</span>}
                            <span className="cell-muted"> · {t(`eventSpeakerRole.${sp.role}`)}</span>
                            <span className={`speaker-state speaker-state-${sp.state}`}>{t(`eventSpeakerState.${sp.state}`)}</span>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {session.notes && <p className="session-notes">{session.notes}</p>}
                </div>
                <div className="session-actions">
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={t("programme.edit", { title: session.title })}
                    onClick={() => setDialog({ kind: "form", session })}
                    data-testid="session-edit"
                  >
                    <PencilIcon size={14} />
                  </button>
                  <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: "delete", session })} data-testid="session-delete">
                    {t("programme.delete")}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <SessionFormDialog
        event={event}
        session={dialog.kind === "form" ? dialog.session : null}
        open={dialog.kind === "form"}
        onClose={() => setDialog({ kind: "none" })}
        onSaved={(p) => {
          setDialog({ kind: "none" });
          onChanged(p);
        }}
      />
      {dialog.kind === "delete" && (
        <ConfirmDialog
          open
          onOpenChange={(open) => {
            if (open) return;
            setDialog({ kind: "none" });
            setDeleting({ busy: false, error: null });
          }}
          busy={deleting.busy}
          error={deleting.error}
          title={t("programme.deleteTitle")}
          body={t("programme.deleteBody", { title: dialog.session.title })}
          confirmLabel={t("programme.delete")}
          danger
          onConfirm={() => remove(dialog.session)}
          testId="session-delete-confirm"
        />
      )}
    </section>
  );
}
