import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Membership } from "../../bindings/Membership";
import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { MembershipTier } from "../../bindings/MembershipTier";
import type { OrganisationDetail } from "../../bindings/OrganisationDetail";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { EnumSelect } from "../../components/EnumSelect";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { todayIso } from "../../lib/dates";
import { MEMBERSHIP_STATUSES, MEMBERSHIP_TIERS } from "./enums";

interface CommonProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  organisationId: string;
  organisationName: string;
  onSaved: (detail: OrganisationDetail) => void;
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function FormFooter({ formId, busy, label, onCancel }: { formId: string; busy: boolean; label: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="secondary" onClick={onCancel} disabled={busy}>
        {t("common.cancel")}
      </Button>
      <Button variant="primary" type="submit" form={formId} busy={busy} data-testid={`${formId}-submit`}>
        {label}
      </Button>
    </>
  );
}

/** The status a coordinator most likely moves to next (only a default). */
const SUGGESTED_NEXT: Record<MembershipStatus, MembershipStatus> = {
  prospect: "applied",
  applied: "active",
  active: "suspended",
  suspended: "active",
  lapsed: "active",
  withdrawn: "applied",
};

const STATUS_FIELDS = { status: "status-new", effective_on: "status-effective", note: "status-note" } as const;

/** New status + effective date (today by default) + note → membership_change_status. */
export function ChangeStatusDialog({
  open,
  onOpenChange,
  organisationId,
  organisationName,
  current,
  onSaved,
}: CommonProps & { current: MembershipStatus }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(STATUS_FIELDS);
  const [status, setStatus] = useState<MembershipStatus>(SUGGESTED_NEXT[current]);
  const [effective, setEffective] = useState(todayIso());
  const [note, setNote] = useState("");

  useEffect(() => {
    if (!open) return;
    form.reset();
    setStatus(SUGGESTED_NEXT[current]);
    setEffective(todayIso());
    setNote("");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const saved = await form.submit(() =>
      backend.membershipChangeStatus(organisationId, { status, effective_on: effective, note: blankToNull(note) }),
    );
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next || !form.submitting) && onOpenChange(next)}
      title={t("membership.changeStatusTitle")}
      description={t("membership.changeStatusDescription", { name: organisationName, status: t(`status.${current}`) })}
      testId="status-form"
      footer={
        <FormFooter formId="status-form" busy={form.submitting} label={t("membership.changeStatus")} onCancel={() => onOpenChange(false)} />
      }
    >
      <form id="status-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} />
          </div>
        )}
        <Field htmlFor="status-new" label={t("membership.newStatus")} errorKey="status" error={err.status}>
          <EnumSelect
            id="status-new"
            value={status}
            values={MEMBERSHIP_STATUSES}
            label={(s) => t(`status.${s}`)}
            onChange={(v) => {
              setStatus(v);
              form.clearFieldError("status");
            }}
            error={err.status}
          />
        </Field>
        <Field htmlFor="status-effective" label={t("membership.effectiveOn")} errorKey="effective_on" error={err.effective_on}>
          <input
            id="status-effective"
            name="status-effective"
            className="input"
            type="date"
            value={effective}
            onChange={(e) => {
              setEffective(e.target.value);
              form.clearFieldError("effective_on");
            }}
            {...invalidProps("status-effective", err.effective_on)}
          />
        </Field>
        <Field
          htmlFor="status-note"
          label={t("membership.note")}
          errorKey="note"
          error={err.note}
          optional
          optionalLabel={t("form.optional")}
          className="form-span"
        >
          <textarea
            id="status-note"
            name="status-note"
            className="input textarea"
            rows={3}
            placeholder={t("membership.notePlaceholder")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            {...invalidProps("status-note", err.note)}
          />
        </Field>
      </form>
    </Dialog>
  );
}

const UPDATE_FIELDS = { tier: "membership-tier", joined_on: "membership-joined", left_on: "membership-left" } as const;

/** Tier and joined/left dates → membership_update. */
export function MembershipEditDialog({
  open,
  onOpenChange,
  organisationId,
  organisationName,
  membership,
  onSaved,
}: CommonProps & { membership: Membership }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(UPDATE_FIELDS);
  const [tier, setTier] = useState<MembershipTier>(membership.tier);
  const [joined, setJoined] = useState(membership.joined_on ?? "");
  const [left, setLeft] = useState(membership.left_on ?? "");

  useEffect(() => {
    if (!open) return;
    form.reset();
    setTier(membership.tier);
    setJoined(membership.joined_on ?? "");
    setLeft(membership.left_on ?? "");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const saved = await form.submit(() =>
      backend.membershipUpdate(organisationId, { tier, joined_on: blankToNull(joined), left_on: blankToNull(left) }),
    );
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next || !form.submitting) && onOpenChange(next)}
      title={t("membership.editTitle")}
      description={organisationName}
      testId="membership-form"
      footer={
        <FormFooter formId="membership-form" busy={form.submitting} label={t("form.save")} onCancel={() => onOpenChange(false)} />
      }
    >
      <form id="membership-form" className="form-grid form-grid-3" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} />
          </div>
        )}
        <Field htmlFor="membership-tier" label={t("form.tier")} errorKey="tier" error={err.tier}>
          <EnumSelect
            id="membership-tier"
            value={tier}
            values={MEMBERSHIP_TIERS}
            label={(value) => t(`tier.${value}`)}
            onChange={setTier}
            error={err.tier}
          />
        </Field>
        <Field htmlFor="membership-joined" label={t("form.joined")} errorKey="joined_on" error={err.joined_on}>
          <input
            id="membership-joined"
            name="membership-joined"
            className="input"
            type="date"
            value={joined}
            onChange={(e) => setJoined(e.target.value)}
            {...invalidProps("membership-joined", err.joined_on)}
          />
        </Field>
        <Field htmlFor="membership-left" label={t("membership.left")} errorKey="left_on" error={err.left_on}>
          <input
            id="membership-left"
            name="membership-left"
            className="input"
            type="date"
            value={left}
            onChange={(e) => setLeft(e.target.value)}
            {...invalidProps("membership-left", err.left_on)}
          />
        </Field>
      </form>
    </Dialog>
  );
}

const START_FIELDS = { status: "start-status", tier: "start-tier", joined_on: "start-joined" } as const;

/** First membership for an organisation that has none → membership_start. */
export function MembershipStartDialog({ open, onOpenChange, organisationId, organisationName, onSaved }: CommonProps) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(START_FIELDS);
  const [status, setStatus] = useState<MembershipStatus>("active");
  const [tier, setTier] = useState<MembershipTier>("full");
  const [joined, setJoined] = useState(todayIso());

  useEffect(() => {
    if (!open) return;
    form.reset();
    setStatus("active");
    setTier("full");
    setJoined(todayIso());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    const saved = await form.submit(() =>
      backend.membershipStart(organisationId, { status, tier, joined_on: blankToNull(joined) }),
    );
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next || !form.submitting) && onOpenChange(next)}
      title={t("membership.startTitle")}
      description={organisationName}
      testId="membership-start-form"
      footer={
        <FormFooter formId="membership-start-form" busy={form.submitting} label={t("membership.start")} onCancel={() => onOpenChange(false)} />
      }
    >
      <form id="membership-start-form" className="form-grid form-grid-3" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} />
          </div>
        )}
        <Field htmlFor="start-status" label={t("form.status")} errorKey="status" error={err.status}>
          <EnumSelect
            id="start-status"
            value={status}
            values={MEMBERSHIP_STATUSES}
            label={(s) => t(`status.${s}`)}
            onChange={setStatus}
            error={err.status}
          />
        </Field>
        <Field htmlFor="start-tier" label={t("form.tier")} errorKey="tier" error={err.tier}>
          <EnumSelect
            id="start-tier"
            value={tier}
            values={MEMBERSHIP_TIERS}
            label={(value) => t(`tier.${value}`)}
            onChange={setTier}
            error={err.tier}
          />
        </Field>
        <Field
          htmlFor="start-joined"
          label={t("form.joined")}
          errorKey="joined_on"
          error={err.joined_on}
          optional
          optionalLabel={t("form.optional")}
        >
          <input
            id="start-joined"
            name="start-joined"
            className="input"
            type="date"
            value={joined}
            onChange={(e) => setJoined(e.target.value)}
            {...invalidProps("start-joined", err.joined_on)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
