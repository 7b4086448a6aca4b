//! The app with 100k people in it: the screenshot-backed check that it stays smooth.
//!
//! Ignored in the normal run: it needs a full-scale store, which `scripts/measure-app` makes
//! (10k organisations, 100k people, 1M interactions) and then runs this test on, with
//! `COALITION_SCALE_DB` naming the store. It checks that each step shows the right data
//! and prints how long each took, measured inside the page from the user's action to the
//! frame that shows its result. The figures are reported, never asserted: speed is judged
//! from the report, not by a timed test.

use coalition_e2e::{screenshot_dir, text_of, App};
use thirtyfour::prelude::*;

/// Runs `action` in the page, then waits (frame by frame) until `ready` holds, and answers
/// the milliseconds in between. Both are JavaScript function bodies.
async fn timed(app: &App, action: &str, ready: &str) -> f64 {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const ready = () => {{ {ready} }};
         const started = performance.now();
         (() => {{ {action} }})();
         const check = () => ready() ? requestAnimationFrame(() => done(performance.now() - started)) : requestAnimationFrame(check);
         requestAnimationFrame(check);"
    );
    let answer = app.driver.execute_async(&script, Vec::new()).await.expect("timed step");
    answer.json().as_f64().expect("milliseconds")
}

/// No placeholder rows left in view, and at least one real row.
const PEOPLE_SETTLED: &str = "return document.querySelectorAll('[data-testid=person-row]').length > 0 \
     && document.querySelectorAll('[data-testid=people-scroll] .is-placeholder').length === 0;";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a full-scale store: scripts/measure-app runs it"]
async fn smooth_with_100k_people() {
    let store = std::env::var_os("COALITION_SCALE_DB").expect("COALITION_SCALE_DB names the full-scale store");
    let app = App::launch_on(Some(std::path::Path::new(&store))).await;
    app.driver.set_script_timeout(std::time::Duration::from_secs(60)).await.unwrap();
    let shots = screenshot_dir();
    let mut report = Vec::new();

    app.wait_for("[data-testid=dash-card-members]").await;
    app.driver.screenshot(&shots.join("scale-home.png")).await.unwrap();

    // People: the first page of 100k, sorted by family name.
    let ms = timed(&app, "document.querySelector('[data-testid=nav-people]').click();", PEOPLE_SETTLED).await;
    report.push(("open People (first page painted)", ms));
    let count = app.wait_for("[data-testid=people-count]").await;
    let count = text_of(&count).await.unwrap();
    let digits: String = count.chars().filter(char::is_ascii_digit).collect();
    let total: u64 = digits.parse().unwrap_or_else(|_| panic!("no count in {count:?}"));
    assert!(total >= 100_000, "the list should count every person: {count}");
    app.driver.screenshot(&shots.join("scale-people.png")).await.unwrap();

    // Scrolling: a jump to the middle, far from any page fetched so far, then steps.
    let first = text_of(&app.wait_for("[data-testid=person-row]").await).await.unwrap();
    let ms = timed(
        &app,
        "const el = document.querySelector('[data-testid=people-scroll]'); el.scrollTop = el.scrollHeight / 2;",
        PEOPLE_SETTLED,
    )
    .await;
    report.push(("jump to the middle of the list (rows painted)", ms));
    let middle = text_of(&app.wait_for("[data-testid=person-row]").await).await.unwrap();
    assert_ne!(first, middle, "the middle of the list shows other people");
    let mut steps = Vec::new();
    for _ in 0..20 {
        steps.push(
            timed(
                &app,
                "const el = document.querySelector('[data-testid=people-scroll]'); el.scrollTop += el.clientHeight;",
                PEOPLE_SETTLED,
            )
            .await,
        );
    }
    steps.sort_by(f64::total_cmp);
    report.push(("scroll one screen (median of 20)", steps[steps.len() / 2]));
    report.push(("scroll one screen (worst of 20)", steps[steps.len() - 1]));
    app.driver.screenshot(&shots.join("scale-people-middle.png")).await.unwrap();

    // Filtering by text: the list answers while the coordinator types.
    let before = text_of(&app.wait_for("[data-testid=people-count]").await).await.unwrap();
    let changed = format!(
        "return document.querySelector('[data-testid=people-count]').textContent !== {} && (() => {{ {PEOPLE_SETTLED} }})();",
        serde_json::to_string(&before).unwrap()
    );
    let ms = timed(
        &app,
        "const input = document.querySelector('[data-testid=people-search]'); input.focus(); \
         const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
         set.call(input, 'müller'); input.dispatchEvent(new Event('input', { bubbles: true }));",
        &changed,
    )
    .await;
    report.push(("filter by \"müller\" (until the list shows the matches)", ms));
    app.wait_for_text("[data-testid=person-row]", "Müller").await;
    app.driver.screenshot(&shots.join("scale-people-filtered.png")).await.unwrap();

    // The command palette across every kind of record.
    app.driver.action_chain().key_down(Key::Control).send_keys("k").key_up(Key::Control).perform().await.unwrap();
    let input = app.wait_for("[data-testid=palette-input]").await;
    let ms = timed(
        &app,
        "const input = document.querySelector('[data-testid=palette-input]'); \
         const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
         set.call(input, 'nowak'); input.dispatchEvent(new Event('input', { bubbles: true }));",
        "return [...document.querySelectorAll('[data-testid=palette-item]')].some(e => /nowak/i.test(e.textContent));",
    )
    .await;
    report.push(("palette: \"nowak\" to results (includes its debounce)", ms));
    app.driver.screenshot(&shots.join("scale-palette.png")).await.unwrap();
    input.send_keys(Key::Escape).await.unwrap();

    // Organisations: 10k of them.
    let ms = timed(
        &app,
        "document.querySelector('[data-testid=nav-organisations]').click();",
        "return document.querySelectorAll('[data-testid=org-row]').length > 0;",
    )
    .await;
    report.push(("open Organisations (first page painted)", ms));
    app.driver.screenshot(&shots.join("scale-organisations.png")).await.unwrap();

    println!("\nThe app with {total} people (ms, user action to the painted frame):");
    for (step, ms) in &report {
        println!("  {step:<55} {ms:>8.1}");
        assert!(ms.is_finite() && *ms >= 0.0, "{step}: {ms}");
    }
    app.close().await;
}
