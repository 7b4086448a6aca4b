import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Dossier } from "../../bindings/Dossier";
import type { DossierStances } from "../../bindings/DossierStances";
import type { Stance } from "../../bindings/Stance";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { PlusIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { formatDate } from "../../lib/dates";
import { EvidenceDialog, type EvidenceTarget } from "./EvidenceDialog";
import { LevelPill } from "./LevelPill";

function SourceText({ stance }: { stance: Stance }) {
  const text = stance.source ?? stance.vote_title;
  if (!text) return null;
  return /^https?:\/\//i.test(text) ? (
    <a href={text} target="_blank" rel="noreferrer noopener" className="stance-source-link">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}

/**
 * A policy-maker's stances: the current one per dossier and its history (level, date,
 * evidence, source, who recorded it), with "Record stance". Embedded in the policy-maker's
 * detail and opened from the stance board.
 */
export function StanceHistory({ personId, name, onRecorded }: { personId: string; name?: string; onRecorded?: (stance: Stance) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [groups, setGroups] = useState<DossierStances[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dossiers, setDossiers] = useState<Dossier[]>([]);
  const [target, setTarget] = useState<EvidenceTarget | null>(null);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    backend.stancesForPerson(personId).then(
      (list) => live && setGroups(list),
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, personId, token]);

  const openRecord = useCallback(async () => {
    try {
      const list = await backend.dossiersList();
      setDossiers(list);
      if (list.length === 0) {
        setError({ code: "validation", message: t("stances.history.noDossiers"), field: null });
        return;
      }
      setTarget({ personId, name: name ?? t("stances.history.thisPerson"), dossierId: null, level: groups?.[0]?.current.level ?? "unknown" });
    } catch (raw) {
      setError(toApiError(raw));
    }
  }, [backend, groups, name, personId, t]);

  return (
    <section className="stance-history" data-testid="stance-history" aria-label={t("stances.history.title")}>
      <header className="stance-history-header">
        <h3 className="section-title">{t("stances.history.title")}</h3>
        <Button size="sm" icon={<PlusIcon size={14} />} onClick={() => void openRecord()} data-testid="stance-history-record">
          {t("stances.history.record")}
        </Button>
      </header>
      {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="stance-history-error" />}
      {groups === null && !error && <p className="page-loading">{t("common.loading")}</p>}
      {groups && groups.length === 0 && <p className="cell-muted" data-testid="stance-history-empty">{t("stances.history.empty")}</p>}
      {groups?.map((group) => (
        <article key={group.dossier.id} className="stance-history-dossier" data-testid="stance-history-dossier">
          <div className="stance-history-current">
            <span className="input-mono">{group.dossier.reference}</span>
            <span className="cell-muted">{group.dossier.short_title}</span>
            <LevelPill level={group.current.level} testId="stance-history-current" />
          </div>
          <table className="simple-table stance-history-table">
            <thead>
              <tr>
                <th>{t("stances.history.level")}</th>
                <th>{t("stances.history.date")}</th>
                <th>{t("stances.history.evidence")}</th>
                <th>{t("stances.history.source")}</th>
                <th>{t("stances.history.recordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {group.history.map((stance) => (
                <tr key={stance.id} data-testid="stance-history-row">
                  <td>
                    <LevelPill level={stance.level} />
                  </td>
                  <td>{formatDate(stance.stated_on)}</td>
                  <td>{t(`evidenceKind.${stance.evidence}`)}</td>
                  <td className="stance-source">
                    <SourceText stance={stance} />
                  </td>
                  <td>{stance.recorded_by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
      <EvidenceDialog
        target={target}
        dossiers={dossiers}
        onClose={() => setTarget(null)}
        onSaved={(stance) => {
          setTarget(null);
          toast.success(t("stances.evidence.saved", { level: t(`stanceLevel.${stance.level}`) }));
          setToken((n) => n + 1);
          onRecorded?.(stance);
        }}
      />
    </section>
  );
}
