import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Committee } from "../../bindings/Committee";
import type { CommitteeMembership } from "../../bindings/CommitteeMembership";
import type { CommitteeRole } from "../../bindings/CommitteeRole";
import type { PolicyMaker } from "../../bindings/PolicyMaker";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EnumSelect } from "../../components/EnumSelect";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { CloseIcon, CopyIcon, PencilIcon, PlusIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { Tooltip } from "../../components/Tooltip";
import { useApiForm } from "../../components/useApiForm";
import { formatDate, formatDateTime, todayIso } from "../../lib/dates";
import { Timeline } from "../interactions/Timeline";
import { useCountries } from "../organisations/countries";
import { StanceHistory } from "../stances/StanceHistory";
import { COMMITTEE_ROLES, committeeRoleLabel, dossierRoleLabel, mepStatusLabel, officeLabel } from "./labels";
import { HistoryPanel } from "../history/HistoryPanel";
import { SubjectRightsActions } from "../subject-rights/SubjectRightsActions";

function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="prop">
      <dt className="prop-label">{label}</dt>
      <dd className="prop-value">{children}</dd>
    </div>
  );
}

const EMPTY = <span className="cell-empty">—</span>;

const ADD_FIELDS = { committee_code: "cm-committee", role: "cm-role", starts_on: "cm-starts" } as const;
const END_FIELDS = { ends_on: "cm-ends" } as const;

function AddCommitteeDialog({
  open,
  maker,
  committees,
  onClose,
  onSaved,
}: {
  open: boolean;
  maker: PolicyMaker;
  committees: Committee[];
  onClose: () => void;
  onSaved: (saved: PolicyMaker, committee: string) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(ADD_FIELDS);
  const [code, setCode] = useState("");
  const [role, setRole] = useState<CommitteeRole>("member");
  const [starts, setStarts] = useState("");
  useEffect(() => {
    if (open) {
      form.reset();
      setCode("");
      setRole("member");
      setStarts("");
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.submit(() =>
      backend.committeeMembershipAdd(maker.id, { committee_code: code, role, starts_on: starts.trim() || null }),
    );
    if (saved) onSaved(saved, code);
  };
  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !form.submitting && onClose()}
      title={t("policy.committeeForm.title")}
      size="sm"
      testId="committee-add-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="committee-add-form" busy={form.submitting} data-testid="committee-add-submit">
            {t("policy.committeeForm.save")}
          </Button>
        </>
      }
    >
      <form id="committee-add-form" className="form-grid form-grid-1" onSubmit={submit} noValidate>
        {form.bannerError && <ErrorBanner error={form.bannerError} testId="committee-add-error" />}
        <Field htmlFor="cm-committee" label={t("policy.committeeForm.committee")} errorKey="committee_code" error={err.committee_code}>
          <select
            id="cm-committee"
            className="input select"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              form.clearFieldError("committee_code");
            }}
            {...invalidProps("cm-committee", err.committee_code)}
          >
            <option value="">{t("policy.committeeForm.choose")}</option>
            {committees.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor="cm-role" label={t("policy.committeeForm.role")} errorKey="role" error={err.role}>
          <EnumSelect id="cm-role" value={role} values={COMMITTEE_ROLES} label={(r) => committeeRoleLabel(t, r)} onChange={setRole} error={err.role} />
        </Field>
        <Field htmlFor="cm-starts" label={t("policy.committeeForm.startsOn")} errorKey="starts_on" error={err.starts_on} optional optionalLabel={t("policy.form.optional")}>
          <input id="cm-starts" type="date" className="input" value={starts} onChange={(e) => setStarts(e.target.value)} {...invalidProps("cm-starts", err.starts_on)} />
        </Field>
      </form>
    </Dialog>
  );
}

function EndCommitteeDialog({
  membership,
  onClose,
  onSaved,
}: {
  membership: CommitteeMembership | null;
  onClose: () => void;
  onSaved: (saved: PolicyMaker, committee: string) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(END_FIELDS);
  const [ends, setEnds] = useState(todayIso());
  useEffect(() => {
    if (membership) {
      form.reset();
      setEnds(todayIso());
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [membership]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!membership) return;
    const saved = await form.submit(() => backend.committeeMembershipEnd(membership.id, ends.trim() || null));
    if (saved) onSaved(saved, membership.committee_code);
  };
  return (
    <Dialog
      open={membership !== null}
      onOpenChange={(next) => !next && !form.submitting && onClose()}
      title={t("policy.endForm.title", { committee: membership?.committee_code ?? "" })}
      size="sm"
      testId="committee-end-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="committee-end-form" busy={form.submitting} data-testid="committee-end-submit">
            {t("policy.endForm.save")}
          </Button>
        </>
      }
    >
      <form id="committee-end-form" className="form-grid form-grid-1" onSubmit={submit} noValidate>
        {form.bannerError && <ErrorBanner error={form.bannerError} testId="committee-end-error" />}
        <Field htmlFor="cm-ends" label={t("policy.endForm.endsOn")} errorKey="ends_on" error={form.fieldErrors.ends_on}>
          <input id="cm-ends" type="date" className="input" value={ends} onChange={(e) => setEnds(e.target.value)} {...invalidProps("cm-ends", form.fieldErrors.ends_on)} />
        </Field>
      </form>
    </Dialog>
  );
}

function membershipDates(t: ReturnType<typeof useTranslation>["t"], m: CommitteeMembership): string {
  if (m.starts_on && m.ends_on) return t("policy.detail.between", { from: formatDate(m.starts_on), to: formatDate(m.ends_on) });
  if (m.ends_on) return t("policy.detail.until", { date: formatDate(m.ends_on) });
  if (m.starts_on) return t("policy.detail.since", { date: formatDate(m.starts_on) });
  return "";
}

/** Everything about one policy-maker, with committees, dossier roles, stances and the timeline. */
export function PolicyDetailPane({
  maker,
  committees,
  committeesError,
  loading,
  error,
  onRetry,
  onClose,
  onEdit,
  onChanged,
  onErased,
}: {
  maker: PolicyMaker | null;
  /** Every committee, for "Add committee". */
  committees: Committee[];
  committeesError: ApiError | null;
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
  onClose: () => void;
  onEdit: () => void;
  onChanged: (maker: PolicyMaker) => void;
  /** After the policy-maker was erased (subject rights). */
  onErased?: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { nameOf } = useCountries();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<CommitteeMembership | null>(null);

  const copyProfile = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t("policy.detail.copied"));
    } catch (raw) {
      toast.error(raw, t("policy.detail.copyFailed"));
    }
  };

  return (
    <aside className="detail policy-detail" data-testid="policy-detail" aria-label={maker?.display_name ?? t("policy.detail.label")}>
      <header className="detail-header">
        <div className="detail-heading">
          {maker ? (
            <>
              <h2 className="detail-title">{maker.display_name}</h2>
              <div className="detail-subtitle">
                <span>{officeLabel(t, maker.office)}</span>
                {maker.group_code && (
                  <>
                    <span className="dot-sep" aria-hidden="true">·</span>
                    <span className="policy-group" data-group={maker.group_code}>
                      {maker.group_code}
                    </span>
                  </>
                )}
                {maker.country && (
                  <>
                    <span className="dot-sep" aria-hidden="true">·</span>
                    <span>
                      <span className="country-code">{maker.country}</span> {nameOf(maker.country)}
                    </span>
                  </>
                )}
                {maker.mep_status === "outgoing" && <span className="tag tag-archived">{mepStatusLabel(t, "outgoing")}</span>}
              </div>
            </>
          ) : (
            <h2 className="detail-title">{loading ? t("common.loading") : t("policy.detail.label")}</h2>
          )}
        </div>
        <Tooltip content={t("policy.detail.close")} shortcut={t("keys.esc")}>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t("policy.detail.close")} data-testid="policy-detail-close">
            <CloseIcon size={16} />
          </button>
        </Tooltip>
      </header>

      {error && <ErrorBanner error={error} onRetry={onRetry} testId="policy-detail-error" />}

      {maker && (
        <>
          <div className="detail-actions">
            <Button size="sm" icon={<PencilIcon size={14} />} onClick={onEdit} data-testid="policy-edit">
              {t("policy.detail.edit")}
            </Button>
            <SubjectRightsActions personId={maker.id} name={maker.display_name} onErased={() => onErased?.()} />
          </div>
          <div className="detail-scroll">
            <section className="detail-section" aria-labelledby="pm-office-head">
              <h3 className="section-title" id="pm-office-head">
                {t("policy.detail.office")}
              </h3>
              <dl className="props">
                {maker.official_name && (
                  <Property label={t("policy.detail.officialName")}>
                    <span className="selectable" data-testid="policy-official-name">{maker.official_name}</span>
                  </Property>
                )}
                <Property label={t("policy.detail.displayName")}>{maker.display_name}</Property>
                <Property label={t("policy.detail.office")}>{officeLabel(t, maker.office)}</Property>
                {maker.office !== "mep" && (
                  <>
                    <Property label={t("policy.detail.institution")}>{maker.institution ?? EMPTY}</Property>
                    <Property label={t("policy.detail.position")}>{maker.position_title ?? EMPTY}</Property>
                  </>
                )}
                <Property label={t("policy.detail.country")}>
                  {maker.country ? (
                    <>
                      <span className="country-code">{maker.country}</span> {nameOf(maker.country)}
                    </>
                  ) : (
                    EMPTY
                  )}
                </Property>
                {maker.office === "mep" && (
                  <>
                    <Property label={t("policy.detail.group")}>
                      {maker.group_code ? (
                        <span data-testid="policy-group">
                          <strong>{maker.group_code}</strong> <span className="cell-muted">{maker.group_name}</span>
                        </span>
                      ) : (
                        EMPTY
                      )}
                    </Property>
                    <Property label={t("policy.detail.party")}>{maker.national_party ?? EMPTY}</Property>
                    <Property label={t("policy.detail.status")}>{maker.mep_status ? mepStatusLabel(t, maker.mep_status) : EMPTY}</Property>
                    <Property label={t("policy.detail.epId")}>{maker.ep_id ?? EMPTY}</Property>
                  </>
                )}
                {maker.office !== "mep" && maker.national_party && <Property label={t("policy.detail.party")}>{maker.national_party}</Property>}
                {maker.profile_url && (
                  <Property label={t("policy.detail.profile")}>
                    <span className="policy-profile">
                      <span className="selectable" data-testid="policy-profile-url">
                        {maker.profile_url}
                      </span>
                      <Tooltip content={t("policy.detail.copy")}>
                        <button
                          type="button"
                          className="icon-btn"
                          onClick={() => void copyProfile(maker.profile_url ?? "")}
                          aria-label={t("policy.detail.copy")}
                          data-testid="policy-profile-copy"
                        >
                          <CopyIcon size={14} />
                        </button>
                      </Tooltip>
                    </span>
                  </Property>
                )}
              </dl>
            </section>

            <section className="detail-section" aria-labelledby="pm-committees-head">
              <div className="section-head">
                <h3 className="section-title" id="pm-committees-head">
                  {t("policy.detail.committees")}
                </h3>
                <div className="section-actions">
                  <Button size="sm" variant="ghost" icon={<PlusIcon size={14} />} onClick={() => setAdding(true)} data-testid="committee-add">
                    {t("policy.detail.addCommittee")}
                  </Button>
                </div>
              </div>
              {committeesError && <ErrorBanner error={committeesError} testId="committees-error" />}
              {maker.committees.length === 0 ? (
                <p className="cell-empty">{t("policy.detail.noCommittees")}</p>
              ) : (
                <ul className="policy-committee-list" data-testid="policy-committees">
                  {maker.committees.map((m) => (
                    <li key={m.id} className={`policy-committee ${m.ends_on ? "is-ended" : ""}`} data-testid="policy-committee">
                      <span className="tag">{m.committee_code}</span>
                      <span className="policy-committee-name">{m.committee_name}</span>
                      <span className="cell-muted">{committeeRoleLabel(t, m.role)}</span>
                      <span className="cell-muted">{membershipDates(t, m)}</span>
                      {!m.ends_on && (
                        <Button size="sm" variant="ghost" onClick={() => setEnding(m)} data-testid="committee-end">
                          {t("policy.detail.endCommittee")}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section className="detail-section" aria-labelledby="pm-dossiers-head">
              <h3 className="section-title" id="pm-dossiers-head">
                {t("policy.detail.dossiers")}
              </h3>
              {maker.dossier_roles.length === 0 ? (
                <p className="cell-empty">{t("policy.detail.noDossiers")}</p>
              ) : (
                <ul className="policy-dossier-list">
                  {maker.dossier_roles.map((d) => (
                    <li key={`${d.dossier_id}-${d.role}`}>
                      <strong>{dossierRoleLabel(t, d.role)}</strong> · <span className="country-code">{d.reference}</span> {d.short_title}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <StanceHistory personId={maker.id} />

            <section className="detail-section" aria-labelledby="pm-contact-head">
              <h3 className="section-title" id="pm-contact-head">
                {t("policy.detail.contact")}
              </h3>
              {maker.emails.length === 0 && maker.phones.length === 0 ? (
                <p className="cell-empty">{t("policy.detail.noContact")}</p>
              ) : (
                <dl className="props">
                  {maker.emails.length > 0 && (
                    <Property label={t("policy.detail.emails")}>
                      {maker.emails.map((e) => (
                        <div key={e.email} className="selectable">
                          {e.email}
                        </div>
                      ))}
                    </Property>
                  )}
                  {maker.phones.length > 0 && (
                    <Property label={t("policy.detail.phones")}>
                      {maker.phones.map((p) => (
                        <div key={p.phone} className="selectable">
                          {p.phone}
                        </div>
                      ))}
                    </Property>
                  )}
                </dl>
              )}
              {maker.notes && (
                <div className="notes">
                  <div className="prop-label">{t("policy.detail.notes")}</div>
                  <p className="notes-text selectable">{maker.notes}</p>
                </div>
              )}
            </section>

            <Timeline personId={maker.id} />

            <HistoryPanel entity="policy_maker" id={maker.id} onChanged={onRetry} />

            <p className="detail-meta">
              {t("policy.detail.createdUpdated", { created: formatDateTime(maker.created_at), updated: formatDateTime(maker.updated_at) })}
            </p>
          </div>
          <AddCommitteeDialog
            open={adding}
            maker={maker}
            committees={committees}
            onClose={() => setAdding(false)}
            onSaved={(saved, code) => {
              setAdding(false);
              onChanged(saved);
              toast.success(t("policy.committeeForm.added", { name: saved.display_name, committee: code }));
            }}
          />
          <EndCommitteeDialog
            membership={ending}
            onClose={() => setEnding(null)}
            onSaved={(saved, code) => {
              setEnding(null);
              onChanged(saved);
              toast.success(t("policy.endForm.ended", { committee: code }));
            }}
          />
        </>
      )}
    </aside>
  );
}
