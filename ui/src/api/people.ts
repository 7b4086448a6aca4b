import type { AffiliationInput } from "../bindings/AffiliationInput";
import type { ColumnChoice } from "../bindings/ColumnChoice";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { NewPerson } from "../bindings/NewPerson";
import type { OrganisationPerson } from "../bindings/OrganisationPerson";
import type { PeopleImportReport } from "../bindings/PeopleImportReport";
import type { PersonDetail } from "../bindings/PersonDetail";
import type { PersonDuplicate } from "../bindings/PersonDuplicate";
import type { PersonInput } from "../bindings/PersonInput";
import type { PersonPage } from "../bindings/PersonPage";
import type { PersonQuery } from "../bindings/PersonQuery";
import { call } from "./call";
import { trackingArgs, type Tracking } from "./operations";

/** The backend methods for people, their affiliations, import and export. */
export interface PeopleApi {
  peopleList(query: PersonQuery): Promise<PersonPage>;
  personGet(id: string): Promise<PersonDetail>;
  personCreate(input: NewPerson): Promise<PersonDetail>;
  personUpdate(id: string, input: PersonInput): Promise<PersonDetail>;
  personSetArchived(id: string, archived: boolean): Promise<PersonDetail>;
  /** `personId`: the person the affiliation is added to. */
  affiliationAdd(personId: string, input: AffiliationInput): Promise<PersonDetail>;
  affiliationUpdate(id: string, input: AffiliationInput): Promise<PersonDetail>;
  /** Ends on `on` (today when null): kept as history. */
  affiliationEnd(id: string, on: string | null): Promise<PersonDetail>;
  affiliationDelete(id: string): Promise<PersonDetail>;
  organisationPeople(organisationId: string): Promise<OrganisationPerson[]>;
  peopleDuplicates(): Promise<PersonDuplicate[]>;
  /** With `tracking`, reports its progress and can be cancelled (`cancelOperation`). */
  peopleImport(path: string, options: ImportOptions, tracking?: Tracking): Promise<PeopleImportReport>;
  /** The people import's fields, each with the column its header names (the wizard's guesses). */
  peopleGuessColumns(headers: string[]): Promise<ColumnChoice[]>;
  /** With `tracking`, reports its progress and can be cancelled (`cancelOperation`). */
  peopleExportCsv(query: PersonQuery, path: string, tracking?: Tracking): Promise<number>;
  peopleExportJson(query: PersonQuery, path: string, tracking?: Tracking): Promise<number>;
}

export const peopleBackend: PeopleApi = {
  peopleList: (query) => call("people_list", { query }),
  personGet: (id) => call("person_get", { id }),
  personCreate: (input) => call("person_create", { input }),
  personUpdate: (id, input) => call("person_update", { id, input }),
  personSetArchived: (id, archived) => call("person_set_archived", { id, archived }),
  affiliationAdd: (personId, input) => call("affiliation_add", { id: personId, input }),
  affiliationUpdate: (id, input) => call("affiliation_update", { id, input }),
  affiliationEnd: (id, on) => call("affiliation_end", { id, on }),
  affiliationDelete: (id) => call("affiliation_delete", { id }),
  organisationPeople: (organisationId) => call("organisation_people", { id: organisationId }),
  peopleDuplicates: () => call("people_duplicates"),
  peopleImport: (path, options, tracking) => call("people_import", { path, options, ...trackingArgs(tracking) }),
  peopleGuessColumns: (headers) => call("people_guess_columns", { headers }),
  peopleExportCsv: (query, path, tracking) => call("people_export_csv", { query, path, ...trackingArgs(tracking) }),
  peopleExportJson: (query, path, tracking) => call("people_export_json", { query, path, ...trackingArgs(tracking) }),
};
