import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { OrganisationPerson } from "../../bindings/OrganisationPerson";
import type { PersonDetail } from "../../bindings/PersonDetail";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { PlusIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { formatDate } from "../../lib/dates";
import { PersonFormDialog } from "./PersonFormDialog";

/** An organisation's people for its detail pane: current then former, focal points marked,
 * and a button to add a person there (the affiliation pre-filled). */
export function OrganisationPeopleSection({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [people, setPeople] = useState<OrganisationPerson[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const [adding, setAdding] = useState(false);
  const reload = useCallback(() => setToken((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setError(null);
    backend.organisationPeople(organisationId).then(
      (found) => live && setPeople(found),
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, organisationId, token]);

  const current = (people ?? []).filter((p) => p.current);
  const former = (people ?? []).filter((p) => !p.current);

  const onSaved = (saved: PersonDetail) => {
    setAdding(false);
    reload();
    toast.success(t("people.form.created", { name: saved.person.display_name }));
  };

  const row = (p: OrganisationPerson) => (
    <li key={p.affiliation_id} className={`org-person ${p.current ? "" : "is-former"}`} data-testid="org-person">
      <div className="org-person-main">
        <span className="org-person-name">{p.display_name}</span>
        {p.focal_point && <span className="tag tag-focal">{t("people.focalPoint")}</span>}
      </div>
      <div className="org-person-meta cell-muted">
        {p.job_title && <span>{p.job_title}</span>}
        {p.email && <span className="selectable">{p.email}</span>}
        {!p.current && p.ends_on && <span>{t("people.orgSection.until", { date: formatDate(p.ends_on) })}</span>}
      </div>
    </li>
  );

  return (
    <section className="detail-section" aria-labelledby="org-people-title" data-testid="org-people">
      <div className="section-head">
        <h3 className="section-title" id="org-people-title">
          {t("people.orgSection.title")}
        </h3>
        <div className="section-actions">
          <Button size="sm" variant="ghost" icon={<PlusIcon size={14} />} onClick={() => setAdding(true)} data-testid="org-person-add">
            {t("people.orgSection.add")}
          </Button>
        </div>
      </div>
      {error && <ErrorBanner error={error} onRetry={reload} />}
      {people !== null && people.length === 0 && <p className="cell-empty">{t("people.orgSection.none")}</p>}
      {current.length > 0 && <ul className="org-people-list">{current.map(row)}</ul>}
      {former.length > 0 && (
        <>
          <div className="prop-label org-people-former">{t("people.orgSection.former")}</div>
          <ul className="org-people-list">{former.map(row)}</ul>
        </>
      )}
      <PersonFormDialog
        open={adding}
        mode={{ kind: "create", organisation: { id: organisationId, name: organisationName } }}
        onOpenChange={setAdding}
        onSaved={(saved) => onSaved(saved)}
      />
    </section>
  );
}
