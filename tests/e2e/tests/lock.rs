//! Encryption at rest, in the app: encrypt the store from Settings, lock it, refuse a wrong
//! passphrase, unlock with the right one and find the data again; the file on disk no longer
//! reads as SQLite nor shows a name it holds.

use coalition_e2e::App;
use thirtyfour::prelude::*;

const PASSPHRASE: &str = "correct horse battery staple";

#[tokio::test(flavor = "multi_thread")]
async fn encrypt_lock_and_unlock_the_store() {
    let app = App::launch().await;
    app.click("[data-testid=demo-load]").await;
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;

    // Settings > Security > Encrypt this store: the passphrase twice and the warning accepted.
    app.click("[data-testid=nav-settings]").await;
    app.wait_for("[data-testid=security-section]").await;
    app.click("[data-testid=security-encrypt]").await;
    app.wait_for("[data-testid=encrypt-dialog]").await;
    app.set_value("#encrypt-passphrase", PASSPHRASE).await;
    app.wait_for("[data-testid=passphrase-strength]").await;
    app.set_value("#encrypt-confirm", PASSPHRASE).await;
    app.click("[data-testid=encrypt-understood]").await;
    app.shot("lock-encrypt.png").await;
    app.wait_for("#encrypt-confirm").await.send_keys(Key::Enter).await.unwrap();
    app.wait_gone("[data-testid=encrypt-dialog]").await;
    app.wait_for("[data-testid=security-change]").await;

    // On disk: no SQLite header and no name from the demo data.
    let store = std::fs::read(app.dir.path().join("e2e.db")).unwrap();
    assert!(!store.starts_with(b"SQLite format 3"), "the store file is encrypted");
    assert!(!store.windows(b"Child Focus".len()).any(|w| w == b"Child Focus"), "no name in clear");

    // Lock now: the whole app goes; a wrong passphrase is refused and says so.
    app.click("[data-testid=lock-now]").await;
    app.wait_for("[data-testid=lock-screen]").await;
    app.wait_gone("[data-testid=nav-organisations]").await;
    app.set_value("[data-testid=lock-passphrase]", "not the passphrase").await;
    app.click("[data-testid=lock-unlock]").await;
    app.wait_for_text("[data-testid=field-error-passphrase]", "not right").await;
    app.shot("lock-wrong.png").await;

    // The right one, with Enter: the data is back.
    app.set_value("[data-testid=lock-passphrase]", PASSPHRASE).await;
    app.wait_for("[data-testid=lock-passphrase]").await.send_keys(Key::Enter).await.unwrap();
    app.wait_gone("[data-testid=lock-screen]").await;
    app.click("[data-testid=nav-organisations]").await;
    app.wait_for_exact("[data-testid=org-count]", "19 organisations").await;
    app.close().await;
}
