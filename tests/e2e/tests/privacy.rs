//! A data-subject request and an erasure request, answered in the app: export everything
//! held about a person to a folder chosen in the native dialog, see the export in the export
//! log, then erase the person after the preview and the typed confirmation.

use coalition_e2e::{text_of, App};

#[tokio::test(flavor = "multi_thread")]
async fn answer_a_subject_access_request_then_erase_the_person() {
    let app = App::launch().await;
    app.click("[data-testid=demo-load]").await;
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;

    // Mié Kohiyama, found without her accent.
    app.click("[data-testid=nav-people]").await;
    app.set_value("[data-testid=people-search]", "kohiyama").await;
    app.wait_count("[data-testid=person-row]", 1).await;
    let row = app.wait_for_text("[data-testid=person-row]", "Mié Kohiyama").await;
    app.click_element(&row).await;
    app.wait_for_text("[data-testid=person-detail-name]", "Mié Kohiyama").await;

    // Subject access: the JSON and the PDF land in the folder chosen in the native dialog.
    let out = app.dir.path().join("sar");
    std::fs::create_dir_all(&out).unwrap();
    app.click("[data-testid=person-sar]").await;
    app.wait_for("[data-testid=sar-dialog]").await;
    app.click("[data-testid=sar-export]").await;
    app.answer_file_dialog(&out).await;
    app.wait_gone("[data-testid=sar-dialog]").await;
    let started = std::time::Instant::now();
    let files = loop {
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json") || n.ends_with(".pdf"))
            .collect();
        names.sort();
        if names.len() == 2 || started.elapsed().as_secs() > 20 {
            break names;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(files.len(), 2, "a JSON and a PDF: {files:?}");
    let json = std::fs::read_to_string(out.join(&files[0])).unwrap();
    assert!(json.contains("Mié Kohiyama") && json.contains("Brave Movement"), "{json}");
    let pdf = std::fs::read(out.join(&files[1])).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "the second file is a PDF");

    // The export log says what went out, without the data.
    app.click("[data-testid=nav-privacy]").await;
    app.click("[data-testid=privacy-tab-exports]").await;
    let entry = app.wait_for("[data-testid=privacy-export-row]").await;
    let entry = text_of(&entry).await.unwrap();
    assert!(entry.to_lowercase().contains("subject"), "the log names the subject-access export: {entry}");
    app.shot("privacy-export-log.png").await;

    // Erasure: the preview shows what goes; the button waits for the typed name.
    app.click("[data-testid=nav-people]").await;
    app.set_value("[data-testid=people-search]", "kohiyama").await;
    let row = app.wait_for_text("[data-testid=person-row]", "Mié Kohiyama").await;
    app.click_element(&row).await;
    app.wait_for_text("[data-testid=person-detail-name]", "Mié Kohiyama").await;
    app.click("[data-testid=person-erase]").await;
    app.wait_for("[data-testid=erase-preview]").await;
    app.wait_for("[data-testid=erase-backups-note]").await;
    let submit = app.wait_for("[data-testid=erase-submit]").await;
    assert!(!submit.is_enabled().await.unwrap(), "erase stays disabled until the name is typed");
    app.set_value("[data-testid=erase-confirm-input]", "Mié Kohiyama").await;
    app.shot("privacy-erase.png").await;
    app.click("[data-testid=erase-submit]").await;
    app.wait_gone("[data-testid=erase-preview]").await;

    // She is gone: the list finds nobody, and a search of everything neither.
    app.set_value("[data-testid=people-search]", "").await;
    app.set_value("[data-testid=people-search]", "kohiyama").await;
    app.wait_count("[data-testid=person-row]", 0).await;
    app.close().await;
}
