//! A coordinator's first minutes: load the demo data, create an organisation through the
//! form, find it in the list, and be told inline when the same name is used again.

use coalition_e2e::{screenshot_dir, text_of, App};
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn create_find_and_refuse_a_duplicate_organisation() {
    let app = App::launch().await;

    // An empty store offers the demo data.
    app.wait_for("[data-testid=demo-load]").await.click().await.unwrap();
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;
    app.wait_for_text("[data-testid=org-row]", "Eurochild").await;

    // Create through the form.
    app.wait_for("[data-testid=org-new]").await.click().await.unwrap();
    app.wait_for("#org-name").await.send_keys("Brave Movement France").await.unwrap();
    app.wait_for("#org-country").await.send_keys("France").await.unwrap();
    app.wait_for("#org-website").await.send_keys("www.bravemovement.fr").await.unwrap();
    app.wait_for("[data-testid=org-form-submit]").await.click().await.unwrap();
    app.wait_gone("#org-name").await;
    app.wait_for_exact("[data-testid=org-count]", "20 organisations").await;

    // Find it in the list through the quick filter.
    let filter = app.wait_for("[data-testid=org-quick-filter]").await;
    filter.send_keys("brave movement fr").await.unwrap();
    app.wait_for_exact("[data-testid=org-count]", "1 organisation").await;
    app.wait_for_text("[data-testid=org-row]", "Brave Movement France").await;
    // Esc in the quick filter clears it.
    filter.send_keys(Key::Escape).await.unwrap();
    app.wait_for_exact("[data-testid=org-count]", "20 organisations").await;

    // The same name again, in other case and spacing: the core's error, inline.
    app.wait_for("[data-testid=org-new]").await.click().await.unwrap();
    app.wait_for("#org-name").await.send_keys("brave  movement FRANCE").await.unwrap();
    app.wait_for("#org-country").await.send_keys("fr").await.unwrap();
    app.wait_for("[data-testid=org-form-submit]").await.click().await.unwrap();
    let error = app.wait_for_text("[data-testid=field-error-name]", "already used by").await;
    assert_eq!(text_of(&error).await.unwrap(), "name already used by \"Brave Movement France\"");
    app.driver.screenshot(&screenshot_dir().join("organisation-form-error.png")).await.unwrap();

    // Esc closes the form; the list stays as it was.
    app.driver.action_chain().send_keys(Key::Escape).perform().await.unwrap();
    app.wait_gone("#org-name").await;
    app.wait_for_exact("[data-testid=org-count]", "20 organisations").await;

    let shot = screenshot_dir().join("organisations-list.png");
    app.driver.screenshot(&shot).await.unwrap();
    println!("screenshot of the list: {}", shot.display());
    app.close().await;
}

/// Import a file through the native open dialog and the import wizard (columns, then rows with a
/// dry run that names the bad line, then confirm),
/// then export the filtered view through the native save dialog and read the file back.
#[tokio::test(flavor = "multi_thread")]
async fn import_and_export_through_the_native_dialogs() {
    let app = App::launch().await;
    let file = app.dir.path().join("members.csv");
    std::fs::write(&file, "Name;Country;Status;Tier\nÉcole des Parents;France;active;full\nNarnia Aid;Narnia;active;full\nEurochild;BE;active;full\n")
        .unwrap();

    app.wait_for("[data-testid=empty-import]").await.click().await.unwrap();
    app.answer_file_dialog(&file).await;
    // The import wizard opens on the columns, guessed from the header names; Next runs the dry run.
    app.wait_for("[data-testid=wizard-step-map]").await;
    app.wait_for("[data-testid=wizard-next]").await.click().await.unwrap();
    let issue = app.wait_for_text("[data-testid=import-issue]", "Narnia").await;
    assert!(text_of(&issue).await.unwrap().contains("unknown country \"Narnia\""));
    app.wait_for("[data-testid=import-skip]").await.click().await.unwrap();
    app.wait_for("[data-testid=wizard-next]").await.click().await.unwrap();
    app.wait_for("[data-testid=import-commit]").await.click().await.unwrap();
    app.wait_for_exact("[data-testid=org-count]", "2 organisations").await;
    app.wait_for("[data-testid=import-report]").await;
    app.wait_for("[data-testid=wizard-close]").await.click().await.unwrap();
    app.wait_for_text("[data-testid=org-row]", "École des Parents").await;

    let out = app.dir.path().join("export.csv");
    app.wait_for("[data-testid=org-export]").await.click().await.unwrap();
    app.answer_file_dialog(&out).await;
    let started = std::time::Instant::now();
    while !out.exists() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the export was not written");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}id,name,short_name,country,type"), "{text}");
    assert!(text.contains("École des Parents") && text.contains("Eurochild") && !text.contains("Narnia"), "{text}");
    app.close().await;
}
