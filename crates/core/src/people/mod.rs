//! People: staff of member organisations, survivors, experts, and every policy-maker (a
//! policy-maker is a person with an office). Their names, labelled emails and phones,
//! languages, dated affiliations to organisations, list view, import and export, and the
//! flagging of possible duplicates (never merged silently).

mod export;
mod import;
mod model;
pub(crate) mod rules;
pub(crate) mod store;

pub use export::{
    export_csv, export_csv_file, export_csv_file_with_progress, export_csv_with_progress, export_json, export_json_file,
    export_json_file_with_progress, export_json_with_progress, log_entry, CSV_COLUMNS,
};
pub use import::{
    guess_columns, import_bytes, import_bytes_with_progress, import_file, import_file_with_progress, PeopleImportReport,
};
pub use model::{
    Affiliation, AffiliationInput, EmailLabel, LabelledEmail, LawfulBasis, LabelledPhone, NewPerson, OrganisationPerson, Person,
    PersonDetail, PersonDuplicate, PersonDuplicateReason, PersonInput, PersonPage, PersonQuery, PersonRef, PersonRow,
    PersonSort, PhoneLabel, PolicyMakerFilter,
};
pub use store::MAX_PAGE;

use crate::error::Result;
use crate::Store;

/// Creates a person, with a first affiliation when given, in one transaction.
pub fn create(store: &Store, input: NewPerson) -> Result<PersonDetail> {
    store.write(|conn| {
        let person = store::insert(conn, &input.person)?;
        if let Some(affiliation) = &input.affiliation {
            store::add_affiliation(conn, &person.id, affiliation)?;
        }
        store::detail(conn, &person.id)
    })
}

/// Edits a person's own fields (names, contacts, languages, country, notes).
pub fn update(store: &Store, id: &str, input: PersonInput) -> Result<PersonDetail> {
    store.write(|conn| {
        store::update(conn, id, &input)?;
        store::detail(conn, id)
    })
}

/// Archives (hides, never deletes) or restores a person.
pub fn set_archived(store: &Store, id: &str, archived: bool) -> Result<PersonDetail> {
    store.write(|conn| {
        store::set_archived(conn, id, archived)?;
        store::detail(conn, id)
    })
}

/// One person's fields only.
pub fn get(store: &Store, id: &str) -> Result<Person> {
    store.read(|conn| store::get(conn, id))
}

/// One person with affiliations, last contact, office and possible duplicates.
pub fn detail(store: &Store, id: &str) -> Result<PersonDetail> {
    store.read(|conn| store::detail(conn, id))
}

/// One page of the people list.
pub fn list(store: &Store, query: &PersonQuery) -> Result<PersonPage> {
    store.read(|conn| store::list(conn, query))
}

/// Every row of a list view, for scripts (sensitive people included, like the list).
pub fn list_all(store: &Store, query: &PersonQuery) -> Result<Vec<PersonRow>> {
    let query = PersonQuery { include_sensitive: Some(true), ..query.clone() };
    store.read(|conn| {
        let mut rows = Vec::new();
        store::for_each_row(conn, &query, |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    })
}

/// Adds an affiliation to a person; returns the person's detail.
pub fn add_affiliation(store: &Store, person_id: &str, input: AffiliationInput) -> Result<PersonDetail> {
    store.write(|conn| {
        store::add_affiliation(conn, person_id, &input)?;
        store::detail(conn, person_id)
    })
}

/// Edits an affiliation; returns the person's detail.
pub fn update_affiliation(store: &Store, id: &str, input: AffiliationInput) -> Result<PersonDetail> {
    store.write(|conn| {
        let (affiliation, _) = store::update_affiliation(conn, id, &input)?;
        store::detail(conn, &affiliation.person_id)
    })
}

/// Ends an affiliation on a date (today when none), keeping it in the history.
pub fn end_affiliation(store: &Store, id: &str, on: Option<String>) -> Result<PersonDetail> {
    store.write(|conn| {
        let affiliation = store::end_affiliation(conn, id, on.as_deref())?;
        store::detail(conn, &affiliation.person_id)
    })
}

/// Deletes an affiliation entered by mistake; returns the person's detail.
pub fn delete_affiliation(store: &Store, id: &str) -> Result<PersonDetail> {
    store.write(|conn| {
        let person_id = store::delete_affiliation(conn, id)?;
        store::detail(conn, &person_id)
    })
}

/// An organisation's people, current and former, focal points marked.
pub fn for_organisation(store: &Store, organisation_id: &str) -> Result<Vec<OrganisationPerson>> {
    store.read(|conn| {
        crate::organisations::store::get(conn, organisation_id)?;
        store::organisation_people(conn, organisation_id)
    })
}

/// Possible duplicates among people not archived: a shared email, or the same name (case
/// and accents folded) with a current affiliation to the same organisation.
pub fn duplicates(store: &Store) -> Result<Vec<PersonDuplicate>> {
    store.read(|conn| store::duplicates(conn, None))
}
