use coalition_core::demo;
use coalition_core::memberships::{MembershipStatus, MembershipTier};
use coalition_core::organisations::{self, OrganisationQuery};

use super::store;

#[test]
fn demo_data_loads_once_with_the_steering_group_as_active_full_members() {
    let store = store();
    let first = demo::load(&store).unwrap();
    assert_eq!(first.organisations_added as usize, demo::organisation_count());
    let second = demo::load(&store).unwrap();
    assert_eq!((second.organisations_added as usize, second.organisations_present as usize), (0, demo::organisation_count()));
    assert_eq!(super::count(&store, "organisations") as usize, demo::organisation_count());

    let rows = organisations::list_all(&store, &OrganisationQuery::default()).unwrap();
    for name in ["Brave Movement", "ECPAT International", "Eurochild", "Missing Children Europe", "Internet Watch Foundation", "Terre des Hommes", "Thorn"] {
        let row = rows.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!((row.membership_status, row.tier), (Some(MembershipStatus::Active), Some(MembershipTier::Full)), "{name}");
    }
    let child_focus = rows.iter().find(|r| r.name == "Child Focus").unwrap();
    assert_eq!(child_focus.country, "BE");
    let iwf = rows.iter().find(|r| r.short_name.as_deref() == Some("IWF")).unwrap();
    assert_eq!(iwf.country, "GB");
}
