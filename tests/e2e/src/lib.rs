//! Drives the real built Coalition Desk through tauri-driver and WebKitWebDriver. Each
//! test gets its own store in a temporary folder, so a coordinator's data is never touched.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

/// The built app binary: `COALITION_APP`, else the workspace's debug build.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("COALITION_APP") {
        return PathBuf::from(path);
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace.join("target"));
    let target = if target.is_absolute() { target } else { workspace.join(target) };
    target.join("debug/coalition-desk")
}

/// Where screenshots of a run go.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().unwrap().port()
}

fn tauri_driver() -> PathBuf {
    let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin/tauri-driver"));
    match home_bin {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// The element's DOM text. WebKitWebDriver's "visible text" leaves out flex items with
/// `overflow: hidden` (the ellipsised names in list rows), so the DOM's is used instead.
pub async fn text_of(element: &WebElement) -> WebDriverResult<String> {
    Ok(element.prop("textContent").await?.unwrap_or_default())
}

/// A running app with a WebDriver session on it.
pub struct App {
    /// The WebDriver session.
    pub driver: WebDriver,
    /// Kept for its drop: stops tauri-driver when the app goes.
    _driver: DriverProcess,
    /// The test's own folder (the store lives in it).
    pub dir: tempfile::TempDir,
}

impl App {
    /// Starts tauri-driver and the app on a fresh store.
    pub async fn launch() -> App {
        App::launch_on(None).await
    }

    /// Starts tauri-driver and the app on the given store, or on a fresh one in the test's
    /// folder.
    pub async fn launch_on(store: Option<&std::path::Path>) -> App {
        let binary = app_binary();
        assert!(
            binary.exists(),
            "the app is not built at {} — build ui/dist, then `cargo build -p coalition-desk --features tauri/custom-protocol`",
            binary.display()
        );
        assert!(
            std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
            "no display: run the end-to-end tests under xvfb-run (scripts/test does)"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        // WebKitWebDriver now and then dies while the session starts; a fresh tauri-driver on
        // fresh ports is then tried once more. A failed driver is always stopped, so that no
        // orphan keeps the test run's output open.
        let mut last_error = String::new();
        for _ in 0..2 {
            let port = free_port();
            let native_port = free_port();
            let driver_process = DriverProcess(
                Command::new(tauri_driver())
                    .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
                    .env("COALITION_DB", store.map(|p| p.to_path_buf()).unwrap_or_else(|| dir.path().join("e2e.db")))
                    .stdout(Stdio::null())
                    .stderr(Stdio::inherit())
                    .spawn()
                    .expect("tauri-driver could not start: install it with `cargo install tauri-driver --locked`"),
            );
            let url = format!("http://127.0.0.1:{port}");
            let mut caps = Capabilities::new();
            caps.set("browserName", "wry").unwrap();
            caps.set("tauri:options", serde_json::json!({ "application": binary })).unwrap();
            let started = Instant::now();
            loop {
                let attempt = tokio::time::timeout(Duration::from_secs(30), WebDriver::new(url.clone(), caps.clone())).await;
                match attempt {
                    Ok(Ok(driver)) => return App { driver, _driver: driver_process, dir },
                    Ok(Err(_)) if started.elapsed() < Duration::from_secs(30) => {
                        tokio::time::sleep(Duration::from_millis(250)).await;
                    }
                    Ok(Err(error)) => {
                        last_error = error.to_string();
                        break;
                    }
                    Err(_) => {
                        last_error = "the app did not start within 30 s".into();
                        break;
                    }
                }
            }
            drop(driver_process);
        }
        panic!("no WebDriver session: {last_error}");
    }

    /// Waits until an element matching `css` exists (and is displayed), and returns it.
    pub async fn wait_for(&self, css: &str) -> WebElement {
        self.wait_for_text(css, "").await
    }

    /// Waits until an element matching `css` whose text contains `text` is displayed.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> WebElement {
        self.wait_until(css, text, |actual| actual.contains(text)).await
    }

    /// Waits until an element matching `css` whose whole text is `text` is displayed.
    pub async fn wait_for_exact(&self, css: &str, text: &str) -> WebElement {
        self.wait_until(css, text, |actual| actual.trim() == text).await
    }

    async fn wait_until(&self, css: &str, text: &str, matches: impl Fn(&str) -> bool) -> WebElement {
        let started = Instant::now();
        loop {
            if let Ok(elements) = self.driver.find_all(By::Css(css)).await {
                for element in elements {
                    if element.is_displayed().await.unwrap_or(false)
                        && text_of(&element).await.map(|t| matches(&t)).unwrap_or(false)
                    {
                        return element;
                    }
                }
            }
            if started.elapsed() > Duration::from_secs(20) {
                let path = screenshot_dir().join("failure.png");
                let _ = self.driver.screenshot(&path).await;
                panic!("no element {css} with text {text:?} after 20 s (screenshot: {})", path.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element matching `css`, scrolled into view. A toast or a closing dialog
    /// may sit over it for a moment; the click is retried until it lands.
    pub async fn click(&self, css: &str) {
        let started = Instant::now();
        loop {
            let element = self.wait_for(css).await;
            let _ = element.scroll_into_view().await;
            match element.click().await {
                Ok(()) => return,
                Err(error) if started.elapsed() < Duration::from_secs(10) => {
                    let _ = error;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(error) => {
                    self.shot("failure.png").await;
                    panic!("could not click {css}: {error}");
                }
            }
        }
    }

    /// Clicks `element`, scrolled into view, retrying while a toast or notice sits over it
    /// (WebKit calls that "element click intercepted").
    pub async fn click_element(&self, element: &WebElement) {
        let started = Instant::now();
        loop {
            let _ = element.scroll_into_view().await;
            match element.click().await {
                Ok(()) => return,
                Err(_) if started.elapsed() < Duration::from_secs(10) => {
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(error) => {
                    self.shot("failure.png").await;
                    panic!("could not click the element: {error}");
                }
            }
        }
    }

    /// Waits until exactly `count` elements match `css` (a filtered list has settled).
    pub async fn wait_count(&self, css: &str, count: usize) {
        let started = Instant::now();
        loop {
            let n = self.driver.find_all(By::Css(css)).await.map(|e| e.len()).unwrap_or(usize::MAX);
            if n == count {
                return;
            }
            if started.elapsed() > Duration::from_secs(20) {
                self.shot("failure.png").await;
                panic!("{n} elements match {css} after 20 s, not {count}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Sets the value of the input, select or textarea matching `css` as the user would,
    /// so that React sees it (native value setter, then `input` and `change` events).
    pub async fn set_value(&self, css: &str, value: &str) {
        let element = self.wait_for(css).await;
        self.driver
            .execute(
                "const el = arguments[0]; const proto = Object.getPrototypeOf(el); \
                 Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]); \
                 el.dispatchEvent(new Event('input', { bubbles: true })); \
                 el.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![element.to_json().unwrap(), serde_json::Value::String(value.to_string())],
            )
            .await
            .unwrap();
    }

    /// Saves a screenshot of the window under `tests/e2e/screenshots/`.
    pub async fn shot(&self, name: &str) {
        let _ = self.driver.screenshot(&screenshot_dir().join(name)).await;
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        let started = Instant::now();
        while self.driver.find_all(By::Css(css)).await.map(|e| !e.is_empty()).unwrap_or(false) {
            assert!(started.elapsed() < Duration::from_secs(20), "{css} is still there after 20 s");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The id of a visible window that is not the app's own (the native file dialog).
    fn dialog_window() -> Option<String> {
        let out = Command::new("xdotool").args(["search", "--onlyvisible", "--name", "."]).output().expect("xdotool is installed");
        String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).find(|id| {
            let name = Command::new("xdotool")
                .args(["getwindowname", id])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default();
            !name.is_empty() && name != "Coalition Desk" && name != "coalition-desk" && !name.starts_with("WebKit")
        })
    }

    /// Answers the native (GTK) open or save dialog that the app has just opened by typing
    /// `path` into it, as a coordinator would, through xdotool on the test's X display.
    /// Keystrokes sent while GTK is still settling can be lost, so the path is typed again
    /// until the dialog closes.
    pub async fn answer_file_dialog(&self, path: &Path) {
        let started = Instant::now();
        let window = loop {
            if let Some(id) = Self::dialog_window() {
                break id;
            }
            assert!(started.elapsed() < Duration::from_secs(20), "no file dialog opened");
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let xdotool = |args: &[&str]| Command::new("xdotool").args(args).status().map(|s| s.success()).unwrap_or(false);
        for attempt in 0..4 {
            // Give the dialog a moment to draw and take the keyboard focus.
            tokio::time::sleep(Duration::from_millis(700 + 500 * attempt)).await;
            xdotool(&["windowfocus", "--sync", &window]);
            // Ctrl+L opens GTK's location entry first: typing "/" would open it too, but it
            // swallows the next key while it appears.
            xdotool(&["key", "--window", &window, "ctrl+l"]);
            tokio::time::sleep(Duration::from_millis(400)).await;
            xdotool(&["key", "ctrl+a"]);
            xdotool(&["type", "--delay", "20", &path.display().to_string()]);
            tokio::time::sleep(Duration::from_millis(500)).await;
            if std::env::var_os("E2E_DEBUG_DIALOG").is_some() {
                let shot = screenshot_dir().join(format!("dialog-typed-{attempt}.png"));
                let _ = Command::new("import").args(["-window", "root", &shot.display().to_string()]).status();
            }
            xdotool(&["key", "Return"]);
            let typed = Instant::now();
            while typed.elapsed() < Duration::from_secs(3) {
                if Self::dialog_window().is_none() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
        }
        panic!("the file dialog did not take the path {}", path.display());
    }

    /// Ends the session; dropping the app then stops tauri-driver.
    pub async fn close(self) {
        let _ = self.driver.clone().quit().await;
    }
}

/// A running tauri-driver.
pub struct DriverProcess(Child);

impl Drop for DriverProcess {
    /// Stops tauri-driver with SIGTERM (so that WebKitWebDriver and the app go too), also
    /// when a test panicked.
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
        let _ = self.0.wait();
    }
}
