import { useEffect, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { DossierDetail } from "../../bindings/DossierDetail";
import type { DossierRole } from "../../bindings/DossierRole";
import type { PolicyMakerRow } from "../../bindings/PolicyMakerRow";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { usePolicyMakerSearch } from "./AddToBoardDialog";
import { DOSSIER_ROLES } from "./enums";

/** The dossier's rapporteur and shadows: listed, removed, and added by name. */
export function DossierRoles({ dossierId, onChanged }: { dossierId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [detail, setDetail] = useState<DossierDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [role, setRole] = useState<DossierRole>("rapporteur");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const search = usePolicyMakerSearch(text, true);

  useEffect(() => {
    let live = true;
    backend.dossierGet(dossierId).then(
      (d) => live && setDetail(d),
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, dossierId]);

  const run = async (action: () => Promise<DossierDetail>) => {
    setBusy(true);
    setError(null);
    try {
      setDetail(await action());
      onChanged();
      return true;
    } catch (raw) {
      setError(toApiError(raw));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (row: PolicyMakerRow) => {
    if (await run(() => backend.dossierRoleAdd(dossierId, row.id, role))) setText("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = search.rows[0];
    if (event.key === "Enter" && first) {
      event.preventDefault();
      void add(first);
    }
  };

  return (
    <section className="dossier-roles" data-testid="dossier-roles" aria-label={t("stances.roles.title")}>
      <h3 className="section-title">{t("stances.roles.title")}</h3>
      {(error ?? search.error) && <ErrorBanner error={(error ?? search.error)!} testId="dossier-roles-error" />}
      {detail && detail.roles.length === 0 && <p className="cell-muted">{t("stances.roles.none")}</p>}
      <ul className="dossier-roles-list">
        {detail?.roles.map((holder) => (
          <li key={holder.id} data-testid="dossier-role">
            <span className="stance-role">{t(`dossierRole.${holder.role}`)}</span>
            <span>{holder.display_name}</span>
            <span className="cell-muted">{[holder.group_code, holder.country].filter(Boolean).join(" · ")}</span>
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => void run(() => backend.dossierRoleRemove(holder.id))}
              aria-label={t("stances.roles.remove", { name: holder.display_name })}
              data-testid="dossier-role-remove"
            >
              {t("stances.roles.removeShort")}
            </Button>
          </li>
        ))}
      </ul>
      <div className="dossier-roles-add">
        <select
          className="input select"
          aria-label={t("stances.roles.role")}
          value={role}
          onChange={(e) => setRole(e.target.value as DossierRole)}
          data-testid="dossier-role-kind"
        >
          {DOSSIER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`dossierRole.${r}`)}
            </option>
          ))}
        </select>
        <input
          className="input"
          type="search"
          autoComplete="off"
          aria-label={t("stances.roles.search")}
          placeholder={t("stances.roles.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="dossier-role-search"
        />
      </div>
      <ul className="stance-add-results">
        {search.rows.map((row) => (
          <li key={row.id}>
            <button type="button" className="stance-add-result" disabled={busy} onClick={() => void add(row)} data-testid="dossier-role-result">
              <span className="stance-card-name">{row.display_name}</span>
              <span className="cell-muted">{[row.group_code, row.country].filter(Boolean).join(" · ")}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
