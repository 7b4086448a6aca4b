import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { pickOpenFolder, type OpenFolderPicker } from "../../api/files";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { DownloadIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The subject-access export of one person: says what it holds, asks for a folder with the
 * native dialog, writes the JSON and the PDF there, and names both files in a toast.
 * Errors stay in the dialog. Open while mounted.
 */
export function SubjectAccessDialog({
  personId,
  name,
  onClose,
  chooseFolder = pickOpenFolder,
}: {
  personId: string;
  name: string;
  onClose: () => void;
  /** Injectable for tests; the native folder dialog by default. */
  chooseFolder?: OpenFolderPicker;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async () => {
    setError(null);
    try {
      const dir = await chooseFolder({ title: t("subjectRights.sarFolderTitle") });
      if (!dir) return;
      setBusy(true);
      const paths = await backend.sarWrite(personId, dir);
      const json = paths.find((p) => p.endsWith(".json")) ?? paths[0] ?? "";
      const pdf = paths.find((p) => p.endsWith(".pdf")) ?? paths[1] ?? "";
      toast.success(t("subjectRights.sarDone"), t("subjectRights.sarDoneFiles", { json: fileName(json), pdf: fileName(pdf) }));
      onClose();
    } catch (raw) {
      setError(toApiError(raw));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !busy) onClose();
      }}
      title={t("subjectRights.sarTitle", { name })}
      testId="sar-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-testid="sar-cancel">
            {t("subjectRights.cancel")}
          </Button>
          <Button variant="primary" icon={<DownloadIcon size={14} />} onClick={() => void run()} busy={busy} data-testid="sar-export" autoFocus>
            {t("subjectRights.sarChoose")}
          </Button>
        </>
      }
    >
      <p>{t("subjectRights.sarIntro", { name })}</p>
      {busy && <p className="cell-muted">{t("subjectRights.sarWriting")}</p>}
      {error && <ErrorBanner error={error} testId="sar-error" />}
    </Dialog>
  );
}
