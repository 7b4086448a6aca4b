import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Event } from "../../bindings/Event";
import type { InviteOutcome } from "../../bindings/InviteOutcome";
import type { InviteTarget } from "../../bindings/InviteTarget";
import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { PersonList } from "../../bindings/PersonList";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CloseIcon } from "../../components/Icons";
import { MEMBERSHIP_STATUSES } from "../organisations/enums";
import { SearchPicker, type PickOption } from "./SearchPicker";
import { searchPeople } from "./search";

type Kind = InviteTarget["kind"];
const KINDS: readonly Kind[] = ["focal_points", "committee_members", "saved_list", "people"];

/** Invite a segment: focal points of members, a committee's MEPs, a saved list, or picked people. */
export function InviteDialog({
  event,
  open,
  onClose,
  onInvited,
}: {
  event: Event;
  open: boolean;
  onClose: () => void;
  onInvited: (outcome: InviteOutcome) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [kind, setKind] = useState<Kind>("focal_points");
  const [statuses, setStatuses] = useState<MembershipStatus[]>(["active"]);
  const [committee, setCommittee] = useState("LIBE");
  const [groups, setGroups] = useState("");
  const [lists, setLists] = useState<PersonList[] | null>(null);
  const [listId, setListId] = useState("");
  const [people, setPeople] = useState<PickOption[]>([]);
  const [saveAs, setSaveAs] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setPeople([]);
    setSaveAs("");
    let live = true;
    backend.personListsList().then(
      (found) => {
        if (!live) return;
        setLists(found);
        setListId((current) => current || found[0]?.id || "");
      },
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, open]);

  const target = (): InviteTarget | null => {
    switch (kind) {
      case "focal_points":
        return { kind, statuses };
      case "committee_members":
        return {
          kind,
          committee: committee.trim().toUpperCase(),
          groups: groups
            .split(/[\s,;]+/)
            .map((g) => g.trim())
            .filter(Boolean),
        };
      case "saved_list":
        return listId ? { kind, list_id: listId } : null;
      case "people":
        return people.length ? { kind, person_ids: people.map((p) => p.id) } : null;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = target();
    if (!chosen || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (chosen.kind === "people" && saveAs.trim()) await backend.personListCreate(saveAs.trim(), chosen.person_ids);
      const outcome = await backend.participantsInvite(event.id, chosen);
      onInvited(outcome);
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  const toggleStatus = (s: MembershipStatus) => setStatuses((prev) => (prev.includes(s) ? prev.filter((x) => x !== s) : [...prev, s]));

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !busy && onClose()}
      title={t("eventInvite.title", { title: event.title })}
      size="lg"
      testId="invite-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="invite-form" busy={busy} disabled={!target()} data-testid="invite-submit">
            {t("eventInvite.submit")}
          </Button>
        </>
      }
    >
      <form id="invite-form" onSubmit={submit} className="invite-form">
        {error && <ErrorBanner error={error} testId="invite-error" />}
        <fieldset className="invite-kinds">
          <legend className="field-label">{t("eventInvite.whom")}</legend>
          {KINDS.map((k) => (
            <label key={k} className="checkbox-row">
              <input type="radio" name="invite-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`invite-kind-${k}`} />
              {t(`eventInvite.kinds.${k}`)}
            </label>
          ))}
        </fieldset>

        {kind === "focal_points" && (
          <fieldset className="checkbox-stack" data-testid="invite-statuses">
            <legend className="field-label">{t("eventInvite.statuses")}</legend>
            {MEMBERSHIP_STATUSES.map((s) => (
              <label key={s} className="checkbox-row">
                <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggleStatus(s)} />
                {t(`status.${s}`)}
              </label>
            ))}
            <p className="field-hint">{t("eventInvite.statusesHint")}</p>
          </fieldset>
        )}

        {kind === "committee_members" && (
          <div className="form-grid">
            <div className="field">
              <label className="field-label" htmlFor="invite-committee">
                {t("eventInvite.committee")}
              </label>
              <input id="invite-committee" className="input input-mono" value={committee} onChange={(e) => setCommittee(e.target.value)} data-testid="invite-committee" />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="invite-groups">
                {t("eventInvite.groups")} <span className="field-optional">{t("form.optional")}</span>
              </label>
              <input id="invite-groups" className="input input-mono" placeholder="EPP, S&D, Renew" value={groups} onChange={(e) => setGroups(e.target.value)} data-testid="invite-groups" />
              <p className="field-hint">{t("eventInvite.groupsHint")}</p>
            </div>
          </div>
        )}

        {kind === "saved_list" && (
          <div className="field">
            <label className="field-label" htmlFor="invite-list">
              {t("eventInvite.list")}
            </label>
            {lists && lists.length === 0 ? (
              <p className="field-hint">{t("eventInvite.noLists")}</p>
            ) : (
              <select id="invite-list" className="input select" value={listId} onChange={(e) => setListId(e.target.value)} data-testid="invite-list">
                {(lists ?? []).map((l) => (
                  <option key={l.id} value={l.id}>
                    {t("eventInvite.listOption", { name: l.name, count: l.members })}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}

        {kind === "people" && (
          <div className="field">
            <label className="field-label" htmlFor="invite-people">
              {t("eventInvite.people")}
            </label>
            <SearchPicker
              id="invite-people"
              testId="invite-people"
              search={(q) => searchPeople(backend, q)}
              exclude={people.map((p) => p.id)}
              onPick={(p) => setPeople((prev) => [...prev, p])}
            />
            {people.length > 0 && (
              <div className="chips picked-chips">
                {people.map((p) => (
                  <span key={p.id} className="tag">
                    {p.label}
                    <button type="button" className="tag-remove" aria-label={t("events.remove", { name: p.label })} onClick={() => setPeople((prev) => prev.filter((x) => x.id !== p.id))}>
                      <CloseIcon size={10} />
                    </button>
                  </span>
                ))}
              </div>
            )}
            <label className="field-label" htmlFor="invite-save-as">
              {t("eventInvite.saveAs")} <span className="field-optional">{t("form.optional")}</span>
            </label>
            <input id="invite-save-as" className="input" value={saveAs} onChange={(e) => setSaveAs(e.target.value)} placeholder={t("eventInvite.saveAsPlaceholder")} />
          </div>
        )}
      </form>
    </Dialog>
  );
}
