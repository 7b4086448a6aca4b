use coalition_core::letters::publish::{ExportFormat, ExportOptions, SignatoryOrder};
use coalition_core::letters::{self, LetterInput, SignatureInput};
use coalition_core::seats::{self, BodyKind, SeatRole, SeatTermInput};
use coalition_core::{demo, ApiError};

use super::{add, store};

fn term(body: &str, role: SeatRole, org: &str, starts: &str, ends: Option<&str>) -> SeatTermInput {
    SeatTermInput {
        body: body.into(),
        kind: BodyKind::WorkingGroup,
        role,
        organisation_id: Some(org.into()),
        person_id: None,
        starts_on: starts.into(),
        ends_on: ends.map(Into::into),
    }
}

use super::interactions::person;

#[test]
fn a_chair_has_one_holder_at_a_time_and_the_error_names_them() {
    let store = store();
    let a = add(&store, "Eurochild", "BE").organisation.id;
    let b = add(&store, "Thorn", "US").organisation.id;
    seats::add_term(&store, term("Policy working group", SeatRole::Chair, &a, "2022-04-01", Some("2023-03-31"))).unwrap();
    let error = ApiError::from(seats::add_term(&store, term("policy  WORKING group", SeatRole::Chair, &b, "2023-01-01", None)).unwrap_err());
    assert_eq!(error.field.as_deref(), Some("starts_on"));
    assert_eq!(error.message, "the chair seat of Policy working group is held by \"Eurochild\" from 2022-04-01 until 2023-03-31");
    seats::add_term(&store, term("Policy working group", SeatRole::Chair, &b, "2023-04-01", None)).unwrap();
    seats::add_term(&store, term("Policy working group", SeatRole::Member, &b, "2022-01-01", None)).unwrap();
    let on = seats::held_on(&store, "2023-03-20").unwrap();
    let holders: Vec<(String, String)> = on.iter().map(|t| (t.role.to_string(), t.organisation_name.clone().unwrap())).collect();
    assert_eq!(holders, [("chair".to_string(), "Eurochild".to_string()), ("member".to_string(), "Thorn".to_string())]);
    let bad = ApiError::from(seats::add_term(&store, term("X", SeatRole::Member, &a, "2023-01-01", Some("2022-01-01"))).unwrap_err());
    assert_eq!(bad.field.as_deref(), Some("ends_on"));
}

#[test]
fn demo_seats_the_steering_group_and_steering_first_uses_it() {
    let store = store();
    let report = demo::load(&store).unwrap();
    assert_eq!(report.seats_added, 7);
    assert_eq!(demo::load(&store).unwrap().seats_added, 0, "loading twice adds nothing");
    let steering: Vec<String> = seats::held_on(&store, "2023-03-20").unwrap().into_iter().filter_map(|t| t.organisation_name).collect();
    assert_eq!(steering.len(), 7);
    assert!(steering.contains(&"Internet Watch Foundation".to_string()));

    let letter = letters::create(&store, LetterInput { reference: "letter-1".into(), title: "L".into(), ..Default::default() }).unwrap().letter.id;
    let names = ["5Rights Foundation", "Thorn", "Child Focus", "Brave Movement"];
    let rows = coalition_core::organisations::list_all(&store, &Default::default()).unwrap();
    for name in names {
        let id = &rows.iter().find(|r| r.name == name).unwrap().id;
        letters::sign(&store, &letter, id, SignatureInput::default()).unwrap();
    }
    let options = ExportOptions { format: ExportFormat::Txt, order: SignatoryOrder::SteeringFirst, group_by_country: false, with_signers: false };
    let text = String::from_utf8(letters::export(&store, &letter, &options).unwrap()).unwrap();
    let at = |n: &str| text.find(n).unwrap();
    assert!(at("Brave Movement") < at("Thorn") && at("Thorn") < at("5Rights Foundation") && at("5Rights Foundation") < at("Child Focus"), "{text}");
}

#[test]
fn people_hold_seats_alone_or_for_an_organisation_and_the_clash_names_them() {
    let store = store();
    let child_focus = add(&store, "Child Focus", "BE").organisation.id;
    let heidi = person(&store, "Heidi", "De Pauw");
    let mie = person(&store, "Mié", "Kohiyama");
    let chair = seats::add_term(
        &store,
        SeatTermInput { person_id: Some(heidi.clone()), ..term("Steering group", SeatRole::Chair, &child_focus, "2023-01-01", None) },
    )
    .unwrap();
    assert_eq!(chair.person_name.as_deref(), Some("Heidi De Pauw"));
    assert_eq!(chair.organisation_name.as_deref(), Some("Child Focus"));

    let clash = SeatTermInput { organisation_id: None, person_id: Some(mie.clone()), ..term("Steering group", SeatRole::Chair, "", "2024-01-01", None) };
    let error = ApiError::from(seats::add_term(&store, clash.clone()).unwrap_err());
    assert_eq!(error.field.as_deref(), Some("starts_on"));
    assert_eq!(error.message, "the chair seat of Steering group is held by \"Heidi De Pauw\" (Child Focus) from 2023-01-01");

    // Ending the term frees the seat; the end is audited.
    let ended = seats::end_term(&store, &chair.id, Some("2023-12-31")).unwrap();
    assert_eq!(ended.ends_on.as_deref(), Some("2023-12-31"));
    let next = seats::add_term(&store, clash).unwrap();
    assert_eq!((next.person_name.as_deref(), next.organisation_id.as_deref()), (Some("Mié Kohiyama"), None));
    let reopen = ApiError::from(seats::end_term(&store, &chair.id, None).unwrap_err());
    assert_eq!(reopen.field.as_deref(), Some("ends_on"));
    assert!(reopen.message.contains("held by \"Mié Kohiyama\" from 2024-01-01"), "{}", reopen.message);
    let early = ApiError::from(seats::end_term(&store, &chair.id, Some("2022-01-01")).unwrap_err());
    assert_eq!(early.message, "end date 2022-01-01 is before the start date 2023-01-01");
    let log = store.read(|c| coalition_core::audit::for_entity(c, "seat_term", &chair.id)).unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "end"]);

    let on = seats::held_on(&store, "2024-06-01").unwrap();
    assert_eq!(on.len(), 1);
    assert_eq!(on[0].person_name.as_deref(), Some("Mié Kohiyama"));
    assert_eq!(seats::all_terms(&store).unwrap().len(), 2);
    assert_eq!(seats::bodies(&store).unwrap().iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["Steering group"]);

    let nobody = SeatTermInput { organisation_id: None, ..term("Steering group", SeatRole::Member, "", "2024-01-01", None) };
    assert_eq!(ApiError::from(seats::add_term(&store, nobody).unwrap_err()).field.as_deref(), Some("organisation_id"));
    let ghost = SeatTermInput { person_id: Some("ghost".into()), ..term("Steering group", SeatRole::Member, &child_focus, "2024-01-01", None) };
    assert_eq!(ApiError::from(seats::add_term(&store, ghost).unwrap_err()).field.as_deref(), Some("person_id"));
}
