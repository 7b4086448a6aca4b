//! The coordinators' most frequent job: a letter, signatures from a web-form export through
//! the import wizard (picking a suggestion for one row), and the signatory list as XLSX.

use calamine::{open_workbook, Reader, Xlsx};
use coalition_e2e::{text_of, App};
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn from_a_web_form_export_to_a_published_xlsx() {
    let app = App::launch().await;
    app.wait_for("[data-testid=demo-load]").await.click().await.unwrap();
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;

    // 1. Create the letter.
    app.wait_for("[data-testid=nav-letters]").await.click().await.unwrap();
    app.wait_for("[data-testid=letter-new]").await.click().await.unwrap();
    app.wait_for("#letter-reference").await.send_keys("open-letter-2022").await.unwrap();
    app.wait_for("#letter-title").await.send_keys("Open letter supporting the Commission's proposal").await.unwrap();
    app.wait_for("[data-testid=letter-form-submit]").await.click().await.unwrap();
    app.wait_gone("#letter-reference").await;
    if app.driver.find_all(By::Css("[data-testid=letter-detail]")).await.unwrap().is_empty() {
        app.wait_for_text("[data-testid=letter-row]", "open-letter-2022").await.click().await.unwrap();
    }
    app.wait_for("[data-testid=letter-detail]").await;

    // 2. Import the form export through the wizard; one row needs the coordinator's pick.
    let form = app.dir.path().join("form-export.csv");
    std::fs::write(
        &form,
        "Timestamp,Organisation,Country,Your name,Job title\n\
         2022-06-02 10:11:12,Eurochild,Belgium,Jana Hainsworth,Secretary General\n\
         2022-06-03 09:00:00,IWF,United Kingdom,Michael Tunks,Head of Policy\n\
         2022-06-04 12:30:00,Terre des Hommes NL,Netherlands,,\n",
    )
    .unwrap();
    app.wait_for("[data-testid=signatures-import]").await.click().await.unwrap();
    app.wait_for("[data-testid=wizard-choose-file]").await.click().await.unwrap();
    app.answer_file_dialog(&form).await;
    app.wait_for("[data-testid=wizard-step-map]").await;
    app.wait_for("[data-testid=wizard-next]").await.click().await.unwrap();
    app.wait_for("[data-testid=wizard-step-preview]").await;
    app.wait_for("[data-testid=wizard-next]").await.click().await.unwrap();
    let row = app.wait_for("[data-testid=match-row][data-line='4']").await;
    assert!(text_of(&row).await.unwrap().contains("Terre des Hommes NL"));
    // The radio itself is styled away; a coordinator clicks its label.
    let suggestion = row.find(By::XPath(".//input[@data-testid='match-suggestion']/ancestor::label[1]")).await.unwrap();
    assert!(text_of(&suggestion).await.unwrap().contains("Terre des Hommes"));
    suggestion.scroll_into_view().await.unwrap();
    // WebKitWebDriver calls the label "not interactable"; a real pointer click works.
    app.driver.action_chain().move_to_element_center(&suggestion).click().perform().await.unwrap();
    let radio = row.find(By::Css("[data-testid=match-suggestion]")).await.unwrap();
    let started = std::time::Instant::now();
    while !radio.is_selected().await.unwrap() {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "the suggestion was not picked");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.driver.screenshot(&coalition_e2e::screenshot_dir().join("wizard-matches.png")).await.unwrap();
    // The wizard is keyboard-driven too: Enter moves to the confirmation, Enter confirms.
    app.driver.action_chain().send_keys(Key::Enter).perform().await.unwrap();
    app.wait_for("[data-testid=wizard-step-confirm]").await;
    app.driver.action_chain().send_keys(Key::Enter).perform().await.unwrap();
    app.wait_for("[data-testid=signatures-import-report]").await;
    app.wait_for_text("[data-testid=report-signed]", "3").await;
    app.driver.screenshot(&coalition_e2e::screenshot_dir().join("wizard-report.png")).await.unwrap();
    app.wait_for("[data-testid=wizard-close]").await.click().await.unwrap();
    app.wait_gone("[data-testid=signatures-import-report]").await;
    app.wait_for_text("[data-testid=letter-counts]", "3").await;
    app.wait_for_text("[data-testid=signature-row]", "Terre des Hommes").await;

    // 3. Export the list as XLSX through the native save dialog.
    app.wait_for("[data-testid=letter-export]").await.click().await.unwrap();
    app.wait_for_text("[data-testid=export-preview]", "Signed by 3 organisations from 3 countries.").await;
    let out = app.dir.path().join("signatories.xlsx");
    app.wait_for("[data-testid=export-save]").await.click().await.unwrap();
    app.answer_file_dialog(&out).await;
    let started = std::time::Instant::now();
    while !out.exists() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the XLSX was not written");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.driver.screenshot(&coalition_e2e::screenshot_dir().join("letter-detail.png")).await.unwrap();

    // 4. Read the file back.
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(rows[0][0], "organisation");
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Eurochild", "Internet Watch Foundation", "Terre des Hommes"]);
    app.close().await;
}
