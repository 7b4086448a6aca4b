import { vi, type Mock } from "vitest";
import type { PeopleApi } from "../../api/people";
import { PEOPLE_FIELDS, guessColumns } from "./columns";
import type { PeopleImportReport } from "../../bindings/PeopleImportReport";
import type { Person } from "../../bindings/Person";
import type { PersonDetail } from "../../bindings/PersonDetail";
import type { PersonRow } from "../../bindings/PersonRow";

export type FakePeople = { [K in keyof PeopleApi]: Mock<PeopleApi[K]> };

const GIVEN = ["Heidi", "Michael", "Cathal", "Mié", "Iain", "Anna", "Jonas", "Lea"];
const FAMILY = ["De Pauw", "Tunks", "Delaney", "Kohiyama", "Drennan", "Novak", "Berg", "Rossi"];

export function makePersonRow(i: number, overrides: Partial<PersonRow> = {}): PersonRow {
  const given = GIVEN[i % GIVEN.length] ?? "Ann";
  const family = `${FAMILY[i % FAMILY.length] ?? "Smith"} ${i}`;
  return {
    id: `person-${i}`,
    display_name: `${given} ${family}`,
    given_name: given,
    family_name: family,
    honorific: null,
    email: `p${i}@example.org`,
    phone: null,
    country: i % 2 ? "BE" : "FR",
    languages: ["en"],
    organisation_id: i % 3 === 0 ? null : `org-${i % 5}`,
    organisation: i % 3 === 0 ? null : `Organisation ${i % 5}`,
    job_title: i % 3 === 0 ? null : "Policy officer",
    focal_point: i % 4 === 1,
    last_contact: i % 2 ? "2024-03-20" : null,
    policy_maker: false,
    archived: false,
    lawful_basis: "legitimate_interest",
    source: null,
    consent_date: null,
    sensitive: false,
    ...overrides,
  };
}

export function makePerson(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    given_name: "Heidi",
    family_name: "De Pauw",
    display_name: "Heidi De Pauw",
    honorific: null,
    country: "BE",
    languages: ["en", "fr", "nl"],
    emails: [{ label: "work", email: "heidi@childfocus.be" }],
    phones: [{ label: "mobile", phone: "+32 470 00 00 00" }],
    notes: null,
    archived: false,
    lawful_basis: "legitimate_interest",
    source: "met at event",
    consent_date: null,
    sensitive: false,
    sensitive_reason: null,
    created_at: "2024-01-01T10:00:00.000Z",
    updated_at: "2024-01-02T10:00:00.000Z",
    ...overrides,
  };
}

export function makePersonDetail(id: string, overrides: Partial<PersonDetail> = {}): PersonDetail {
  return {
    person: makePerson(id),
    affiliations: [
      {
        id: `aff-${id}-1`,
        person_id: id,
        organisation_id: "org-1",
        organisation_name: "Child Focus",
        job_title: "CEO",
        starts_on: "2020-01-01",
        ends_on: null,
        focal_point: true,
        current: true,
      },
      {
        id: `aff-${id}-0`,
        person_id: id,
        organisation_id: "org-2",
        organisation_name: "Missing Children Europe",
        job_title: "Policy officer",
        starts_on: "2015-01-01",
        ends_on: "2019-12-31",
        focal_point: false,
        current: false,
      },
    ],
    last_contact: "2024-03-20",
    policy_maker: false,
    possible_duplicates: [],
    ...overrides,
  };
}

export const EMPTY_PEOPLE_REPORT: PeopleImportReport = {
  rows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  issues: [],
  possible_duplicates: [],
  ignored_columns: [],
  committed: true,
};

/** Fakes of the people backend methods, with small plausible data (25 people, paged). */
export function fakePeople(): FakePeople {
  const rows = Array.from({ length: 25 }, (_, i) => makePersonRow(i));
  return {
    peopleList: vi.fn<PeopleApi["peopleList"]>(async (query) => {
      const text = query.text?.toLowerCase() ?? "";
      const filtered = rows.filter((r) => !text || r.display_name.toLowerCase().includes(text));
      return { rows: filtered.slice(query.offset, query.offset + query.limit), total: filtered.length, offset: query.offset };
    }),
    personGet: vi.fn<PeopleApi["personGet"]>(async (id) => makePersonDetail(id)),
    personCreate: vi.fn<PeopleApi["personCreate"]>(async (input) =>
      makePersonDetail("person-new", {
        person: makePerson("person-new", {
          given_name: input.person.given_name,
          family_name: input.person.family_name,
          display_name: `${input.person.given_name} ${input.person.family_name}`.trim(),
        }),
      }),
    ),
    personUpdate: vi.fn<PeopleApi["personUpdate"]>(async (id) => makePersonDetail(id)),
    personSetArchived: vi.fn<PeopleApi["personSetArchived"]>(async (id, archived) =>
      makePersonDetail(id, { person: makePerson(id, { archived }) }),
    ),
    affiliationAdd: vi.fn<PeopleApi["affiliationAdd"]>(async (personId) => makePersonDetail(personId)),
    affiliationUpdate: vi.fn<PeopleApi["affiliationUpdate"]>(async () => makePersonDetail("person-1")),
    affiliationEnd: vi.fn<PeopleApi["affiliationEnd"]>(async () => makePersonDetail("person-1")),
    affiliationDelete: vi.fn<PeopleApi["affiliationDelete"]>(async () => makePersonDetail("person-1")),
    organisationPeople: vi.fn<PeopleApi["organisationPeople"]>(async () => []),
    peopleDuplicates: vi.fn<PeopleApi["peopleDuplicates"]>(async () => []),
    peopleImport: vi.fn<PeopleApi["peopleImport"]>(async () => EMPTY_PEOPLE_REPORT),
    peopleGuessColumns: vi.fn<PeopleApi["peopleGuessColumns"]>(async (headers) => guessColumns(PEOPLE_FIELDS, headers)),
    peopleExportCsv: vi.fn<PeopleApi["peopleExportCsv"]>(async () => rows.length),
    peopleExportJson: vi.fn<PeopleApi["peopleExportJson"]>(async () => rows.length),
  };
}
