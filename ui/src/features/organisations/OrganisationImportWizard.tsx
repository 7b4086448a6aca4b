import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../bindings/ImportReport";
import { useBackend } from "../../api/context";
import { TableImportWizard, readTable, type ChosenTable } from "../../components/ImportWizard";

/** Reads an organisations file for the wizard: first rows and the core's guessed columns. */
export function useReadOrganisationsFile(): (path: string) => Promise<ChosenTable> {
  const backend = useBackend();
  return (path) => readTable(path, backend.importPreview, backend.orgsGuessColumns);
}

/**
 * Import organisations through the shared wizard: the file chosen in the open dialog, its
 * columns mapped to fields, its rows with the dry run's problems, then the import.
 */
export function OrganisationImportWizard({
  start,
  onClose,
  onCommitted,
}: {
  start: ChosenTable | null;
  onClose: () => void;
  onCommitted: (report: ImportReport) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const read = useReadOrganisationsFile();
  const labels: Record<string, string> = {
    name: t("import.fields.name"),
    short_name: t("import.fields.short_name"),
    country: t("import.fields.country"),
    type: t("import.fields.type"),
    website: t("import.fields.website"),
    email: t("import.fields.email"),
    phone: t("import.fields.phone"),
    notes: t("import.fields.notes"),
    membership_status: t("import.fields.membership_status"),
    tier: t("import.fields.tier"),
    joined_on: t("import.fields.joined_on"),
  };
  return (
    <TableImportWizard<ImportReport>
      start={start}
      onClose={onClose}
      onCommitted={onCommitted}
      title={t("import.title")}
      testPrefix="import"
      fieldLabel={(field) => labels[field] ?? field}
      read={read}
      run={backend.orgsImport}
      rejected={(report) => report.rejected}
      skipLabel={(count) => t("import.skip", { count })}
      stats={(report, dryRun) => [
        { label: t("import.rows"), value: report.rows, testId: "import-rows" },
        { label: dryRun ? t("import.wouldCreate") : t("import.created"), value: report.created, tone: "good", testId: "import-created" },
        { label: dryRun ? t("import.wouldUpdate") : t("import.updated"), value: report.updated, tone: "info", testId: "import-updated" },
        { label: t("import.unchanged"), value: report.unchanged, testId: "import-unchanged" },
        { label: t("import.rejected"), value: report.rejected, tone: report.rejected ? "bad" : "", testId: "import-rejected" },
      ]}
    />
  );
}
