import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { PersonDuplicate } from "../../bindings/PersonDuplicate";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CheckIcon } from "../../components/Icons";
import { usePeopleLabels } from "./labels";

/** Possible duplicate people, flagged for a coordinator to look at (never merged silently). */
export function PeopleDuplicatesView({ onOpenPerson }: { onOpenPerson: (id: string) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const labels = usePeopleLabels();
  const [pairs, setPairs] = useState<PersonDuplicate[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const reload = useCallback(() => setToken((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setError(null);
    backend.peopleDuplicates().then(
      (found) => live && setPairs(found),
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, token]);

  if (error) return <ErrorBanner error={error} onRetry={reload} />;
  if (pairs === null) return <p className="cell-empty">{t("common.loading")}</p>;
  if (pairs.length === 0) {
    return <EmptyState icon={<CheckIcon size={28} />} title={t("people.duplicates.noneTitle")} body={t("people.duplicates.noneBody")} testId="people-duplicates-empty" />;
  }
  return (
    <div className="people-duplicates" data-testid="people-duplicates">
      <p className="field-hint">{t("people.duplicates.hint")}</p>
      <table className="issues-table">
        <thead>
          <tr>
            <th scope="col">{t("people.duplicates.personA")}</th>
            <th scope="col">{t("people.duplicates.personB")}</th>
            <th scope="col">{t("people.duplicates.why")}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={`${pair.a.id}-${pair.b.id}-${pair.reason}`} data-testid="people-duplicate-row">
              <td>
                <button type="button" className="link-btn" onClick={() => onOpenPerson(pair.a.id)}>
                  {pair.a.display_name}
                </button>
              </td>
              <td>
                <button type="button" className="link-btn" onClick={() => onOpenPerson(pair.b.id)}>
                  {pair.b.display_name}
                </button>
              </td>
              <td>{labels.duplicateReason(pair.reason, pair.shared)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
