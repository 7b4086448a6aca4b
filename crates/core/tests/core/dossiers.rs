use coalition_core::dossiers::{self, DossierInput, DossierRole};
use coalition_core::{demo, ApiError};

use super::stances::{committee_member, mep};
use super::{count, store};

fn csa() -> DossierInput {
    DossierInput {
        reference: "2022/0155(cod)".into(),
        short_title: "Regulation to prevent and combat child sexual abuse".into(),
        lead_committee: Some("libe".into()),
    }
}

#[test]
fn dossiers_are_created_edited_listed_and_found_by_reference() {
    let store = store();
    let detail = dossiers::create(&store, csa()).unwrap();
    assert_eq!(detail.dossier.reference, "2022/0155(COD)");
    assert_eq!(detail.dossier.lead_committee.as_deref(), Some("LIBE"));
    let id = detail.dossier.id.clone();
    assert_eq!(dossiers::by_reference(&store, " 2022/0155(COD) ").unwrap().id, id);
    let edited = dossiers::update(&store, &id, DossierInput { short_title: "CSA regulation".into(), ..csa() }).unwrap();
    assert_eq!(edited.dossier.short_title, "CSA regulation");
    dossiers::create(&store, DossierInput { reference: "2020/0259(COD)".into(), short_title: "Interim".into(), lead_committee: None }).unwrap();
    let list = dossiers::list(&store).unwrap();
    assert_eq!(list.iter().map(|d| d.reference.as_str()).collect::<Vec<_>>(), ["2022/0155(COD)", "2020/0259(COD)"]);
    let audit = store
        .read(|c| coalition_core::audit::for_entity(c, "dossier", &id))
        .unwrap();
    assert_eq!(audit.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "update"]);
    assert_eq!(audit[1].after.as_ref().unwrap()["short_title"], "CSA regulation");
    // An edit that changes nothing writes nothing.
    dossiers::update(&store, &id, DossierInput { short_title: "CSA regulation".into(), ..csa() }).unwrap();
    assert_eq!(store.read(|c| coalition_core::audit::for_entity(c, "dossier", &id)).unwrap().len(), 2);
}

#[test]
fn dossier_fields_are_validated_with_clear_messages() {
    let store = store();
    let error = ApiError::from(dossiers::create(&store, DossierInput { reference: "2022-155".into(), ..csa() }).unwrap_err());
    assert_eq!(error.field.as_deref(), Some("reference"));
    assert_eq!(error.message, "reference \"2022-155\" is not a procedure reference such as 2022/0155(COD) (YYYY/NNNN(XXX))");
    let error = ApiError::from(dossiers::create(&store, DossierInput { short_title: " ".into(), ..csa() }).unwrap_err());
    assert_eq!((error.field.as_deref(), error.message.as_str()), (Some("short_title"), "short title is required"));
    let error = ApiError::from(dossiers::create(&store, DossierInput { lead_committee: Some("XXXX".into()), ..csa() }).unwrap_err());
    assert_eq!(error.field.as_deref(), Some("lead_committee"));
    assert!(error.message.contains("unknown committee \"XXXX\""));
    dossiers::create(&store, csa()).unwrap();
    let error = ApiError::from(dossiers::create(&store, csa()).unwrap_err());
    assert_eq!(error.message, "reference 2022/0155(COD) is already used by \"Regulation to prevent and combat child sexual abuse\"");
    assert_eq!(count(&store, "dossiers"), 1);
    assert!(dossiers::committees(&store).unwrap().iter().any(|c| c.code == "LIBE"));
}

#[test]
fn rapporteurs_and_shadows_are_added_once_and_removed() {
    let store = store();
    let dossier = dossiers::create(&store, csa()).unwrap().dossier;
    let javier = mep(&store, 197_000, "Javier", "Zarzalejos", "EPP", "ES");
    let shadow = mep(&store, 197_001, "Paul", "Tang", "S&D", "NL");
    dossiers::add_role(&store, &dossier.id, &javier, DossierRole::Rapporteur).unwrap();
    dossiers::add_role(&store, &dossier.id, &javier, DossierRole::Rapporteur).unwrap();
    let detail = dossiers::add_role(&store, &dossier.id, &shadow, DossierRole::ShadowRapporteur).unwrap();
    let roles: Vec<(&str, DossierRole)> = detail.roles.iter().map(|r| (r.display_name.as_str(), r.role)).collect();
    assert_eq!(roles, [("Javier Zarzalejos", DossierRole::Rapporteur), ("Paul Tang", DossierRole::ShadowRapporteur)]);
    assert_eq!(detail.roles[0].group_code.as_deref(), Some("EPP"));
    let error = ApiError::from(dossiers::add_role(&store, &dossier.id, "nobody", DossierRole::Rapporteur).unwrap_err());
    assert_eq!(error.field.as_deref(), Some("person_id"));
    let after = dossiers::remove_role(&store, &detail.roles[1].id).unwrap();
    assert_eq!(after.roles.len(), 1);
    assert_eq!(count(&store, "audit_log WHERE entity = 'dossier_role'"), 3);
}

#[test]
fn demo_loads_the_csa_dossier_once_with_its_rapporteur_when_present() {
    let store = store();
    let javier = mep(&store, 197_002, "Javier", "Zarzalejos", "EPP", "ES");
    committee_member(&store, &javier, "LIBE");
    demo::load(&store).unwrap();
    demo::load(&store).unwrap();
    assert_eq!(count(&store, "dossiers"), 1);
    let dossier = dossiers::by_reference(&store, "2022/0155(COD)").unwrap();
    assert_eq!(dossier.short_title, "Regulation to prevent and combat child sexual abuse");
    assert_eq!(dossier.lead_committee.as_deref(), Some("LIBE"));
    let detail = dossiers::get(&store, &dossier.id).unwrap();
    let rapporteurs: Vec<&str> = detail.roles.iter().filter(|r| r.role == DossierRole::Rapporteur).map(|r| r.display_name.as_str()).collect();
    assert_eq!(rapporteurs, ["Javier Zarzalejos"], "{:?}", detail.roles);
    assert_eq!(count(&store, "dossier_roles"), detail.roles.len() as i64);

    // Without him, the dossier still loads.
    let bare = super::store();
    demo::load(&bare).unwrap();
    assert_eq!(count(&bare, "dossiers"), 1);
}
