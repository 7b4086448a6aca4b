import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { InviteSegment } from "../../bindings/InviteSegment";
import type { LetterDetail } from "../../bindings/LetterDetail";
import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { NotYetSigned } from "../../bindings/NotYetSigned";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CheckIcon, CopyIcon, MailIcon } from "../../components/Icons";
import { MultiSelect, type MultiSelectOption } from "../../components/MultiSelect";
import { useToast } from "../../components/Toasts";
import { useCountries } from "../organisations/countries";
import { MEMBERSHIP_STATUSES } from "../organisations/enums";
import { StatusDot } from "../organisations/StatusPill";
import { SignatureStatePill } from "./pills";

export const DEFAULT_SEGMENT: InviteSegment = { statuses: ["active"], countries: [] };

function SegmentPicker({ segment, onChange }: { segment: InviteSegment; onChange: (next: InviteSegment) => void }) {
  const { t } = useTranslation();
  const { countries } = useCountries();
  const statusOptions = useMemo<MultiSelectOption<MembershipStatus>[]>(
    () => MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), adornment: <StatusDot status={s} /> })),
    [t],
  );
  const countryOptions = useMemo<MultiSelectOption<string>[]>(
    () => countries.map((c) => ({ value: c.code, label: c.name, detail: c.code })),
    [countries],
  );
  return (
    <div className="segment-picker">
      <MultiSelect
        label={t("invite.statuses")}
        options={statusOptions}
        selected={segment.statuses}
        onChange={(statuses) => onChange({ ...segment, statuses })}
        testId="segment-status"
      />
      <MultiSelect
        label={t("invite.countries")}
        options={countryOptions}
        selected={segment.countries}
        onChange={(selected) => onChange({ ...segment, countries: selected })}
        searchable
        testId="segment-country"
      />
      <span className="segment-summary">{t("invite.segmentHint")}</span>
    </div>
  );
}

/** Invites a segment (membership statuses × countries) → letter_invite; says how many were invited. */
export function InviteDialog({
  open,
  letterId,
  onClose,
  onInvited,
}: {
  open: boolean;
  letterId: string;
  onClose: () => void;
  onInvited: (detail: LetterDetail) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [segment, setSegment] = useState<InviteSegment>(DEFAULT_SEGMENT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [invited, setInvited] = useState<number | null>(null);

  useEffect(() => {
    if (!open) return;
    setSegment(DEFAULT_SEGMENT);
    setBusy(false);
    setError(null);
    setInvited(null);
  }, [open]);

  const invite = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await backend.letterInvite(letterId, segment);
      setInvited(report.invited);
      onInvited(report.detail);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !busy && onClose()}
      title={t("invite.title")}
      description={t("invite.description")}
      testId="invite-dialog"
      footer={
        invited === null ? (
          <>
            <Button variant="secondary" onClick={onClose} disabled={busy}>
              {t("common.cancel")}
            </Button>
            <Button variant="primary" icon={<MailIcon size={14} />} onClick={invite} busy={busy} data-testid="invite-submit">
              {t("invite.submit")}
            </Button>
          </>
        ) : (
          <Button variant="primary" onClick={onClose} data-testid="invite-done">
            {t("common.done")}
          </Button>
        )
      }
    >
      {error && <ErrorBanner error={error} />}
      {invited === null ? (
        <SegmentPicker segment={segment} onChange={setSegment} />
      ) : (
        <div className="result-card" role="status" data-testid="invite-result">
          <CheckIcon size={18} />
          <div>
            <div className="result-title">{t("invite.result", { count: invited })}</div>
            {invited === 0 && <div className="result-body">{t("invite.resultNone")}</div>}
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** Every address once, in list order. */
export function uniqueEmails(rows: readonly NotYetSigned[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of rows) {
    for (const email of row.emails) {
      const key = email.trim().toLowerCase();
      if (key && !seen.has(key)) {
        seen.add(key);
        out.push(email.trim());
      }
    }
  }
  return out;
}

/** Who has not signed yet (default: active members), with "Copy emails". */
export function NotSignedDialog({ open, letterId, onClose }: { open: boolean; letterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const { nameOf } = useCountries();
  const [segment, setSegment] = useState<InviteSegment>(DEFAULT_SEGMENT);
  const [rows, setRows] = useState<NotYetSigned[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const [token, setToken] = useState(0);
  const fallbackRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!open) return;
    setSegment(DEFAULT_SEGMENT);
    setRows(null);
    setFallback(null);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setLoading(true);
    setError(null);
    backend.letterNotSigned(letterId, segment).then(
      (list) => {
        if (!live) return;
        setRows(list);
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
  }, [backend, open, letterId, segment, token]);

  useEffect(() => {
    if (fallback !== null) fallbackRef.current?.select();
  }, [fallback]);

  const emails = useMemo(() => uniqueEmails(rows ?? []), [rows]);
  const withoutEmail = (rows ?? []).filter((r) => r.emails.length === 0).length;

  const copy = async () => {
    const text = emails.join(", ");
    const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clipboard || typeof clipboard.writeText !== "function") {
      setFallback(text);
      return;
    }
    try {
      await clipboard.writeText(text);
      setFallback(null);
      toast.success(t("notSigned.copied", { count: emails.length }));
    } catch {
      // No clipboard permission: let the coordinator copy by hand.
      setFallback(text);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title={t("notSigned.title")}
      size="lg"
      testId="not-signed-dialog"
      footer={
        <>
          {rows && (
            <span className="footer-note" data-testid="not-signed-summary">
              {t("notSigned.summary", { count: rows.length, emails: emails.length })}
            </span>
          )}
          <span className="footer-spacer" />
          <Button variant="secondary" onClick={onClose}>
            {t("common.close")}
          </Button>
          <Button
            variant="primary"
            icon={<CopyIcon size={14} />}
            onClick={copy}
            disabled={emails.length === 0}
            data-testid="not-signed-copy"
          >
            {t("notSigned.copy")}
          </Button>
        </>
      }
    >
      <SegmentPicker segment={segment} onChange={setSegment} />
      {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} />}
      {fallback !== null && (
        <div className="copy-fallback">
          <label className="field-label" htmlFor="not-signed-emails">
            {t("notSigned.fallback")}
          </label>
          <textarea
            id="not-signed-emails"
            ref={fallbackRef}
            className="input textarea input-mono selectable"
            rows={4}
            readOnly
            value={fallback}
            data-testid="not-signed-emails-text"
          />
        </div>
      )}
      {withoutEmail > 0 && <p className="field-hint">{t("notSigned.withoutEmail", { count: withoutEmail })}</p>}
      {loading && !rows && <p className="cell-empty">{t("common.loading")}</p>}
      {rows && rows.length === 0 && <p className="import-clean">{t("notSigned.none")}</p>}
      {rows && rows.length > 0 && (
        <div className="issues-scroll tall">
          <table className="issues-table" data-testid="not-signed-list">
            <thead>
              <tr>
                <th scope="col">{t("signatures.columns.organisation")}</th>
                <th scope="col">{t("signatures.columns.country")}</th>
                <th scope="col">{t("signatures.columns.state")}</th>
                <th scope="col">{t("notSigned.emails")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.organisation_id} data-testid="not-signed-row">
                  <td>
                    <span className="cell-name-text">{row.name}</span>
                  </td>
                  <td title={nameOf(row.country)}>
                    <span className="country-code">{row.country}</span>
                  </td>
                  <td>
                    <SignatureStatePill state={row.state} />
                  </td>
                  <td className="selectable">
                    {row.contacts.length ? (
                      row.contacts.map((contact, n) => (
                        <span key={`${contact.email}-${n}`} className="not-signed-contact" data-testid="not-signed-contact">
                          {n > 0 && ", "}
                          {contact.name ? `${contact.name} <${contact.email}>` : contact.email}
                        </span>
                      ))
                    ) : (
                      <span className="cell-empty">{t("notSigned.noEmail")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
