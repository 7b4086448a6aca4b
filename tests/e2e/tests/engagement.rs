//! The engagement log: from an MEP's page, log a meeting with a follow-up task, see it on the
//! MEP's timeline, and find the task in the global task list.

use coalition_e2e::{text_of, App};
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn log_a_meeting_with_a_follow_up() {
    let app = App::launch().await;
    app.click("[data-testid=demo-load]").await;
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;

    // The rapporteur's page, found by family name.
    app.click("[data-testid=nav-policy]").await;
    app.wait_for("[data-testid=policy-search]").await.send_keys("zarzalejos").await.unwrap();
    app.wait_count("[data-testid=policy-row]", 1).await;
    app.wait_for_text("[data-testid=policy-row]", "Zarzalejos").await.click().await.unwrap();
    app.wait_for("[data-testid=policy-detail]").await;

    // Log the meeting from his timeline: he is already a participant.
    app.click("[data-testid=timeline-log-button]").await;
    app.wait_for_text("[data-testid=interaction-participant-chips]", "Zarzalejos").await;
    app.set_value("[data-testid=interaction-subject]", "Meeting with the rapporteur on detection orders").await;
    app.set_value("[data-testid=interaction-outcome]", "Open to the coalition's amendments on end-to-end encryption.").await;
    app.click("[data-testid=interaction-add-task]").await;
    app.set_value("[data-testid=task-0-title]", "Send the coalition's amendments").await;
    app.wait_for("[data-testid=task-0-owner]").await.send_keys("Tunks").await.unwrap();
    app.wait_for_text("[data-testid=party-option]", "Michael Tunks").await;
    // The picker is keyboard-driven: Enter takes the highlighted person.
    app.wait_for("[data-testid=task-0-owner]").await.send_keys(Key::Enter).await.unwrap();
    app.wait_gone("[data-testid=task-0-owner]").await;
    app.set_value("[data-testid=task-0-due]", "2026-12-01").await;
    app.shot("interaction-dialog.png").await;
    app.click("[data-testid=interaction-save]").await;
    app.wait_gone("[data-testid=interaction-save]").await;

    // It is on his timeline, with its open task.
    app.wait_for_text("[data-testid=timeline-entry]", "Meeting with the rapporteur").await;
    app.wait_for_text("[data-testid=timeline-tasks]", "Send the coalition's amendments").await;
    app.shot("policy-timeline.png").await;

    // And in the task list, with its owner.
    app.click("[data-testid=nav-engagement]").await;
    app.click("[data-testid=engagement-tab-tasks]").await;
    let task = app.wait_for_text("[data-testid=task-row]", "Send the coalition's amendments").await;
    assert!(text_of(&task).await.unwrap().contains("Michael Tunks"));
    // Ticking it done takes it off the open list.
    app.click_element(&task.find(By::Css("[data-testid=task-done]")).await.unwrap()).await;
    app.shot("tasks.png").await;
    app.close().await;
}
