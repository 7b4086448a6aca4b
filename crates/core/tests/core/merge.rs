use coalition_core::letters::{self, LetterInput, SignatureInput, SignatureState};
use coalition_core::memberships::{MembershipStatus, MembershipTier};
use coalition_core::organisations::{self, OrganisationQuery};
use coalition_core::Store;

use super::{add, count, input, store};

fn letter(store: &Store, reference: &str) -> String {
    letters::create(store, LetterInput { reference: reference.into(), title: reference.into(), ..Default::default() }).unwrap().letter.id
}

fn sign(store: &Store, letter: &str, org: &str, state: SignatureState) {
    letters::sign(store, letter, org, SignatureInput { state, date: Some("2023-01-01".into()), ..Default::default() }).unwrap();
}

#[test]
fn merging_moves_membership_and_signatures_and_undo_restores_everything() {
    let store = store();
    let keep = add(&store, "Terre des Hommes Netherlands", "NL").organisation.id;
    let mut edit = input("Terre des Hommes Netherlands", "NL");
    edit.phone = Some("+31 70 310 5000".into());
    organisations::update(&store, &keep, edit).unwrap();
    let mut dropped_input = input("TdH NL", "NL");
    dropped_input.website = Some("www.terredeshommes.nl".into());
    let drop = organisations::create(
        &store,
        organisations::NewOrganisation {
            organisation: dropped_input,
            membership: Some(coalition_core::memberships::NewMembership { status: MembershipStatus::Active, tier: MembershipTier::Full, joined_on: Some("2022-04-01".into()) }),
        },
    )
    .unwrap()
    .organisation
    .id;
    let first = letter(&store, "first");
    let second = letter(&store, "second");
    sign(&store, &first, &drop, SignatureState::Signed);
    sign(&store, &second, &drop, SignatureState::Signed);
    sign(&store, &second, &keep, SignatureState::Invited);
    let orgs_before = count(&store, "organisations");
    let signatures_before = count(&store, "signatures");

    let report = organisations::merge(&store, &keep, &drop).unwrap();
    assert!(report.membership_moved);
    assert_eq!((report.signatures_moved, report.signatures_dropped), (2, 1), "the signed answer beats the invitation");
    assert_eq!(report.kept.website.as_deref(), Some("https://www.terredeshommes.nl"), "blank fields are filled");
    assert_eq!(report.kept.phone.as_deref(), Some("+31 70 310 5000"), "filled fields stay");
    assert_eq!(count(&store, "organisations"), orgs_before - 1);
    let detail = organisations::get(&store, &keep).unwrap();
    assert_eq!(detail.membership.unwrap().status, MembershipStatus::Active);
    let second_detail = letters::get(&store, &second).unwrap();
    assert_eq!(second_detail.signatures.len(), 1);
    assert_eq!(second_detail.signatures[0].state, SignatureState::Signed);
    assert_eq!(second_detail.signatures[0].organisation_id, keep);

    let restored = organisations::undo_merge(&store, report.audit_seq).unwrap();
    assert_eq!(restored.id, drop);
    assert_eq!(count(&store, "organisations"), orgs_before);
    assert_eq!(count(&store, "signatures"), signatures_before);
    assert_eq!(organisations::get(&store, &keep).unwrap().organisation.website, None);
    assert!(organisations::get(&store, &keep).unwrap().membership.is_none());
    assert_eq!(organisations::get(&store, &drop).unwrap().membership.unwrap().joined_on.as_deref(), Some("2022-04-01"));
    let second_detail = letters::get(&store, &second).unwrap();
    let states: Vec<(String, SignatureState)> = second_detail.signatures.iter().map(|s| (s.organisation_id.clone(), s.state)).collect();
    assert!(states.contains(&(keep.clone(), SignatureState::Invited)));
    assert!(states.contains(&(drop.clone(), SignatureState::Signed)));
}

#[test]
fn undo_is_refused_when_a_later_change_depends_on_the_merge() {
    let store = store();
    let keep = add(&store, "Eurochild", "BE").organisation.id;
    let drop = add(&store, "Euro Child", "BE").organisation.id;
    let report = organisations::merge(&store, &keep, &drop).unwrap();
    let mut edit = input("Eurochild", "BE");
    edit.notes = Some("Edited after the merge".into());
    organisations::update(&store, &keep, edit).unwrap();
    let error = organisations::undo_merge(&store, report.audit_seq).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert!(error.to_string().contains("a later change depends on it (organisation update"), "{error}");
    assert!(organisations::merge(&store, &keep, &keep).is_err());
    assert_eq!(organisations::list(&store, &OrganisationQuery::default()).unwrap().total, 1);
}
