//! Who held which seat on a date: today by default, any day through the date picker.

use coalition_e2e::{screenshot_dir, text_of, App};
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_steering_group_on_a_date() {
    let app = App::launch().await;
    app.wait_for("[data-testid=demo-load]").await.click().await.unwrap();
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;
    app.wait_for("[data-testid=nav-seats]").await.click().await.unwrap();
    app.wait_for_exact("[data-testid=seats-count]", "7 seats held").await;
    let rows = app.driver.find_all(By::Css("[data-testid=seat-row]")).await.unwrap();
    let mut text = String::new();
    for row in &rows {
        text.push_str(&text_of(row).await.unwrap());
    }
    assert!(text.contains("Internet Watch Foundation") && text.contains("Steering group"), "{text}");
    app.driver.screenshot(&screenshot_dir().join("seats.png")).await.unwrap();

    // Before the coalition was formed (April 2022), nobody held a seat.
    let picker = app.wait_for("[data-testid=seats-date]").await;
    app.driver
        .execute(
            "const input = arguments[0]; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(input, '2022-03-20'); input.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![picker.to_json().unwrap()],
        )
        .await
        .unwrap();
    app.wait_for("[data-testid=seats-empty]").await;
    app.close().await;
}
