import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { MatrixQuery } from "../../bindings/MatrixQuery";
import type { MembershipStatus } from "../../bindings/MembershipStatus";
import type { SignatureMatrix } from "../../bindings/SignatureMatrix";
import type { SignatureState } from "../../bindings/SignatureState";
import { useBackend, useFilePicker } from "../../api/context";
import { toApiError } from "../../api/errors";
import { csvFilters, defaultExportFileName } from "../../api/files";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { ChevronLeftIcon, ChevronRightIcon, DownloadIcon, GridIcon } from "../../components/Icons";
import { MultiSelect, type MultiSelectOption } from "../../components/MultiSelect";
import { useToast } from "../../components/Toasts";
import { MEMBERSHIP_STATUSES } from "../organisations/enums";
import { StatusDot, StatusPillView } from "../organisations/StatusPill";
import { SIGNATURE_STATES, STATE_SYMBOL } from "./enums";

export const MATRIX_PAGE = 100;

/** Organisations × letters: who signed what, by page of 100, filtered by membership status. */
export function MatrixView() {
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const toast = useToast();
  const [statuses, setStatuses] = useState<MembershipStatus[]>([]);
  const [onlyWithSignatures, setOnlyWithSignatures] = useState(true);
  const [offset, setOffset] = useState(0);
  const [matrix, setMatrix] = useState<SignatureMatrix | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [token, setToken] = useState(0);

  const query = useMemo<MatrixQuery>(
    () => ({ statuses, only_with_signatures: onlyWithSignatures, offset, limit: MATRIX_PAGE }),
    [statuses, onlyWithSignatures, offset],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    backend.signaturesMatrix(query).then(
      (m) => {
        if (!live) return;
        setMatrix(m);
        setError(null);
        setLoading(false);
      },
      (raw: unknown) => {
        if (!live) return;
        setError(toApiError(raw));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [backend, query, token]);

  const statusOptions = useMemo<MultiSelectOption<MembershipStatus>[]>(
    () => MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), adornment: <StatusDot status={s} /> })),
    [t],
  );
  const stateLabels = useMemo(
    () => Object.fromEntries(SIGNATURE_STATES.map((s) => [s, t(`signatureState.${s}`)])) as Record<SignatureState, string>,
    [t],
  );
  const noMembership = t("membership.none");

  const exportCsv = async () => {
    try {
      const path = await files.pickSaveFile(defaultExportFileName(new Date(), "signature-matrix"), {
        title: t("matrix.saveTitle"),
        filters: csvFilters(),
      });
      if (!path) return;
      setExporting(true);
      const written = await backend.matrixExportCsv({ ...query, offset: 0 }, path);
      toast.success(t("matrix.exported", { count: written, path }));
    } catch (raw) {
      toast.error(raw, t("export.failed"));
    } finally {
      setExporting(false);
    }
  };

  const total = matrix?.total ?? 0;
  const rows = matrix?.rows ?? [];
  const letters = matrix?.letters ?? [];
  const fmt = (n: number) => n.toLocaleString(i18n.language);

  return (
    <div className="matrix-view" data-testid="signature-matrix">
      <div className="filter-bar">
        <MultiSelect
          label={t("filters.status")}
          options={statusOptions}
          selected={statuses}
          onChange={(next) => {
            setStatuses(next);
            setOffset(0);
          }}
          testId="matrix-status"
        />
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            className="switch"
            checked={onlyWithSignatures}
            onChange={(e) => {
              setOnlyWithSignatures(e.target.checked);
              setOffset(0);
            }}
            data-testid="matrix-only-signed"
          />
          <span>{t("matrix.onlyWithSignatures")}</span>
        </label>
        <span className="footer-spacer" />
        <span className="page-count" data-testid="matrix-count" aria-live="polite">
          {matrix
            ? total === 0
              ? t("matrix.none")
              : t("matrix.range", { from: fmt(offset + 1), to: fmt(offset + rows.length), total: fmt(total), count: total })
            : t("common.loading")}
        </span>
        {loading && matrix && <span className="loading-dot" aria-hidden="true" />}
        <div className="pager">
          <button
            type="button"
            className="icon-btn"
            onClick={() => setOffset(Math.max(0, offset - MATRIX_PAGE))}
            disabled={offset === 0 || loading}
            aria-label={t("matrix.previous")}
            data-testid="matrix-prev"
          >
            <ChevronLeftIcon size={16} />
          </button>
          <button
            type="button"
            className="icon-btn"
            onClick={() => setOffset(offset + MATRIX_PAGE)}
            disabled={offset + MATRIX_PAGE >= total || loading}
            aria-label={t("matrix.next")}
            data-testid="matrix-next"
          >
            <ChevronRightIcon size={16} />
          </button>
        </div>
        <Button size="sm" icon={<DownloadIcon size={14} />} onClick={exportCsv} busy={exporting} disabled={total === 0} data-testid="matrix-export">
          {t("export.button")}
        </Button>
      </div>

      {error && <ErrorBanner error={error} onRetry={() => setToken((n) => n + 1)} testId="matrix-error" />}

      {matrix && total === 0 && !error ? (
        <EmptyState icon={<GridIcon size={28} />} title={t("matrix.emptyTitle")} body={t("matrix.emptyBody")} testId="matrix-empty" />
      ) : (
        matrix && (
          <div className="matrix-scroll">
            <table className="matrix-table" aria-label={t("matrix.tableLabel")}>
              <thead>
                <tr>
                  <th scope="col" className="matrix-org">
                    {t("signatures.columns.organisation")}
                  </th>
                  <th scope="col" className="matrix-status">
                    {t("columns.status")}
                  </th>
                  {letters.map((l) => (
                    <th key={l.id} scope="col" className="matrix-letter" title={l.title} data-testid="matrix-letter">
                      <span className="matrix-letter-ref">{l.reference}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.organisation_id} data-testid="matrix-row" data-id={row.organisation_id}>
                    <th scope="row" className="matrix-org">
                      <div className="matrix-org-inner">
                        <span className="cell-name-text">{row.name}</span>
                        <span className="country-code">{row.country}</span>
                      </div>
                    </th>
                    <td className="matrix-status">
                      <StatusPillView status={row.membership_status} label={row.membership_status ? t(`status.${row.membership_status}`) : noMembership} />
                    </td>
                    {letters.map((l, i) => {
                      const state = row.cells[i] ?? null;
                      return (
                        <td
                          key={l.id}
                          className={`matrix-cell ${state ? `state-${state}` : "state-none"}`}
                          data-testid="matrix-cell"
                          data-state={state ?? ""}
                          title={state ? `${l.reference}: ${stateLabels[state]}` : `${l.reference}: ${t("signatures.notInvited")}`}
                        >
                          {state ? (
                            <span className="matrix-symbol" aria-label={stateLabels[state]}>
                              {STATE_SYMBOL[state]}
                            </span>
                          ) : (
                            <span className="sr-only">{t("signatures.notInvited")}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}

      <div className="matrix-legend" aria-label={t("matrix.legend")}>
        {SIGNATURE_STATES.map((s) => (
          <span key={s} className={`matrix-legend-item state-${s}`}>
            <span className="matrix-symbol" aria-hidden="true">
              {STATE_SYMBOL[s]}
            </span>
            {stateLabels[s]}
          </span>
        ))}
        <span className="matrix-legend-item state-none">
          <span className="matrix-symbol matrix-blank" aria-hidden="true" />
          {t("signatures.notInvited")}
        </span>
      </div>
    </div>
  );
}
