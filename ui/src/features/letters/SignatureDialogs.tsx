import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { LetterDetail } from "../../bindings/LetterDetail";
import type { OrganisationPerson } from "../../bindings/OrganisationPerson";
import type { OrganisationRow } from "../../bindings/OrganisationRow";
import type { Signature } from "../../bindings/Signature";
import type { SignatureChannel } from "../../bindings/SignatureChannel";
import type { SignatureState } from "../../bindings/SignatureState";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { EnumSelect } from "../../components/EnumSelect";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { CloseIcon, SearchIcon } from "../../components/Icons";
import { useApiForm } from "../../components/useApiForm";
import { todayIso } from "../../lib/dates";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";
import { SIGNATURE_CHANNELS, SIGNATURE_STATES } from "./enums";
import { SignatureStatePill } from "./pills";
import { SUGGESTED_NEXT_STATE, blankToNull, inputFromSignature } from "./signatures";

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

interface SignatureDialogProps {
  letterId: string;
  /** The signature being changed; the dialog is open while it is set. */
  signature: Signature | null;
  onClose: () => void;
  onSaved: (detail: LetterDetail) => void;
}

const STATE_FIELDS = { state: "sig-state", date: "sig-date", withdrawal_reason: "sig-reason" } as const;

/** New state + its date (today by default) + the reason when withdrawing → signature_set. */
export function SignatureStateDialog({ letterId, signature, onClose, onSaved }: SignatureDialogProps) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(STATE_FIELDS);
  const [state, setState] = useState<SignatureState>("signed");
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState("");
  const open = signature !== null;

  useEffect(() => {
    if (!signature) return;
    form.reset();
    setState(SUGGESTED_NEXT_STATE[signature.state]);
    setDate(todayIso());
    setReason("");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!signature || form.submitting) return;
    const input = inputFromSignature(signature, {
      state,
      date: blankToNull(date),
      withdrawal_reason: state === "withdrawn" ? blankToNull(reason) : null,
    });
    const saved = await form.submit(() => backend.signatureSet(letterId, signature.organisation_id, input));
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !form.submitting && onClose()}
      title={t("signatures.stateTitle")}
      description={
        signature ? (
          <span className="dialog-description-row">
            {signature.organisation_name} <SignatureStatePill state={signature.state} />
          </span>
        ) : undefined
      }
      testId="signature-state-form"
      footer={<FormFooter formId="signature-state-form" busy={form.submitting} label={t("signatures.recordState")} onCancel={onClose} />}
    >
      <form id="signature-state-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} />
          </div>
        )}
        <Field htmlFor="sig-state" label={t("signatures.newState")} errorKey="state" error={err.state}>
          <EnumSelect
            id="sig-state"
            value={state}
            values={SIGNATURE_STATES}
            label={(s) => t(`signatureState.${s}`)}
            onChange={(v) => {
              setState(v);
              form.clearFieldError("state");
            }}
            error={err.state}
          />
        </Field>
        <Field htmlFor="sig-date" label={t("signatures.date")} errorKey="date" error={err.date}>
          <input
            id="sig-date"
            name="sig-date"
            className="input"
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              form.clearFieldError("date");
            }}
            {...invalidProps("sig-date", err.date)}
          />
        </Field>
        {state === "withdrawn" && (
          <Field
            htmlFor="sig-reason"
            label={t("signatures.withdrawalReason")}
            errorKey="withdrawal_reason"
            error={err.withdrawal_reason}
            hint={t("signatures.withdrawalReasonHint")}
            className="form-span"
          >
            <textarea
              id="sig-reason"
              name="sig-reason"
              className="input textarea"
              rows={3}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                form.clearFieldError("withdrawal_reason");
              }}
              {...invalidProps("sig-reason", err.withdrawal_reason)}
            />
          </Field>
        )}
      </form>
    </Dialog>
  );
}

const EDIT_FIELDS = {
  display_name: "sig-display-name",
  signer_name: "sig-signer",
  signer_title: "sig-signer-title",
  channel: "sig-channel",
  publish_organisation: "sig-publish-org",
  publish_signer: "sig-publish-signer",
} as const;

/** Display name, signer, title, channel and publication consent; the state is left as it is. */
export function SignatureEditDialog({ letterId, signature, onClose, onSaved }: SignatureDialogProps) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(EDIT_FIELDS);
  const [displayName, setDisplayName] = useState("");
  const [signer, setSigner] = useState("");
  const [title, setTitle] = useState("");
  const [signerPerson, setSignerPerson] = useState<string | null>(null);
  const [channel, setChannel] = useState<SignatureChannel | "">("");
  const [publishOrg, setPublishOrg] = useState(true);
  const [publishSigner, setPublishSigner] = useState(false);
  const open = signature !== null;

  useEffect(() => {
    if (!signature) return;
    form.reset();
    setDisplayName(signature.display_name ?? "");
    setSigner(signature.signer_name ?? "");
    setTitle(signature.signer_title ?? "");
    setSignerPerson(signature.signer_person_id);
    setChannel(signature.channel ?? "");
    setPublishOrg(signature.publish_organisation);
    setPublishSigner(signature.publish_signer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!signature || form.submitting) return;
    const input = inputFromSignature(signature, {
      display_name: blankToNull(displayName),
      signer_name: blankToNull(signer),
      signer_title: blankToNull(title),
      signer_person_id: signerPerson,
      channel: channel || null,
      publish_organisation: publishOrg,
      publish_signer: publishSigner,
    });
    const saved = await form.submit(() => backend.signatureSet(letterId, signature.organisation_id, input));
    if (saved) onSaved(saved);
  };

  const err = form.fieldErrors;
  const optional = t("form.optional");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !form.submitting && onClose()}
      title={t("signatures.editTitle")}
      description={signature?.organisation_name}
      testId="signature-edit-form"
      footer={<FormFooter formId="signature-edit-form" busy={form.submitting} label={t("form.save")} onCancel={onClose} />}
    >
      <form id="signature-edit-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} />
          </div>
        )}
        <Field
          htmlFor="sig-display-name"
          label={t("signatures.displayName")}
          errorKey="display_name"
          error={err.display_name}
          hint={t("signatures.displayNameHint")}
          optional
          optionalLabel={optional}
          className="form-span"
        >
          <input
            id="sig-display-name"
            name="sig-display-name"
            className="input"
            autoComplete="off"
            placeholder={signature?.organisation_name}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            {...invalidProps("sig-display-name", err.display_name)}
          />
        </Field>
        <SignerFields
          organisationId={signature?.organisation_id ?? null}
          personId={signerPerson}
          onPerson={setSignerPerson}
          signer={signer}
          title={title}
          channel={channel}
          onSigner={setSigner}
          onTitle={setTitle}
          onChannel={setChannel}
          errors={err}
        />
        <PublishFields publishOrg={publishOrg} publishSigner={publishSigner} onPublishOrg={setPublishOrg} onPublishSigner={setPublishSigner} />
      </form>
    </Dialog>
  );
}

function SignerFields({
  organisationId,
  personId,
  onPerson,
  signer,
  title,
  channel,
  onSigner,
  onTitle,
  onChannel,
  errors,
}: {
  /** The signing organisation: its people are offered as the signer. */
  organisationId: string | null;
  personId: string | null;
  onPerson: (id: string | null) => void;
  signer: string;
  title: string;
  channel: SignatureChannel | "";
  onSigner: (v: string) => void;
  onTitle: (v: string) => void;
  onChannel: (v: SignatureChannel | "") => void;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const optional = t("form.optional");
  const [people, setPeople] = useState<OrganisationPerson[]>([]);
  const [peopleError, setPeopleError] = useState<ApiError | null>(null);

  useEffect(() => {
    setPeople([]);
    setPeopleError(null);
    if (!organisationId) return;
    let live = true;
    backend.organisationPeople(organisationId).then(
      (rows) => live && setPeople(rows),
      (raw) => live && setPeopleError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, organisationId]);

  // One entry per person: their current affiliation first (the list comes current first).
  const choices = useMemo(() => {
    const seen = new Set<string>();
    return people.filter((p) => !seen.has(p.person_id) && seen.add(p.person_id));
  }, [people]);

  const pickPerson = (id: string) => {
    const person = choices.find((p) => p.person_id === id);
    onPerson(person ? person.person_id : null);
    if (person) {
      onSigner(person.display_name);
      onTitle(person.job_title ?? "");
    }
  };

  return (
    <>
      {peopleError && (
        <div className="form-span">
          <ErrorBanner error={peopleError} />
        </div>
      )}
      {choices.length > 0 && (
        <Field
          htmlFor="sig-signer-person"
          label={t("signatures.signerPerson")}
          errorKey="signer_person_id"
          error={errors.signer_person_id}
          hint={t("signatures.signerPersonHint")}
          optional
          optionalLabel={optional}
          className="form-span"
        >
          <select
            id="sig-signer-person"
            className="input select"
            value={personId ?? ""}
            onChange={(e) => pickPerson(e.target.value)}
            data-testid="sig-signer-person"
            {...invalidProps("sig-signer-person", errors.signer_person_id)}
          >
            <option value="">{t("signatures.signerPersonNone")}</option>
            {choices.map((p) => (
              <option key={p.person_id} value={p.person_id}>
                {p.job_title ? `${p.display_name} · ${p.job_title}` : p.display_name}
                {p.current ? "" : ` (${t("signatures.signerFormer")})`}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field htmlFor="sig-signer" label={t("signatures.signer")} errorKey="signer_name" error={errors.signer_name} optional optionalLabel={optional}>
        <input
          id="sig-signer"
          name="sig-signer"
          className="input"
          autoComplete="off"
          value={signer}
          onChange={(e) => onSigner(e.target.value)}
          {...invalidProps("sig-signer", errors.signer_name)}
        />
      </Field>
      <Field
        htmlFor="sig-signer-title"
        label={t("signatures.signerTitle")}
        errorKey="signer_title"
        error={errors.signer_title}
        optional
        optionalLabel={optional}
      >
        <input
          id="sig-signer-title"
          name="sig-signer-title"
          className="input"
          autoComplete="off"
          value={title}
          onChange={(e) => onTitle(e.target.value)}
          {...invalidProps("sig-signer-title", errors.signer_title)}
        />
      </Field>
      <Field htmlFor="sig-channel" label={t("signatures.channel")} errorKey="channel" error={errors.channel} optional optionalLabel={optional}>
        <EnumSelect
          id="sig-channel"
          value={channel}
          values={SIGNATURE_CHANNELS}
          label={(c) => t(`channel.${c}`)}
          onChange={onChannel}
          error={errors.channel}
          emptyLabel={t("signatures.noChannel")}
        />
      </Field>
    </>
  );
}

function PublishFields({
  publishOrg,
  publishSigner,
  onPublishOrg,
  onPublishSigner,
}: {
  publishOrg: boolean;
  publishSigner: boolean;
  onPublishOrg: (v: boolean) => void;
  onPublishSigner: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-span form-section">
      <legend className="form-section-title">{t("signatures.publication")}</legend>
      <div className="checkbox-stack">
        <label className="checkbox-row">
          <input id="sig-publish-org" type="checkbox" checked={publishOrg} onChange={(e) => onPublishOrg(e.target.checked)} />
          <span>{t("signatures.publishOrganisationHint")}</span>
        </label>
        <label className="checkbox-row">
          <input id="sig-publish-signer" type="checkbox" checked={publishSigner} onChange={(e) => onPublishSigner(e.target.checked)} />
          <span>{t("signatures.publishSignerHint")}</span>
        </label>
      </div>
    </fieldset>
  );
}

const ADD_FIELDS = {
  organisation: "sig-add-search",
  state: "sig-add-state",
  date: "sig-add-date",
  signer_name: "sig-signer",
  signer_title: "sig-signer-title",
  channel: "sig-channel",
} as const;

const SEARCH_LIMIT = 8;

/** Picks an organisation (orgs_list text search) and records its signature → signature_set. */
export function AddSignatureDialog({
  open,
  letterId,
  existing,
  onClose,
  onSaved,
}: {
  open: boolean;
  letterId: string;
  /** The letter's current signatures, to show who already answered. */
  existing: Signature[];
  onClose: () => void;
  onSaved: (detail: LetterDetail, organisationName: string) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(ADD_FIELDS);
  const [search, setSearch] = useState("");
  const [results, setResults] = useState<OrganisationRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [searchError, setSearchError] = useState<ApiError | null>(null);
  const [picked, setPicked] = useState<OrganisationRow | null>(null);
  const [state, setState] = useState<SignatureState>("signed");
  const [date, setDate] = useState(todayIso());
  const [signer, setSigner] = useState("");
  const [title, setTitle] = useState("");
  const [signerPerson, setSignerPerson] = useState<string | null>(null);
  const [channel, setChannel] = useState<SignatureChannel | "">("email");
  const [publishOrg, setPublishOrg] = useState(true);
  const [publishSigner, setPublishSigner] = useState(false);

  const stateOf = useMemo(() => new Map(existing.map((s) => [s.organisation_id, s.state])), [existing]);

  const runSearch = async (text: string) => {
    try {
      const page = await backend.orgsList({
        text: text.trim() || null,
        statuses: [],
        tiers: [],
        types: [],
        countries: [],
        include_archived: false,
        sort: "name",
        direction: "asc",
        offset: 0,
        limit: SEARCH_LIMIT,
      });
      setResults(page.rows);
      setTotal(page.total);
      setSearchError(null);
    } catch (raw) {
      setSearchError(toApiError(raw));
    }
  };
  const [debouncedSearch, , cancelSearch] = useDebouncedCallback((text: string) => void runSearch(text), 150);

  useEffect(() => {
    if (!open) {
      cancelSearch();
      return;
    }
    form.reset();
    setSearch("");
    setResults(null);
    setSearchError(null);
    setPicked(null);
    setState("signed");
    setDate(todayIso());
    setSigner("");
    setTitle("");
    setSignerPerson(null);
    setChannel("email");
    setPublishOrg(true);
    setPublishSigner(false);
    void runSearch("");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    if (!picked) {
      form.showError({ code: "validation", message: t("signatures.pickFirst"), field: "organisation" });
      return;
    }
    const saved = await form.submit(() =>
      backend.signatureSet(letterId, picked.id, {
        state,
        date: blankToNull(date),
        channel: channel || null,
        publish_organisation: publishOrg,
        publish_signer: publishSigner,
        display_name: null,
        signer_name: blankToNull(signer),
        signer_title: blankToNull(title),
        signer_person_id: signerPerson,
        withdrawal_reason: null,
      }),
    );
    if (saved) onSaved(saved, picked.name);
  };

  const err = form.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !form.submitting && onClose()}
      title={t("signatures.addTitle")}
      size="lg"
      testId="signature-add-form"
      footer={<FormFooter formId="signature-add-form" busy={form.submitting} label={t("signatures.add")} onCancel={onClose} />}
    >
      <form id="signature-add-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} />
          </div>
        )}
        <Field htmlFor="sig-add-search" label={t("signatures.organisation")} errorKey="organisation" error={err.organisation} className="form-span">
          {picked ? (
            <div className="picked-org" data-testid="signature-add-picked">
              <span className="cell-name-text">{picked.name}</span>
              {picked.short_name && <span className="tag">{picked.short_name}</span>}
              <span className="country-code">{picked.country}</span>
              {stateOf.get(picked.id) && <SignatureStatePill state={stateOf.get(picked.id) ?? null} />}
              <span className="footer-spacer" />
              <button
                type="button"
                className="link-btn"
                onClick={() => {
                  setPicked(null);
                  requestAnimationFrame(() => document.getElementById("sig-add-search")?.focus());
                }}
                data-testid="signature-add-change"
              >
                <CloseIcon size={12} />
                {t("signatures.changeOrganisation")}
              </button>
            </div>
          ) : (
            <div className="org-picker">
              <div className="quick-filter org-picker-search">
                <SearchIcon size={14} className="quick-filter-icon" />
                <input
                  id="sig-add-search"
                  name="sig-add-search"
                  type="search"
                  className="input quick-filter-input"
                  autoComplete="off"
                  placeholder={t("signatures.searchPlaceholder")}
                  value={search}
                  onChange={(e) => {
                    setSearch(e.target.value);
                    form.clearFieldError("organisation");
                    debouncedSearch(e.target.value);
                  }}
                  onKeyDown={(e) => {
                    // Enter picks the only (or first) result instead of submitting.
                    if (e.key === "Enter") {
                      e.preventDefault();
                      const first = results?.[0];
                      if (first) setPicked(first);
                    }
                  }}
                  data-testid="signature-add-search"
                  {...invalidProps("sig-add-search", err.organisation)}
                />
              </div>
              {searchError && <ErrorBanner error={searchError} onRetry={() => void runSearch(search)} />}
              {results && (
                <ul className="org-results" role="listbox" aria-label={t("signatures.results")}>
                  {results.length === 0 && <li className="org-results-empty">{t("signatures.noResults")}</li>}
                  {results.map((org) => {
                    const current = stateOf.get(org.id) ?? null;
                    return (
                      <li key={org.id}>
                        <button
                          type="button"
                          role="option"
                          aria-selected={false}
                          className="org-result"
                          onClick={() => {
                            setPicked(org);
                            form.clearFieldError("organisation");
                          }}
                          data-testid="signature-add-result"
                          data-id={org.id}
                        >
                          <span className="cell-name-text">{org.name}</span>
                          {org.short_name && <span className="tag">{org.short_name}</span>}
                          <span className="footer-spacer" />
                          {current && <SignatureStatePill state={current} />}
                          <span className="country-code">{org.country}</span>
                        </button>
                      </li>
                    );
                  })}
                  {total > results.length && <li className="org-results-more">{t("signatures.moreResults", { count: total - results.length })}</li>}
                </ul>
              )}
            </div>
          )}
        </Field>
        <Field htmlFor="sig-add-state" label={t("signatures.state")} errorKey="state" error={err.state}>
          <EnumSelect
            id="sig-add-state"
            value={state}
            values={SIGNATURE_STATES.filter((s) => s !== "withdrawn")}
            label={(s) => t(`signatureState.${s}`)}
            onChange={setState}
            error={err.state}
          />
        </Field>
        <Field htmlFor="sig-add-date" label={t("signatures.date")} errorKey="date" error={err.date}>
          <input
            id="sig-add-date"
            name="sig-add-date"
            className="input"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            {...invalidProps("sig-add-date", err.date)}
          />
        </Field>
        <SignerFields
          organisationId={picked?.id ?? null}
          personId={signerPerson}
          onPerson={setSignerPerson}
          signer={signer}
          title={title}
          channel={channel}
          onSigner={setSigner}
          onTitle={setTitle}
          onChannel={setChannel}
          errors={err}
        />
        <PublishFields publishOrg={publishOrg} publishSigner={publishSigner} onPublishOrg={setPublishOrg} onPublishSigner={setPublishSigner} />
      </form>
    </Dialog>
  );
}
