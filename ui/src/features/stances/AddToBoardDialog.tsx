import { useEffect, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import type { PolicyMakerRow } from "../../bindings/PolicyMakerRow";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";

const LIMIT = 8;

/** Policy-makers whose name holds `text` (two letters at least), a few at a time. */
export function usePolicyMakerSearch(text: string, enabled: boolean): { rows: PolicyMakerRow[]; error: ApiError | null } {
  const backend = useBackend();
  const [rows, setRows] = useState<PolicyMakerRow[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const needle = text.trim();
    if (!enabled || needle.length < 2) {
      setRows([]);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      backend
        .policyMakersList({ text: needle, offices: [], groups: [], countries: [], committee: null, statuses: [], offset: 0, limit: LIMIT })
        .then(
          (page) => {
            if (!live) return;
            setRows(page.rows);
            setError(null);
          },
          (raw: unknown) => live && setError(toApiError(raw)),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, enabled, text]);
  return { rows, error };
}

/**
 * Finds a policy-maker by name to put on the board: choosing one opens the evidence dialog
 * (a first stance is what puts someone on the board). Enter picks the first match.
 */
export function AddToBoardDialog({
  open,
  onOpenChange,
  onPick,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (row: PolicyMakerRow) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  useEffect(() => {
    if (open) setText("");
  }, [open]);
  const { rows, error } = usePolicyMakerSearch(text, open);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" && rows[0]) {
      event.preventDefault();
      onPick(rows[0]);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("stances.add.title")} description={t("stances.add.description")} testId="stance-add-dialog">
      {error && <ErrorBanner error={error} testId="stance-add-error" />}
      <input
        className="input"
        type="search"
        autoComplete="off"
        aria-label={t("stances.add.search")}
        placeholder={t("stances.add.search")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="stance-add-search"
      />
      <ul className="stance-add-results" aria-live="polite">
        {rows.map((row) => (
          <li key={row.id}>
            <button type="button" className="stance-add-result" onClick={() => onPick(row)} data-testid="stance-add-result">
              <span className="stance-card-name">{row.display_name}</span>
              <span className="cell-muted">{[row.group_code, row.country, row.ep_id ? `EP ${row.ep_id}` : null].filter(Boolean).join(" · ")}</span>
            </button>
          </li>
        ))}
        {text.trim().length >= 2 && rows.length === 0 && !error && <li className="cell-muted">{t("stances.add.none")}</li>}
      </ul>
    </Dialog>
  );
}
