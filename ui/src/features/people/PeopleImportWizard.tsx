import { useTranslation } from "react-i18next";
import type { PeopleImportReport } from "../../bindings/PeopleImportReport";
import { useBackend } from "../../api/context";
import { TableImportWizard, readTable, type ChosenTable } from "../../components/ImportWizard";

/** Reads a people file for the wizard: first rows and the core's guessed columns. */
export function useReadPeopleFile(): (path: string) => Promise<ChosenTable> {
  const backend = useBackend();
  return (path) => readTable(path, backend.importPreview, backend.peopleGuessColumns);
}

/**
 * Import people through the shared wizard: the file chosen in the open dialog, its columns
 * mapped to fields, its rows with the dry run's problems (and possible duplicates), then the import.
 */
export function PeopleImportWizard({
  start,
  onClose,
  onCommitted,
}: {
  start: ChosenTable | null;
  onClose: () => void;
  onCommitted: (report: PeopleImportReport) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const read = useReadPeopleFile();
  const labels: Record<string, string> = {
    given_name: t("people.import.fields.given_name"),
    family_name: t("people.import.fields.family_name"),
    display_name: t("people.import.fields.display_name"),
    honorific: t("people.import.fields.honorific"),
    email: t("people.import.fields.email"),
    email_work: t("people.import.fields.email_work"),
    email_personal: t("people.import.fields.email_personal"),
    phone: t("people.import.fields.phone"),
    mobile: t("people.import.fields.mobile"),
    country: t("people.import.fields.country"),
    languages: t("people.import.fields.languages"),
    organisation: t("people.import.fields.organisation"),
    job_title: t("people.import.fields.job_title"),
    focal_point: t("people.import.fields.focal_point"),
    notes: t("people.import.fields.notes"),
    lawful_basis: t("privacy.fields.lawfulBasis"),
    source: t("privacy.fields.source"),
    consent_date: t("privacy.fields.consentDate"),
    sensitive: t("privacy.fields.sensitiveColumn"),
  };
  return (
    <TableImportWizard<PeopleImportReport>
      start={start}
      onClose={onClose}
      onCommitted={onCommitted}
      title={t("people.import.title")}
      testPrefix="people-import"
      fieldLabel={(field) => labels[field] ?? field}
      read={read}
      run={backend.peopleImport}
      rejected={(report) => report.skipped}
      skipLabel={(count) => t("people.import.skip", { count })}
      stats={(report, dryRun) => [
        { label: t("people.import.rows"), value: report.rows, testId: "people-import-rows" },
        { label: dryRun ? t("people.import.wouldCreate") : t("people.import.created"), value: report.created, tone: "good", testId: "people-import-created" },
        { label: dryRun ? t("people.import.wouldUpdate") : t("people.import.updated"), value: report.updated, tone: "info", testId: "people-import-updated" },
        { label: t("people.import.unchanged"), value: report.unchanged, testId: "people-import-unchanged" },
        { label: t("people.import.skipped"), value: report.skipped, tone: report.skipped ? "bad" : "", testId: "people-import-skipped" },
      ]}
      extra={(report) =>
        report.possible_duplicates.length > 0 && (
          <div className="issues">
            <h3 className="section-title">{t("people.import.duplicatesTitle", { count: report.possible_duplicates.length })}</h3>
            <div className="issues-scroll">
              <table className="issues-table">
                <thead>
                  <tr>
                    <th scope="col">{t("people.import.line")}</th>
                    <th scope="col">{t("people.import.field")}</th>
                    <th scope="col">{t("people.import.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.possible_duplicates.map((issue, i) => (
                    <tr key={`${issue.line}-${i}`} data-testid="people-import-duplicate">
                      <td className="num">{issue.line}</td>
                      <td>
                        <code>{issue.field}</code>
                      </td>
                      <td>{issue.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )
      }
    />
  );
}
