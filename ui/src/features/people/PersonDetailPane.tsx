import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Affiliation } from "../../bindings/Affiliation";
import type { ApiError } from "../../bindings/ApiError";
import type { PersonDetail } from "../../bindings/PersonDetail";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { AlertIcon, ArchiveIcon, CloseIcon, CopyIcon, PencilIcon, PlusIcon, RestoreIcon } from "../../components/Icons";
import { Tooltip } from "../../components/Tooltip";
import { useToast } from "../../components/Toasts";
import { formatDate, formatDateTime } from "../../lib/dates";
import { Timeline } from "../interactions/Timeline";
import { useCountries } from "../organisations/countries";
import { AffiliationDialog, EndAffiliationDialog } from "./AffiliationDialogs";
import { usePeopleLabels } from "./labels";
import { languageName } from "./query";
import { HistoryPanel } from "../history/HistoryPanel";
import { SubjectRightsActions } from "../subject-rights/SubjectRightsActions";
import { PersonDataProtectionSection } from "../data-protection/PersonDataProtectionSection";
import { SensitiveBadge } from "../data-protection/SensitiveBadge";

function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="prop">
      <dt className="prop-label">{label}</dt>
      <dd className="prop-value">{children}</dd>
    </div>
  );
}

const Empty = () => <span className="cell-empty">—</span>;

/** Copies one address; a refusal of the clipboard is shown, never swallowed. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const copy = async () => {
    try {
      const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
      if (!clipboard || typeof clipboard.writeText !== "function") throw new Error(t("people.detail.noClipboard"));
      await clipboard.writeText(text);
      toast.success(t("people.detail.copied", { text }));
    } catch (raw) {
      toast.error(raw, t("people.detail.copyFailed"));
    }
  };
  return (
    <button type="button" className="icon-btn icon-btn-sm" aria-label={label} title={label} onClick={copy} data-testid="person-copy-email">
      <CopyIcon size={13} />
    </button>
  );
}

type OpenDialog =
  | { kind: "none" }
  | { kind: "archive" }
  | { kind: "affiliation"; affiliation: Affiliation | null }
  | { kind: "end"; affiliation: Affiliation }
  | { kind: "delete"; affiliation: Affiliation };

/** One person: names, contacts, languages, notes, last contact, affiliations with history,
 * possible duplicates, and the interactions timeline. */
export function PersonDetailPane({
  detail,
  loading,
  error,
  onRetry,
  onClose,
  onEdit,
  onChanged,
  onOpenPerson,
  onErased,
}: {
  detail: PersonDetail | null;
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
  onClose: () => void;
  onEdit: () => void;
  onChanged: (detail: PersonDetail) => void;
  /** Opens another person (a possible duplicate). */
  onOpenPerson: (id: string) => void;
  /** After the person was erased (subject rights). */
  onErased?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const labels = usePeopleLabels();
  const { nameOf } = useCountries();
  const [dialog, setDialog] = useState<OpenDialog>({ kind: "none" });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const close = () => {
    setDialog({ kind: "none" });
    setActionError(null);
  };

  const person = detail?.person;

  const run = async (action: () => Promise<PersonDetail>, done?: (d: PersonDetail) => void) => {
    setBusy(true);
    setActionError(null);
    try {
      const saved = await action();
      close();
      onChanged(saved);
      done?.(saved);
    } catch (raw) {
      setActionError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!person) return;
    setBusy(true);
    try {
      const saved = await backend.personSetArchived(person.id, false);
      onChanged(saved);
      toast.success(t("people.detail.restored", { name: saved.person.display_name }));
    } catch (raw) {
      toast.error(raw, t("people.detail.restoreFailed"));
    } finally {
      setBusy(false);
    }
  };

  const saved = (d: PersonDetail) => {
    close();
    onChanged(d);
  };

  return (
    <aside className="detail" data-testid="person-detail" aria-label={person?.display_name ?? t("people.detail.label")}>
      <header className="detail-header">
        <div className="detail-heading">
          {person ? (
            <>
              <h2 className="detail-title" data-testid="person-detail-name">
                {person.honorific && <span className="cell-muted">{person.honorific} </span>}
                {person.display_name}
              </h2>
              <div className="detail-subtitle">
                <span>
                  {person.family_name}
                  {person.given_name && `, ${person.given_name}`}
                </span>
                {detail?.policy_maker && <span className="tag">{t("people.policyMakerTag")}</span>}
                {person.archived && <span className="tag tag-archived">{t("people.archivedTag")}</span>}
                {person.sensitive && <SensitiveBadge />}
              </div>
            </>
          ) : (
            <h2 className="detail-title">{loading ? t("common.loading") : t("people.detail.label")}</h2>
          )}
        </div>
        <Tooltip content={t("people.detail.close")} shortcut={t("keys.esc")}>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t("people.detail.close")} data-testid="person-detail-close">
            <CloseIcon size={16} />
          </button>
        </Tooltip>
      </header>

      {error && <ErrorBanner error={error} onRetry={onRetry} />}

      {person && detail && (
        <>
          <div className="detail-actions">
            <Button size="sm" icon={<PencilIcon size={14} />} onClick={onEdit} data-testid="person-edit">
              {t("people.detail.edit")}
            </Button>
            {person.archived ? (
              <Button size="sm" icon={<RestoreIcon size={14} />} onClick={restore} busy={busy} data-testid="person-restore">
                {t("people.detail.restore")}
              </Button>
            ) : (
              <Button size="sm" icon={<ArchiveIcon size={14} />} onClick={() => setDialog({ kind: "archive" })} data-testid="person-archive">
                {t("people.detail.archive")}
              </Button>
            )}
            <SubjectRightsActions personId={person.id} name={person.display_name} onErased={() => onErased?.()} />
          </div>

          <div className="detail-scroll">
            {detail.possible_duplicates.length > 0 && (
              <div className="banner banner-warning person-duplicates" role="status" data-testid="person-duplicate-flag">
                <AlertIcon size={14} />
                <ul>
                  {detail.possible_duplicates.map((pair) => {
                    const other = pair.a.id === person.id ? pair.b : pair.a;
                    return (
                      <li key={`${other.id}-${pair.reason}`}>
                        {t("people.detail.possibleDuplicate")}{" "}
                        <button type="button" className="link-btn" onClick={() => onOpenPerson(other.id)}>
                          {other.display_name}
                        </button>{" "}
                        <span className="cell-muted">({labels.duplicateReason(pair.reason, pair.shared)})</span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}

            <section className="detail-section" aria-labelledby="person-contact">
              <h3 className="section-title" id="person-contact">
                {t("people.detail.contact")}
              </h3>
              <dl className="props">
                <Property label={t("people.detail.emails")}>
                  {person.emails.length === 0 ? (
                    <Empty />
                  ) : (
                    <ul className="person-contact-list" data-testid="person-emails-list">
                      {person.emails.map((e, n) => (
                        <li key={`${e.email}-${n}`}>
                          <span className="tag">{labels.email(e.label)}</span>
                          <a className="selectable" href={`mailto:${e.email}`}>
                            {e.email}
                          </a>
                          <CopyButton text={e.email} label={t("people.detail.copyEmail", { email: e.email })} />
                        </li>
                      ))}
                    </ul>
                  )}
                </Property>
                <Property label={t("people.detail.phones")}>
                  {person.phones.length === 0 ? (
                    <Empty />
                  ) : (
                    <ul className="person-contact-list">
                      {person.phones.map((p, n) => (
                        <li key={`${p.phone}-${n}`}>
                          <span className="tag">{labels.phone(p.label)}</span>
                          <span className="selectable">{p.phone}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Property>
                <Property label={t("people.detail.country")}>
                  {person.country ? (
                    <>
                      <span className="country-code">{person.country}</span> {nameOf(person.country)}
                    </>
                  ) : (
                    <Empty />
                  )}
                </Property>
                <Property label={t("people.detail.languages")}>
                  {person.languages.length ? person.languages.map((l) => languageName(l, i18n.language)).join(", ") : <Empty />}
                </Property>
                <Property label={t("people.detail.lastContact")}>
                  <span data-testid="person-last-contact">{detail.last_contact ? formatDate(detail.last_contact) : t("people.detail.never")}</span>
                </Property>
              </dl>
              <div className="notes">
                <div className="prop-label">{t("people.detail.notes")}</div>
                {person.notes ? <p className="notes-text selectable">{person.notes}</p> : <p className="cell-empty">{t("people.detail.noNotes")}</p>}
              </div>
            </section>

            <PersonDataProtectionSection person={person} />

            <section className="detail-section" aria-labelledby="person-affiliations">
              <div className="section-head">
                <h3 className="section-title" id="person-affiliations">
                  {t("people.affiliations.title")}
                </h3>
                <div className="section-actions">
                  <Button size="sm" variant="ghost" icon={<PlusIcon size={14} />} onClick={() => setDialog({ kind: "affiliation", affiliation: null })} data-testid="affiliation-add">
                    {t("people.affiliations.add")}
                  </Button>
                </div>
              </div>
              {detail.affiliations.length === 0 ? (
                <p className="cell-empty">{t("people.affiliations.none")}</p>
              ) : (
                <ul className="affiliation-list" data-testid="person-affiliations">
                  {detail.affiliations.map((a) => (
                    <li key={a.id} className={`affiliation ${a.current ? "" : "is-former"}`} data-testid="affiliation-row">
                      <div className="affiliation-main">
                        <span className="affiliation-org">{a.organisation_name}</span>
                        {a.focal_point && <span className="tag tag-focal">{t("people.focalPoint")}</span>}
                        {!a.current && <span className="tag">{t("people.affiliations.former")}</span>}
                      </div>
                      <div className="affiliation-meta">
                        {a.job_title && <span>{a.job_title}</span>}
                        <span className="cell-muted">
                          {t("people.affiliations.period", {
                            from: a.starts_on ? formatDate(a.starts_on) : "…",
                            to: a.ends_on ? formatDate(a.ends_on) : t("people.affiliations.now"),
                          })}
                        </span>
                      </div>
                      <div className="affiliation-actions">
                        <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: "affiliation", affiliation: a })} data-testid="affiliation-edit">
                          {t("people.affiliations.edit")}
                        </Button>
                        {a.current && (
                          <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: "end", affiliation: a })} data-testid="affiliation-end-open">
                            {t("people.affiliations.end")}
                          </Button>
                        )}
                        <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: "delete", affiliation: a })} data-testid="affiliation-delete">
                          {t("people.affiliations.delete")}
                        </Button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <Timeline personId={person.id} name={person.display_name} />

            <HistoryPanel entity="person" id={person.id} onChanged={onRetry} />

            <p className="detail-meta">
              {t("people.detail.createdUpdated", { created: formatDateTime(person.created_at), updated: formatDateTime(person.updated_at) })}
            </p>
          </div>

          <ConfirmDialog
            open={dialog.kind === "archive"}
            onOpenChange={(open) => !busy && (open ? setDialog({ kind: "archive" }) : close())}
            title={t("people.detail.archiveTitle")}
            body={t("people.detail.archiveBody", { name: person.display_name })}
            confirmLabel={t("people.detail.archive")}
            onConfirm={() =>
              run(
                () => backend.personSetArchived(person.id, true),
                (d) => toast.success(t("people.detail.archived", { name: d.person.display_name })),
              )
            }
            busy={busy}
            error={actionError}
            danger
            testId="person-archive-confirm"
          />
          <ConfirmDialog
            open={dialog.kind === "delete"}
            onOpenChange={(open) => !busy && !open && close()}
            title={t("people.affiliations.deleteTitle")}
            body={t("people.affiliations.deleteBody", { organisation: dialog.kind === "delete" ? dialog.affiliation.organisation_name : "" })}
            confirmLabel={t("people.affiliations.delete")}
            onConfirm={() => dialog.kind === "delete" && run(() => backend.affiliationDelete(dialog.affiliation.id))}
            busy={busy}
            error={actionError}
            danger
            testId="affiliation-delete-confirm"
          />
          <AffiliationDialog
            open={dialog.kind === "affiliation"}
            personId={person.id}
            affiliation={dialog.kind === "affiliation" ? dialog.affiliation : null}
            onOpenChange={(open) => !open && close()}
            onSaved={saved}
          />
          <EndAffiliationDialog affiliation={dialog.kind === "end" ? dialog.affiliation : null} onOpenChange={(open) => !open && close()} onSaved={saved} />
        </>
      )}
    </aside>
  );
}
