//! Planning an event in the app: create it, add a session with a speaker, invite a segment,
//! register people until it is full so the next goes on the waitlist, decline one and see the
//! waitlisted person move up, then export the badges through the native save dialog.

use coalition_e2e::{text_of, App};
use thirtyfour::prelude::*;

async fn row_of<'a>(app: &App, name: &str) -> WebElement {
    app.wait_for_text("[data-testid=participant-row]", name).await
}

#[tokio::test(flavor = "multi_thread")]
async fn plan_an_event_to_the_badges() {
    let app = App::launch().await;
    // The demo brings the members, their focal points (Heidi De Pauw at Child Focus, Michael
    // Tunks at the IWF) and the people who speak.
    app.click("[data-testid=demo-load]").await;
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;

    // 1. Create the event: one seat, so that the second registration waits.
    app.click("[data-testid=nav-events]").await;
    app.click("[data-testid=event-new]").await;
    app.set_value("[data-testid=event-reference]", "detection-roundtable").await;
    app.set_value("[data-testid=event-title]", "Roundtable on detection orders").await;
    app.set_value("[data-testid=event-start-date]", "2026-12-08").await;
    app.set_value("[data-testid=event-start-time]", "10:00").await;
    app.set_value("[data-testid=event-end-date]", "2026-12-08").await;
    app.set_value("[data-testid=event-end-time]", "12:30").await;
    app.set_value("[data-testid=event-venue]", "Résidence Palace").await;
    app.set_value("[data-testid=event-capacity]", "1").await;
    app.click("[data-testid=event-form-submit]").await;
    app.wait_gone("[data-testid=event-form-submit]").await;
    if app.driver.find_all(By::Css("[data-testid=event-detail]")).await.unwrap().is_empty() {
        app.wait_for_text("[data-testid=event-row]", "Roundtable on detection orders").await.click().await.unwrap();
    }
    app.wait_for_text("[data-testid=event-title]", "Roundtable on detection orders").await;
    let when = text_of(&app.wait_for("[data-testid=event-when]").await).await.unwrap();
    assert!(when.contains("10:00") && when.contains("CET"), "{when}");

    // 2. A session with a speaker.
    app.click("[data-testid=event-tab-programme]").await;
    app.click("[data-testid=session-add]").await;
    app.set_value("[data-testid=session-title]", "Opening keynote").await;
    app.set_value("[data-testid=session-start]", "10:00").await;
    app.set_value("[data-testid=session-end]", "10:30").await;
    app.wait_for("[data-testid=session-speaker-picker-input]").await.send_keys("De Pauw").await.unwrap();
    app.wait_for_text("[data-testid=session-speaker-picker-option]", "Heidi De Pauw").await.click().await.unwrap();
    app.wait_for_text("[data-testid=session-speaker]", "Heidi De Pauw").await;
    app.click("[data-testid=session-save]").await;
    app.wait_gone("[data-testid=session-save]").await;
    app.wait_for_text("[data-testid=event-detail]", "Opening keynote").await;
    app.shot("event-programme.png").await;

    // 3. Invite a segment: the focal points of the active members.
    app.click("[data-testid=event-tab-participants]").await;
    app.click("[data-testid=participants-invite]").await;
    app.click("[data-testid=invite-kind-focal_points]").await;
    app.click("[data-testid=invite-submit]").await;
    app.wait_gone("[data-testid=invite-submit]").await;
    row_of(&app, "Heidi De Pauw").await;
    row_of(&app, "Michael Tunks").await;

    // 4. Register until full: the first takes the only seat, the next is waitlisted.
    let heidi = row_of(&app, "Heidi De Pauw").await;
    app.click_element(&heidi.find(By::Css("[data-testid=participant-register]")).await.unwrap()).await;
    app.wait_for("[data-testid=participant-row][data-state=registered]").await;
    let michael = row_of(&app, "Michael Tunks").await;
    app.click_element(&michael.find(By::Css("[data-testid=participant-register]")).await.unwrap()).await;
    app.wait_for_text("[data-testid=participant-row][data-state=waitlisted]", "Michael Tunks").await;
    app.wait_for("[data-testid=participant-notice][data-kind=waitlisted]").await;
    app.shot("event-waitlist.png").await;

    // 5. Heidi declines: Michael moves up, and the app says so.
    let heidi = row_of(&app, "Heidi De Pauw").await;
    app.click_element(&heidi.find(By::Css("[data-testid=participant-decline]")).await.unwrap()).await;
    let notice = app.wait_for("[data-testid=participant-notice][data-kind=promoted]").await;
    assert!(text_of(&notice).await.unwrap().contains("Michael Tunks"));
    app.wait_for_text("[data-testid=participant-row][data-state=registered]", "Michael Tunks").await;
    app.wait_for_text("[data-testid=participant-row][data-state=declined]", "Heidi De Pauw").await;
    app.shot("event-promoted.png").await;

    // 6. Badges for the registered participant, through the native save dialog.
    app.click("[data-testid=event-tab-exports]").await;
    let badges = app.dir.path().join("badges.pdf");
    app.click("[data-testid=export-badges]").await;
    app.answer_file_dialog(&badges).await;
    let started = std::time::Instant::now();
    while !badges.exists() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "no badges written");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let pdf = std::fs::read(&badges).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("Michael Tunks"), "{text}");
    assert!(!text.contains("Heidi De Pauw"), "declined people get no badge");
    app.close().await;
}
