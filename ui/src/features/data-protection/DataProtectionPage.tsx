import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { ExportLogPage } from "../../bindings/ExportLogPage";
import type { ExportLogRow } from "../../bindings/ExportLogRow";
import type { RetentionPage } from "../../bindings/RetentionPage";
import type { RetentionRow } from "../../bindings/RetentionRow";
import type { SensitivePage } from "../../bindings/SensitivePage";
import type { SensitivePerson } from "../../bindings/SensitivePerson";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { useNavigate } from "../../app/navigation";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { SegmentedTabs } from "../../components/SegmentedTabs";
import { useToast } from "../../components/Toasts";
import { useApiForm } from "../../components/useApiForm";
import { EraseDialog } from "../subject-rights";
import { useLawfulBasisLabel } from "./labels";
import { SensitiveBadge } from "./SensitiveBadge";
import { usePaged } from "./usePaged";

export type DataProtectionTab = "retention" | "exports" | "sensitive";

/** The Data protection page: the retention review (its years editable), the export log and
 * the people flagged sensitive, each a paged list read from the core. */
export function DataProtectionPage({ initialTab = "retention" }: { initialTab?: DataProtectionTab }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<DataProtectionTab>(initialTab);
  return (
    <div className="page privacy-page" data-testid="privacy-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("privacy.title")}</h1>
          <p className="page-subtitle">{t("privacy.subtitle")}</p>
        </div>
        <SegmentedTabs<DataProtectionTab>
          tabs={[
            { id: "retention", label: t("privacy.tabs.retention"), testId: "privacy-tab-retention" },
            { id: "exports", label: t("privacy.tabs.exports"), testId: "privacy-tab-exports" },
            { id: "sensitive", label: t("privacy.tabs.sensitive"), testId: "privacy-tab-sensitive" },
          ]}
          active={tab}
          onSelect={setTab}
          label={t("privacy.tabs.label")}
        />
      </header>
      <div className="page-body privacy-body" role="tabpanel">
        {tab === "retention" && <RetentionReview />}
        {tab === "exports" && <ExportLog />}
        {tab === "sensitive" && <SensitivePeople />}
      </div>
    </div>
  );
}

function More({ shown, onMore, loading }: { shown: boolean; onMore: () => void; loading: boolean }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <div className="privacy-more">
      <Button size="sm" variant="secondary" onClick={onMore} busy={loading} data-testid="privacy-more">
        {t("privacy.more")}
      </Button>
    </div>
  );
}

const YEARS_FIELD = { years: "privacy-years" };

function RetentionYears({ onSaved }: { onSaved: (years: number) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [years, setYears] = useState("");
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const form = useApiForm(YEARS_FIELD);
  useEffect(() => {
    backend
      .privacyRetentionYears()
      .then((y) => setYears(String(y)))
      .catch((raw) => setLoadError(toApiError(raw)));
  }, [backend]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number.parseInt(years, 10);
    const saved = await form.submit(() => backend.privacySetRetentionYears(Number.isNaN(wanted) ? 0 : wanted));
    if (saved !== undefined && saved !== null) {
      toast.success(t("privacy.retention.saved"));
      onSaved(saved);
    }
  };
  return (
    <form className="privacy-years" onSubmit={submit} noValidate data-testid="privacy-years-form">
      {loadError && <ErrorBanner error={loadError} />}
      {form.bannerError && <ErrorBanner error={form.bannerError} />}
      <Field htmlFor="privacy-years" label={t("privacy.retention.years")} errorKey="years" error={form.fieldErrors.years} hint={t("privacy.retention.yearsHint")}>
        <input
          id="privacy-years"
          className="input input-narrow"
          type="number"
          min={1}
          max={20}
          value={years}
          onChange={(e) => {
            setYears(e.target.value);
            form.clearFieldError("years");
          }}
          {...invalidProps("privacy-years", form.fieldErrors.years)}
        />
      </Field>
      <Button type="submit" size="sm" busy={form.submitting} data-testid="privacy-years-save">
        {t("privacy.retention.save")}
      </Button>
    </form>
  );
}

function RetentionReview() {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const navigate = useNavigate();
  const basisLabel = useLawfulBasisLabel();
  const [excludePublic, setExcludePublic] = useState(false);
  const [revision, setRevision] = useState(0);
  const [archiving, setArchiving] = useState<RetentionRow | null>(null);
  const [archiveError, setArchiveError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState<RetentionRow | null>(null);
  const list = usePaged<RetentionRow, RetentionPage>(
    (offset, limit) => backend.privacyRetentionReview({ exclude_public_role: excludePublic, offset, limit }),
    `${excludePublic}-${revision}`,
  );
  const archive = async () => {
    if (!archiving) return;
    setBusy(true);
    try {
      await backend.personSetArchived(archiving.id, true);
      toast.success(t("privacy.retention.archived", { name: archiving.display_name }));
      setArchiving(null);
      setArchiveError(null);
      setRevision((r) => r + 1);
    } catch (raw) {
      setArchiveError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="privacy-section" data-testid="privacy-retention">
      <div className="privacy-controls">
        <RetentionYears onSaved={() => setRevision((r) => r + 1)} />
        <label className="checkbox-row">
          <input type="checkbox" checked={excludePublic} onChange={(e) => setExcludePublic(e.target.checked)} data-testid="privacy-exclude-public" />
          <span>{t("privacy.retention.excludePublicRole")}</span>
        </label>
      </div>
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {list.page && (
        <p className="privacy-summary" data-testid="privacy-retention-summary">
          {t("privacy.retention.summary", { count: list.page.total, cutoff: list.page.cutoff })}
        </p>
      )}
      {list.page && list.rows.length === 0 ? (
        <EmptyState title={t("privacy.retention.empty")} testId="privacy-retention-empty" />
      ) : (
        <table className="simple-table privacy-table" data-testid="privacy-retention-table">
          <thead>
            <tr>
              <th scope="col">{t("privacy.retention.name")}</th>
              <th scope="col">{t("privacy.retention.lastActivity")}</th>
              <th scope="col">{t("privacy.retention.basis")}</th>
              <th scope="col">{t("privacy.retention.flags")}</th>
              <th scope="col">{t("privacy.retention.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id} data-testid="privacy-retention-row">
                <td>{row.display_name}</td>
                <td className="cell-date">{row.last_activity}</td>
                <td>{basisLabel(row.lawful_basis)}</td>
                <td>
                  {row.public_role && <span className="tag">{t("privacy.retention.publicRole")}</span>}
                  {row.sensitive && <SensitiveBadge />}
                </td>
                <td className="privacy-actions">
                  <Button size="sm" variant="ghost" aria-label={t("privacy.retention.openLabel", { name: row.display_name })} onClick={() => navigate("people", { openId: row.id })}>
                    {t("privacy.retention.open")}
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={t("privacy.retention.archiveLabel", { name: row.display_name })} onClick={() => setArchiving(row)} data-testid="privacy-archive">
                    {t("privacy.retention.archive")}
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={t("privacy.retention.eraseLabel", { name: row.display_name })} onClick={() => setErasing(row)} data-testid="privacy-erase">
                    {t("subjectRights.eraseButton")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More shown={list.hasMore} onMore={list.more} loading={list.loading} />
      <ConfirmDialog
        open={archiving !== null}
        onOpenChange={(open) => {
          if (!open) {
            setArchiving(null);
            setArchiveError(null);
          }
        }}
        title={t("privacy.retention.archiveTitle", { name: archiving?.display_name ?? "" })}
        body={t("privacy.retention.archiveBody")}
        confirmLabel={t("privacy.retention.archive")}
        onConfirm={archive}
        busy={busy}
        error={archiveError}
        testId="privacy-archive-dialog"
      />
      {erasing && (
        <EraseDialog
          personId={erasing.id}
          onClose={() => setErasing(null)}
          onErased={() => {
            setErasing(null);
            setRevision((r) => r + 1);
          }}
        />
      )}
    </section>
  );
}

function ExportLog() {
  const { t } = useTranslation();
  const backend = useBackend();
  const list = usePaged<ExportLogRow, ExportLogPage>((offset, limit) => backend.privacyExportLog({ offset, limit }), "log");
  const when = (iso: string) => new Date(iso).toLocaleString();
  return (
    <section className="privacy-section" data-testid="privacy-exports">
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {list.page && <p className="privacy-summary">{t("privacy.exports.total", { count: list.page.total })}</p>}
      {list.page && list.rows.length === 0 ? (
        <EmptyState title={t("privacy.exports.empty")} testId="privacy-exports-empty" />
      ) : (
        <table className="simple-table privacy-table" data-testid="privacy-exports-table">
          <thead>
            <tr>
              <th scope="col">{t("privacy.exports.at")}</th>
              <th scope="col">{t("privacy.exports.by")}</th>
              <th scope="col">{t("privacy.exports.kind")}</th>
              <th scope="col">{t("privacy.exports.record")}</th>
              <th scope="col">{t("privacy.exports.rows")}</th>
              <th scope="col">{t("privacy.exports.sensitive")}</th>
              <th scope="col">{t("privacy.exports.file")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id} data-testid="privacy-export-row">
                <td className="cell-date">{when(row.exported_at)}</td>
                <td>{row.exported_by}</td>
                <td>
                  <code>{row.kind}</code>
                </td>
                <td>{row.record_title ?? ""}</td>
                <td className="cell-num">{row.row_count}</td>
                <td>
                  {row.sensitive_included ? (
                    <span className="sensitive-badge">{t("privacy.exports.included")}</span>
                  ) : row.sensitive_left_out > 0 ? (
                    t("privacy.include.leftOut", { count: row.sensitive_left_out })
                  ) : (
                    ""
                  )}
                </td>
                <td>{row.file_name ?? <span className="cell-muted">{t("privacy.exports.stdout")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More shown={list.hasMore} onMore={list.more} loading={list.loading} />
    </section>
  );
}

function SensitivePeople() {
  const { t } = useTranslation();
  const backend = useBackend();
  const navigate = useNavigate();
  const basisLabel = useLawfulBasisLabel();
  const list = usePaged<SensitivePerson, SensitivePage>((offset, limit) => backend.privacySensitivePeople({ offset, limit }), "sensitive");
  return (
    <section className="privacy-section" data-testid="privacy-sensitive">
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {list.page && <p className="privacy-summary">{t("privacy.sensitive.total", { count: list.page.total })}</p>}
      {list.page && list.rows.length === 0 ? (
        <EmptyState title={t("privacy.sensitive.empty")} testId="privacy-sensitive-empty" />
      ) : (
        <table className="simple-table privacy-table" data-testid="privacy-sensitive-table">
          <thead>
            <tr>
              <th scope="col">{t("privacy.sensitive.name")}</th>
              <th scope="col">{t("privacy.sensitive.country")}</th>
              <th scope="col">{t("privacy.sensitive.basis")}</th>
              <th scope="col">{t("privacy.sensitive.reason")}</th>
              <th scope="col">{t("privacy.retention.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id} data-testid="privacy-sensitive-row">
                <td>
                  {row.display_name} {row.archived && <span className="tag tag-archived">{t("privacy.sensitive.archived")}</span>}
                </td>
                <td>{row.country ?? ""}</td>
                <td>{basisLabel(row.lawful_basis)}</td>
                <td>{row.sensitive_reason ?? ""}</td>
                <td>
                  <Button size="sm" variant="ghost" aria-label={t("privacy.retention.openLabel", { name: row.display_name })} onClick={() => navigate("people", { openId: row.id })}>
                    {t("privacy.retention.open")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More shown={list.hasMore} onMore={list.more} loading={list.loading} />
    </section>
  );
}
