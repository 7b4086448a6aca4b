import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { Letter } from "../../bindings/Letter";
import type { LetterDetail } from "../../bindings/LetterDetail";
import type { Signature } from "../../bindings/Signature";
import type { SignatureImportReport } from "../../bindings/SignatureImportReport";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { ChevronLeftIcon, DownloadIcon, MailIcon, PencilIcon, PlusIcon, UploadIcon, UsersIcon } from "../../components/Icons";
import { Tooltip } from "../../components/Tooltip";
import { useToast } from "../../components/Toasts";
import { formatDate } from "../../lib/dates";
import { ExportDialog } from "./ExportDialog";
import { InviteDialog, NotSignedDialog } from "./InviteDialogs";
import { LetterStatusPill } from "./pills";
import { AddSignatureDialog, SignatureEditDialog, SignatureStateDialog } from "./SignatureDialogs";
import { SignatureImportWizard } from "./SignatureImportWizard";
import { SignatureTable, type PublishFlag } from "./SignatureTable";
import { inputFromSignature } from "./signatures";
import { HistoryPanel } from "../history/HistoryPanel";

type OpenDialog =
  | { kind: "none" }
  | { kind: "state"; signature: Signature }
  | { kind: "edit"; signature: Signature }
  | { kind: "add" }
  | { kind: "invite" }
  | { kind: "notSigned" }
  | { kind: "export" }
  | { kind: "import" };

function StatCard({ label, value, tone, testId }: { label: string; value: number; tone?: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <div className={`stat ${tone ? `stat-${tone}` : ""}`} data-testid={testId}>
      <div className="stat-value">{value.toLocaleString(i18n.language)}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/** One letter: header, counts, signatures with their actions, and the letter's dialogs. */
export function LetterDetailView({
  detail,
  loading,
  error,
  onRetry,
  onReload,
  onBack,
  onEdit,
  onChanged,
  openExport = false,
}: {
  detail: LetterDetail | null;
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
  /** Refetch the detail (after an import or an export). */
  onReload: () => void;
  onBack: () => void;
  onEdit: (letter: Letter) => void;
  /** A mutation returned the fresh detail. */
  onChanged: (detail: LetterDetail) => void;
  /** Start with the export dialog open (from the command palette). */
  openExport?: boolean;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [dialog, setDialog] = useState<OpenDialog>(openExport ? { kind: "export" } : { kind: "none" });
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const close = useCallback(() => setDialog({ kind: "none" }), []);

  const letter = detail?.letter;

  const saved = (d: LetterDetail) => {
    setDialog({ kind: "none" });
    onChanged(d);
  };

  const togglePublish = useCallback(
    async (signature: Signature, flag: PublishFlag) => {
      if (!letter) return;
      setBusy((prev) => new Set(prev).add(signature.organisation_id));
      try {
        const next = await backend.signatureSet(
          letter.id,
          signature.organisation_id,
          inputFromSignature(signature, { [flag]: !signature[flag] }),
        );
        onChanged(next);
      } catch (raw) {
        toast.error(raw, t("signatures.saveFailed"));
      } finally {
        setBusy((prev) => {
          const next = new Set(prev);
          next.delete(signature.organisation_id);
          return next;
        });
      }
    },
    [backend, letter, onChanged, t, toast],
  );

  const onChangeState = useCallback((signature: Signature) => setDialog({ kind: "state", signature }), []);
  const onEditSignature = useCallback((signature: Signature) => setDialog({ kind: "edit", signature }), []);

  const onImported = (report: SignatureImportReport) => {
    onReload();
    toast.success(
      t("wizard.signatures.done"),
      t("wizard.signatures.doneSummary", { signed: report.signed, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected }),
    );
  };

  return (
    <div className="letter-detail" data-testid="letter-detail" aria-label={letter?.title ?? t("letters.detailLabel")}>
      <header className="page-header letter-header">
        <div className="letter-heading">
          <Tooltip content={t("letters.back")} shortcut={t("keys.esc")}>
            <button type="button" className="icon-btn" onClick={onBack} aria-label={t("letters.back")} data-testid="letter-back">
              <ChevronLeftIcon size={16} />
            </button>
          </Tooltip>
          <div className="letter-heading-text">
            <h1 className="page-title letter-title">{letter ? letter.title : loading ? t("common.loading") : t("letters.detailLabel")}</h1>
            {letter && (
              <div className="detail-subtitle">
                <span className="reference">{letter.reference}</span>
                <LetterStatusPill status={letter.status} />
                <span>{t(`letterKind.${letter.kind}`)}</span>
                {letter.deadline && (
                  <>
                    <span className="dot-sep" aria-hidden="true">
                      ·
                    </span>
                    <span data-testid="letter-deadline">{t("letters.deadline", { date: formatDate(letter.deadline) })}</span>
                  </>
                )}
                {letter.published_on && (
                  <>
                    <span className="dot-sep" aria-hidden="true">
                      ·
                    </span>
                    <span>{t("letters.publishedOn", { date: formatDate(letter.published_on) })}</span>
                  </>
                )}
                {letter.target && (
                  <>
                    <span className="dot-sep" aria-hidden="true">
                      ·
                    </span>
                    <span>{t("letters.to", { target: letter.target })}</span>
                  </>
                )}
              </div>
            )}
          </div>
        </div>
        {letter && (
          <div className="toolbar" role="toolbar" aria-label={t("letters.detailToolbar")}>
            <Button icon={<PencilIcon size={14} />} onClick={() => onEdit(letter)} data-testid="letter-edit">
              {t("letters.edit")}
            </Button>
            <Button icon={<UploadIcon size={14} />} onClick={() => setDialog({ kind: "import" })} data-testid="signatures-import">
              {t("letters.import")}
            </Button>
            <Button icon={<DownloadIcon size={14} />} onClick={() => setDialog({ kind: "export" })} data-testid="letter-export">
              {t("letters.export")}
            </Button>
          </div>
        )}
      </header>

      {error && (
        <div className="page-banner">
          <ErrorBanner error={error} onRetry={onRetry} testId="letter-error" />
        </div>
      )}

      {letter && detail && (
        <div className="letter-scroll">
          <div className="stats letter-stats" data-testid="letter-counts">
            <StatCard label={t("counts.signed")} value={detail.counts.signed} tone="good" testId="count-signed" />
            <StatCard label={t("counts.invited")} value={detail.counts.invited} testId="count-invited" />
            <StatCard label={t("counts.silent")} value={detail.counts.silent} tone="warn" testId="count-silent" />
            <StatCard label={t("counts.declined")} value={detail.counts.declined} tone={detail.counts.declined ? "bad" : ""} testId="count-declined" />
            <StatCard label={t("counts.withdrawn")} value={detail.counts.withdrawn} testId="count-withdrawn" />
          </div>

          <section className="letter-section" aria-labelledby="letter-signatures-title">
            <div className="section-head">
              <h2 className="section-title" id="letter-signatures-title">
                {t("signatures.title")}
              </h2>
              <div className="section-actions">
                <Button size="sm" variant="ghost" icon={<UsersIcon size={14} />} onClick={() => setDialog({ kind: "notSigned" })} data-testid="letter-not-signed">
                  {t("letters.notSigned")}
                </Button>
                <Button size="sm" variant="ghost" icon={<MailIcon size={14} />} onClick={() => setDialog({ kind: "invite" })} data-testid="letter-invite">
                  {t("letters.invite")}
                </Button>
                <Button size="sm" variant="primary" icon={<PlusIcon size={14} />} onClick={() => setDialog({ kind: "add" })} data-testid="signature-add">
                  {t("signatures.add")}
                </Button>
              </div>
            </div>
            <SignatureTable
              signatures={detail.signatures}
              busy={busy}
              onChangeState={onChangeState}
              onEdit={onEditSignature}
              onTogglePublish={togglePublish}
            />
          </section>

          {(letter.body || letter.link || letter.languages.length > 0) && (
            <section className="letter-section" aria-labelledby="letter-text-title">
              <h2 className="section-title" id="letter-text-title">
                {t("letters.text")}
              </h2>
              <dl className="props props-inline">
                {letter.languages.length > 0 && (
                  <div className="prop">
                    <dt className="prop-label">{t("letterForm.languages")}</dt>
                    <dd className="prop-value">
                      {letter.languages.map((code) => (
                        <span key={code} className="tag">
                          {code}
                        </span>
                      ))}
                    </dd>
                  </div>
                )}
                {letter.link && (
                  <div className="prop">
                    <dt className="prop-label">{t("letterForm.link")}</dt>
                    <dd className="prop-value selectable">{letter.link}</dd>
                  </div>
                )}
              </dl>
              {letter.body && <p className="letter-body selectable">{letter.body}</p>}
            </section>
          )}

          <HistoryPanel entity="letter" id={letter.id} onChanged={onReload} />

          <SignatureStateDialog
            letterId={letter.id}
            signature={dialog.kind === "state" ? dialog.signature : null}
            onClose={close}
            onSaved={saved}
          />
          <SignatureEditDialog
            letterId={letter.id}
            signature={dialog.kind === "edit" ? dialog.signature : null}
            onClose={close}
            onSaved={saved}
          />
          <AddSignatureDialog
            open={dialog.kind === "add"}
            letterId={letter.id}
            existing={detail.signatures}
            onClose={close}
            onSaved={(d, name) => {
              saved(d);
              toast.success(t("signatures.added", { name }));
            }}
          />
          <InviteDialog open={dialog.kind === "invite"} letterId={letter.id} onClose={close} onInvited={onChanged} />
          <NotSignedDialog open={dialog.kind === "notSigned"} letterId={letter.id} onClose={close} />
          <ExportDialog open={dialog.kind === "export"} detail={detail} onClose={close} onExported={onReload} />
          <SignatureImportWizard open={dialog.kind === "import"} letterId={letter.id} onClose={close} onImported={onImported} />
        </div>
      )}
    </div>
  );
}
