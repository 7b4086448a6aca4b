//! A coordinator's first minutes: load the demo data, create an organisation through the
//! form, find it in the list, and be told inline when the same name is used again.

use coalition_e2e::{screenshot_dir, App};
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn create_find_and_refuse_a_duplicate_organisation() {
    let app = App::launch().await;

    // An empty store offers the demo data.
    app.wait_for("[data-testid=demo-load]").await.click().await.unwrap();
    app.wait_for_text("[data-testid=org-count]", "19").await;
    app.wait_for_text("[data-testid=org-row]", "Eurochild").await;

    // Create through the form.
    app.wait_for("[data-testid=org-new]").await.click().await.unwrap();
    app.wait_for("#org-name").await.send_keys("Brave Movement France").await.unwrap();
    app.wait_for("#org-country").await.send_keys("France").await.unwrap();
    app.wait_for("#org-website").await.send_keys("www.bravemovement.fr").await.unwrap();
    app.wait_for("[data-testid=org-form-submit]").await.click().await.unwrap();
    app.wait_gone("#org-name").await;
    app.wait_for_text("[data-testid=org-count]", "20").await;

    // Find it in the list through the quick filter.
    let filter = app.wait_for("[data-testid=org-filter-text]").await;
    filter.send_keys("brave movement fr").await.unwrap();
    app.wait_for_text("[data-testid=org-count]", "1").await;
    app.wait_for_text("[data-testid=org-row]", "Brave Movement France").await;
    filter.clear().await.unwrap();
    app.wait_for_text("[data-testid=org-count]", "20").await;

    // The same name again, in other case and spacing: the core's error, inline.
    app.wait_for("[data-testid=org-new]").await.click().await.unwrap();
    app.wait_for("#org-name").await.send_keys("brave  movement FRANCE").await.unwrap();
    app.wait_for("#org-country").await.send_keys("fr").await.unwrap();
    app.wait_for("[data-testid=org-form-submit]").await.click().await.unwrap();
    let error = app.wait_for_text("[data-testid=field-error-name]", "already used by").await;
    assert_eq!(error.text().await.unwrap(), "name already used by \"Brave Movement France\"");

    // Esc closes the form; the list stays as it was.
    app.driver.action_chain().send_keys(Key::Escape).perform().await.unwrap();
    app.wait_gone("#org-name").await;
    app.wait_for_text("[data-testid=org-count]", "20").await;

    let shot = screenshot_dir().join("organisations-list.png");
    app.driver.screenshot(&shot).await.unwrap();
    println!("screenshot of the list: {}", shot.display());
    app.close().await;
}
