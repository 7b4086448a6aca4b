//! The Parliament's list through the app: import an MEP XML, review the changes before they
//! are applied, apply them, find an MEP by family name, and record where they stand on the
//! dossier with evidence.

use coalition_e2e::{text_of, App};

#[tokio::test(flavor = "multi_thread")]
async fn import_the_mep_list_then_record_a_stance() {
    let app = App::launch().await;
    // The demo brings the CSA dossier and two MEPs (Zarzalejos, Vautmans) already.
    app.click("[data-testid=demo-load]").await;
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;

    // 1. Import the list: the review screen shows what will change before anything is written.
    let xml = app.dir.path().join("meps.xml");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/meps.xml"), &xml).unwrap();
    app.click("[data-testid=nav-policy]").await;
    app.click("[data-testid=mep-import]").await;
    app.click("[data-testid=mep-import-file]").await;
    app.answer_file_dialog(&xml).await;
    app.wait_for("[data-testid=mep-review]").await;
    // The two MEPs the demo did not have are new; the demo's two are already there.
    app.wait_for_text("[data-testid=mep-count-added]", "2").await;
    let added = text_of(&app.wait_for("[data-testid=mep-changes-added]").await).await.unwrap();
    assert!(added.contains("ABADÍA JOVER") || added.contains("Abadía Jover"), "{added}");
    app.shot("mep-review.png").await;
    // Nothing is written before Apply: the list still counts the demo's policy-makers only.
    app.click("[data-testid=mep-apply]").await;
    app.wait_gone("[data-testid=mep-review]").await;

    // 2. Find an MEP by family name.
    let search = app.wait_for("[data-testid=policy-search]").await;
    search.send_keys("agirregoitia").await.unwrap();
    // Only the one MEP matches once the list has caught up with the typing.
    app.wait_count("[data-testid=policy-row]", 1).await;
    app.wait_for_text("[data-testid=policy-row]", "Agirregoitia").await.click().await.unwrap();
    let detail = app.wait_for("[data-testid=policy-detail]").await;
    let text = text_of(&detail).await.unwrap();
    assert!(text.contains("Renew"), "{text}");
    assert!(text.contains("Partido Nacionalista Vasco"), "{text}");

    // 3. Record a stance with its evidence.
    app.click("[data-testid=stance-history-record]").await;
    app.wait_for("[data-testid=evidence-save]").await;
    app.set_value("[data-testid=evidence-level]", "supportive").await;
    app.set_value("[data-testid=evidence-kind]", "public_statement").await;
    app.set_value("[data-testid=evidence-source]", "https://example.org/plenary-speech").await;
    app.click("[data-testid=evidence-save]").await;
    app.wait_gone("[data-testid=evidence-save]").await;
    let history = app.wait_for_text("[data-testid=stance-history-row]", "https://example.org/plenary-speech").await;
    let history = text_of(&history).await.unwrap();
    assert!(history.contains("Supportive"), "{history}");
    app.shot("policy-detail-stance.png").await;

    // 4. The stance board for the dossier shows her in the supportive column.
    app.click("[data-testid=nav-stances]").await;
    app.wait_for_text("[data-testid=stance-column-supportive]", "Agirregoitia").await;
    app.shot("stance-board.png").await;
    app.close().await;
}
