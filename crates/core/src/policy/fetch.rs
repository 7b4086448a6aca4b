//! Downloading the Parliament's current MEP list, when the user asks, with progress.

use std::io::Read;
use std::time::Duration;

use super::model::FetchProgress;
use crate::error::{CoreError, Result};

/// Where the Parliament publishes its current members as XML.
pub const EP_LIST_URL: &str = "https://www.europarl.europa.eu/meps/en/full-list/xml";
/// The environment variable that points the app at another address (tests serve a fixture).
pub const EP_URL_ENV: &str = "COALITION_EP_URL";

/// A list larger than this is refused: the real one is well under a megabyte.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The address to fetch: the one given, else `COALITION_EP_URL`, else the Parliament's.
pub fn list_url(explicit: Option<&str>) -> String {
    explicit
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(String::from)
        .or_else(|| std::env::var(EP_URL_ENV).ok().filter(|u| !u.trim().is_empty()))
        .unwrap_or_else(|| EP_LIST_URL.to_string())
}

fn unreachable(detail: impl std::fmt::Display) -> CoreError {
    CoreError::Network(format!("Could not reach the European Parliament's site: {detail}"))
}

fn describe(error: ureq::Error) -> CoreError {
    match error {
        ureq::Error::StatusCode(code) => {
            CoreError::Network(format!("The European Parliament's site answered with an error (HTTP {code})"))
        }
        ureq::Error::HostNotFound => unreachable("the address was not found (are you offline?)"),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => unreachable("the connection was refused"),
        ureq::Error::Timeout(_) => unreachable("it did not answer in time"),
        other => unreachable(other),
    }
}

/// Downloads the list at `url`, calling `progress` as bytes arrive (and once at the end).
pub fn fetch_list(url: &str, progress: &mut dyn FnMut(FetchProgress)) -> Result<Vec<u8>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(20)))
        .timeout_global(Some(Duration::from_secs(180)))
        .http_status_as_error(true)
        .build()
        .into();
    let response = agent.get(url).header("Accept", "application/xml, text/xml").call().map_err(describe)?;
    let body = response.into_body();
    let total = body.content_length();
    let mut reader = body.into_reader();
    let mut bytes = Vec::with_capacity(total.unwrap_or(256 * 1024).min(MAX_BYTES) as usize);
    let mut chunk = vec![0u8; 64 * 1024];
    progress(FetchProgress { received: 0, total });
    loop {
        let n = reader.read(&mut chunk).map_err(|e| unreachable(format!("the download broke off ({e})")))?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > MAX_BYTES {
            return Err(CoreError::BadFile(format!("the list at {url} is larger than {} MB; it is not the MEP list", MAX_BYTES >> 20)));
        }
        progress(FetchProgress { received: bytes.len() as u64, total });
    }
    progress(FetchProgress { received: bytes.len() as u64, total: Some(bytes.len() as u64) });
    Ok(bytes)
}
