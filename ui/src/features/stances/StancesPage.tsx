import { useCallback, useEffect, useMemo, useState } from "react";
import { useOpenRequest } from "../../app/navigation";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { BoardCard } from "../../bindings/BoardCard";
import type { Dossier } from "../../bindings/Dossier";
import type { Profile } from "../../bindings/Profile";
import type { StanceBoard } from "../../bindings/StanceBoard";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { BoardIcon, PencilIcon, PersonIcon, PlusIcon, UploadIcon } from "../../components/Icons";
import { MultiSelect } from "../../components/MultiSelect";
import { useToast } from "../../components/Toasts";
import { AddToBoardDialog } from "./AddToBoardDialog";
import { DossierFormDialog } from "./DossierFormDialog";
import { EvidenceDialog, type EvidenceTarget } from "./EvidenceDialog";
import { ProfileDialog } from "./ProfileDialog";
import { StanceBoardView, type CardActions } from "./StanceBoardView";
import { StanceHistory } from "./StanceHistory";
import { VoteImportDialog } from "./VoteImportDialog";

interface Filters {
  groups: string[];
  countries: string[];
  committees: string[];
  includeCommittee: boolean;
}

const NO_FILTERS: Filters = { groups: [], countries: [], committees: [], includeCommittee: true };

function focusCard(personId: string) {
  const cards = document.querySelectorAll<HTMLElement>('[data-testid="stance-card"]');
  for (const card of cards) {
    if (card.dataset.personId === personId) {
      card.focus();
      return;
    }
  }
}

/** The stance board of a dossier: columns by level, filters, moves with evidence, vote import. */
export function StancesPage() {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [dossiers, setDossiers] = useState<Dossier[] | null>(null);
  const [dossierId, setDossierId] = useState<string>("");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [board, setBoard] = useState<StanceBoard | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  const [move, setMove] = useState<EvidenceTarget | null>(null);
  const [historyOf, setHistoryOf] = useState<BoardCard | null>(null);
  const [dossierForm, setDossierForm] = useState<{ dossier: Dossier | null } | null>(null);
  const [voteOpen, setVoteOpen] = useState(false);
  const [profile, setProfile] = useState<Profile>({ name: null, initials: null });
  const [profileOpen, setProfileOpen] = useState(false);
  const [refocus, setRefocus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const loadDossiers = useCallback(
    (select?: string) => {
      backend.dossiersList().then(
        (list) => {
          setDossiers(list);
          setDossierId((current) => select ?? (list.some((d) => d.id === current) ? current : (list[0]?.id ?? "")));
        },
        (raw: unknown) => setError(toApiError(raw)),
      );
    },
    [backend],
  );

  // Opened from the command palette on a dossier: show its board.
  useOpenRequest("stances", (request) => {
    if (request.openId) setDossierId(request.openId);
  });

  useEffect(() => {
    loadDossiers();
    backend.profileGet().then(setProfile, (raw: unknown) => setError(toApiError(raw)));
  }, [backend, loadDossiers]);

  useEffect(() => {
    if (!dossierId) return;
    let live = true;
    setError(null);
    backend
      .stanceBoard({
        dossier_id: dossierId,
        groups: filters.groups,
        countries: filters.countries,
        committees: filters.committees,
        include_committee: filters.includeCommittee,
      })
      .then(
        (next) => live && setBoard(next),
        (raw: unknown) => live && setError(toApiError(raw)),
      );
    return () => {
      live = false;
    };
  }, [backend, dossierId, filters, token]);

  // After a move the card sits in another column: give it the focus back.
  useEffect(() => {
    if (!refocus || !board) return;
    focusCard(refocus);
    setRefocus(null);
  }, [board, refocus]);

  const actions = useMemo<CardActions>(
    () => ({
      onMove: (card, level) => setMove({ personId: card.person_id, name: card.display_name, dossierId, level, from: card.level }),
      onMoveMenu: (card) => setMove({ personId: card.person_id, name: card.display_name, dossierId, level: card.level, from: card.level }),
      onOpen: (card) => setHistoryOf(card),
    }),
    [dossierId],
  );

  const dossier = dossiers?.find((d) => d.id === dossierId) ?? null;
  const setFilter = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const filtered = filters.groups.length + filters.countries.length + filters.committees.length > 0;

  return (
    <div className="page stances-page" data-testid="stances-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("stances.title")}</h1>
          {board && (
            <span className="page-count" data-testid="stances-count" aria-live="polite">
              {t("stances.count", { count: board.cards.length })}
            </span>
          )}
        </div>
        <div className="toolbar" role="toolbar" aria-label={t("stances.toolbar")}>
          <label className="field-label toolbar-label" htmlFor="dossier-picker">
            {t("stances.dossier")}
          </label>
          <select
            id="dossier-picker"
            className="input select dossier-picker"
            value={dossierId}
            onChange={(e) => {
              setDossierId(e.target.value);
              setFilters(NO_FILTERS);
            }}
            disabled={!dossiers || dossiers.length === 0}
            data-testid="dossier-picker"
          >
            {dossiers?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.reference} · {d.short_title}
              </option>
            ))}
          </select>
          <Button icon={<PencilIcon size={14} />} onClick={() => dossier && setDossierForm({ dossier })} disabled={!dossier} data-testid="dossier-edit">
            {t("stances.editDossier")}
          </Button>
          <Button icon={<PlusIcon size={14} />} onClick={() => setDossierForm({ dossier: null })} data-testid="dossier-new">
            {t("stances.newDossier")}
          </Button>
          <Button icon={<PlusIcon size={14} />} onClick={() => setAdding(true)} disabled={!dossier} data-testid="stance-add">
            {t("stances.add.button")}
          </Button>
          <Button variant="primary" icon={<UploadIcon size={14} />} onClick={() => setVoteOpen(true)} disabled={!dossier} data-testid="import-vote">
            {t("stances.importVote")}
          </Button>
          <Button variant="ghost" icon={<PersonIcon size={14} />} onClick={() => setProfileOpen(true)} data-testid="profile-open">
            {profile.name ? t("stances.profile.signedAs", { name: profile.name }) : t("stances.profile.set")}
          </Button>
        </div>
      </header>
      {board && (
        <div className="filter-bar stances-filters" role="group" aria-label={t("stances.filters")}>
          <MultiSelect
            label={t("stances.filterGroup")}
            options={board.groups.map((g) => ({ value: g, label: g }))}
            selected={filters.groups}
            onChange={setFilter("groups")}
            testId="stance-filter-group"
          />
          <MultiSelect
            label={t("stances.filterCountry")}
            options={board.countries.map((c) => ({ value: c, label: c }))}
            selected={filters.countries}
            onChange={setFilter("countries")}
            searchable
            testId="stance-filter-country"
          />
          <MultiSelect
            label={t("stances.filterCommittee")}
            options={board.committees.map((c) => ({ value: c, label: c }))}
            selected={filters.committees}
            onChange={setFilter("committees")}
            testId="stance-filter-committee"
          />
          <label className="checkbox-row stances-include">
            <input
              type="checkbox"
              checked={filters.includeCommittee}
              onChange={(e) => setFilter("includeCommittee")(e.target.checked)}
              data-testid="stance-include-committee"
            />
            {t("stances.includeCommittee", { committee: board.dossier.lead_committee ?? t("stances.leadCommittee") })}
          </label>
          {filtered && (
            <Button variant="ghost" size="sm" onClick={() => setFilters((f) => ({ ...NO_FILTERS, includeCommittee: f.includeCommittee }))} data-testid="stance-filters-clear">
              {t("stances.clearFilters")}
            </Button>
          )}
          <span className="stances-keys cell-muted">{t("stances.keys")}</span>
        </div>
      )}
      <div className="page-body stances-body">
        {error && <ErrorBanner error={error} onRetry={() => (dossiers ? setToken((n) => n + 1) : loadDossiers())} testId="stances-error" />}
        {dossiers && dossiers.length === 0 && (
          <EmptyState
            icon={<BoardIcon size={28} />}
            title={t("stances.emptyTitle")}
            body={t("stances.emptyBody")}
            actions={
              <Button variant="primary" onClick={() => setDossierForm({ dossier: null })} data-testid="dossier-new-empty">
                {t("stances.newDossier")}
              </Button>
            }
            testId="stances-empty"
          />
        )}
        {board && dossier && <StanceBoardView cards={board.cards} actions={actions} />}
      </div>
      <EvidenceDialog
        target={move}
        onClose={() => setMove(null)}
        onSaved={(stance) => {
          setMove(null);
          toast.success(t("stances.evidence.saved", { level: t(`stanceLevel.${stance.level}`) }));
          setRefocus(stance.person_id);
          setToken((n) => n + 1);
        }}
      />
      <Dialog
        open={historyOf !== null}
        onOpenChange={(open) => !open && setHistoryOf(null)}
        title={historyOf?.display_name ?? ""}
        description={historyOf ? [historyOf.group_code, historyOf.country, historyOf.committees.join(" ")].filter(Boolean).join(" · ") : undefined}
        size="lg"
        testId="stance-history-dialog"
      >
        {historyOf && (
          <StanceHistory personId={historyOf.person_id} name={historyOf.display_name} onRecorded={() => setToken((n) => n + 1)} />
        )}
      </Dialog>
      <DossierFormDialog
        open={dossierForm !== null}
        dossier={dossierForm?.dossier ?? null}
        onOpenChange={(open) => !open && setDossierForm(null)}
        onRolesChanged={() => setToken((n) => n + 1)}
        onSaved={(detail) => {
          setDossierForm(null);
          toast.success(t("stances.dossierSaved", { reference: detail.dossier.reference }));
          loadDossiers(detail.dossier.id);
          setToken((n) => n + 1);
        }}
      />
      {dossier && (
        <VoteImportDialog open={voteOpen} dossier={dossier} onOpenChange={setVoteOpen} onChanged={() => setToken((n) => n + 1)} />
      )}
      <AddToBoardDialog
        open={adding}
        onOpenChange={setAdding}
        onPick={(row) => {
          setAdding(false);
          const current = board?.cards.find((c) => c.person_id === row.id)?.level ?? "unknown";
          setMove({ personId: row.id, name: row.display_name, dossierId, level: current, from: current });
        }}
      />
      <ProfileDialog
        open={profileOpen}
        profile={profile}
        onOpenChange={setProfileOpen}
        onSaved={(saved) => {
          setProfile(saved);
          setProfileOpen(false);
        }}
      />
    </div>
  );
}
