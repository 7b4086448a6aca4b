use coalition_core::memberships::{self, MembershipStatus, MembershipTier, MembershipUpdate, NewMembership, StatusChangeInput};
use coalition_core::ApiError;

use super::{add, add_member, store};

fn change(status: MembershipStatus, on: &str, note: &str) -> StatusChangeInput {
    StatusChangeInput { status, effective_on: on.into(), note: Some(note.into()) }
}

#[test]
fn every_status_change_is_kept_with_its_date_and_note() {
    let store = store();
    let org = add_member(&store, "Eurochild", "BE", MembershipStatus::Applied, MembershipTier::Full, "2022-04-01").organisation;
    memberships::change_status(&store, &org.id, change(MembershipStatus::Active, "2022-05-01", "Approved by the steering group")).unwrap();
    let detail = memberships::change_status(&store, &org.id, change(MembershipStatus::Withdrawn, "2024-01-31", "Left")).unwrap();
    let membership = detail.membership.unwrap();
    assert_eq!(membership.status, MembershipStatus::Withdrawn);
    assert_eq!(membership.joined_on.as_deref(), Some("2022-04-01"));
    assert_eq!(membership.left_on.as_deref(), Some("2024-01-31"));
    let steps: Vec<_> = detail.history.iter().map(|h| (h.from_status, h.to_status, h.effective_on.as_str(), h.note.as_deref())).collect();
    assert_eq!(
        steps,
        [
            (None, MembershipStatus::Applied, "2022-04-01", Some("Membership recorded")),
            (Some(MembershipStatus::Applied), MembershipStatus::Active, "2022-05-01", Some("Approved by the steering group")),
            (Some(MembershipStatus::Active), MembershipStatus::Withdrawn, "2024-01-31", Some("Left")),
        ]
    );
    // Rejoining clears the left date.
    let back = memberships::change_status(&store, &org.id, change(MembershipStatus::Active, "2025-01-01", "Back")).unwrap();
    assert_eq!(back.membership.unwrap().left_on, None);
}

#[test]
fn becoming_active_sets_a_missing_joined_date() {
    let store = store();
    let org = add(&store, "Thorn", "US").organisation;
    memberships::start(&store, &org.id, NewMembership { status: MembershipStatus::Prospect, tier: MembershipTier::Full, joined_on: None }).unwrap();
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d").to_string();
    let detail = memberships::change_status(&store, &org.id, change(MembershipStatus::Active, &today, "")).unwrap();
    assert_eq!(detail.membership.unwrap().joined_on.as_deref(), Some(today.as_str()));
    assert_eq!(detail.history.last().unwrap().note, None, "a blank note is stored as none");
}

#[test]
fn bad_changes_are_refused_with_their_field() {
    let store = store();
    let org = add_member(&store, "Eurochild", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-04-01").organisation;
    let same = ApiError::from(memberships::change_status(&store, &org.id, change(MembershipStatus::Active, "2023-01-01", "")).unwrap_err());
    assert_eq!((same.field.as_deref(), same.message.as_str()), (Some("status"), "status is already active"));
    let early = ApiError::from(memberships::change_status(&store, &org.id, change(MembershipStatus::Suspended, "2021-01-01", "")).unwrap_err());
    assert_eq!(early.field.as_deref(), Some("effective_on"));
    assert_eq!(early.message, "effective date 2021-01-01 is before the last status change (2022-04-01)");
    let bad_date = ApiError::from(memberships::change_status(&store, &org.id, change(MembershipStatus::Suspended, "31/12/2023", "")).unwrap_err());
    assert_eq!(bad_date.field.as_deref(), Some("effective_on"));
    let order = ApiError::from(
        memberships::update(&store, &org.id, MembershipUpdate { tier: MembershipTier::Full, joined_on: Some("2022-04-01".into()), left_on: Some("2020-01-01".into()) })
            .unwrap_err(),
    );
    assert_eq!(order.field.as_deref(), Some("left_on"));
    assert_eq!(super::count(&store, "membership_status_changes"), 1, "refusals write nothing");
}

#[test]
fn a_second_membership_is_refused_and_a_missing_one_named() {
    let store = store();
    let org = add_member(&store, "Eurochild", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-04-01").organisation;
    let again = memberships::start(&store, &org.id, NewMembership { status: MembershipStatus::Active, tier: MembershipTier::Full, joined_on: None });
    assert_eq!(again.unwrap_err().code(), "conflict");
    let plain = add(&store, "Thorn", "US").organisation;
    let missing = memberships::change_status(&store, &plain.id, change(MembershipStatus::Active, "2023-01-01", ""));
    assert_eq!(missing.unwrap_err().code(), "conflict");
}

#[test]
fn tier_and_dates_change_without_touching_the_status_history() {
    let store = store();
    let org = add_member(&store, "NSPCC", "GB", MembershipStatus::Active, MembershipTier::Associate, "2022-06-01").organisation;
    let detail = memberships::update(&store, &org.id, MembershipUpdate { tier: MembershipTier::Full, joined_on: Some("2022-05-15".into()), left_on: None }).unwrap();
    let membership = detail.membership.unwrap();
    assert_eq!((membership.tier, membership.joined_on.as_deref()), (MembershipTier::Full, Some("2022-05-15")));
    assert_eq!(detail.history.len(), 1);
}
