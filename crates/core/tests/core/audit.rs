use coalition_core::audit;
use coalition_core::memberships::{self, MembershipStatus, MembershipTier, StatusChangeInput};
use coalition_core::organisations;
use serde_json::json;

use super::{add_member, input, store};

#[test]
fn every_write_is_audited_with_before_and_after() {
    let store = store();
    let org = add_member(&store, "Eurochild", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-04-01").organisation;
    let mut edit = input("Eurochild", "BE");
    edit.website = Some("www.eurochild.org".into());
    organisations::update(&store, &org.id, edit.clone()).unwrap();
    organisations::update(&store, &org.id, edit).unwrap(); // no change: no entry
    organisations::set_archived(&store, &org.id, true).unwrap();

    let entries = store.read(|c| audit::for_entity(c, "organisation", &org.id)).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "update", "archive"]);
    assert_eq!(entries[0].before, None);
    assert_eq!(entries[0].after.as_ref().unwrap()["name"], json!("Eurochild"));
    assert_eq!(entries[1].before, Some(json!({"website": null})));
    assert_eq!(entries[1].after, Some(json!({"website": "https://www.eurochild.org"})));
    assert_eq!(entries[2].after, Some(json!({"archived": true})));
    assert!(entries.iter().all(|e| e.at.ends_with('Z')));

    memberships::change_status(&store, &org.id, StatusChangeInput { status: MembershipStatus::Suspended, effective_on: "2024-01-01".into(), note: Some("Dues".into()) }).unwrap();
    let membership = store.read(|c| audit::for_entity(c, "membership", &org.id)).unwrap();
    assert_eq!(membership.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "status_change"]);
    assert_eq!(membership[1].before.as_ref().unwrap()["status"], json!("active"));
    assert_eq!(membership[1].after.as_ref().unwrap()["status"], json!("suspended"));
    assert_eq!(membership[1].after.as_ref().unwrap()["note"], json!("Dues"));
}

#[test]
fn a_refused_write_leaves_no_audit_entry() {
    let store = store();
    add_member(&store, "Eurochild", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-04-01");
    let before = super::count(&store, "audit_log");
    let refused = organisations::create(
        &store,
        organisations::NewOrganisation {
            organisation: input("Thorn", "US"),
            membership: Some(memberships::NewMembership { status: MembershipStatus::Active, tier: MembershipTier::Full, joined_on: Some("not a date".into()) }),
        },
    );
    assert!(refused.is_err());
    assert_eq!(super::count(&store, "audit_log"), before);
    assert_eq!(super::count(&store, "organisations"), 1, "the organisation insert was rolled back with its membership");
}
