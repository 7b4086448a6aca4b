//! Long operations (imports, the MEP sync, big exports): their progress goes to a channel the
//! UI passes with the call, and `cancel_operation` stops one by the id the UI chose for it.
//! The registry of running operations is core's `Operations`, managed as app state.

use coalition_core::progress::{Operations, Progress, OperationProgress};
use tauri::ipc::{Channel, JavaScriptChannelId};
use tauri::{State, Webview};

use super::Reply;

/// Asks the running operation `id` to stop; `false` when it already ended (or never ran).
#[tauri::command(async)]
pub fn cancel_operation(operations: State<'_, Operations>, id: String) -> Reply<bool> {
    Ok(operations.cancel(&id))
}

/// Runs `work` registered as the operation `id` (when the UI gave one), sending its progress
/// to the UI's channel (when it gave one). A cancelled operation answers `cancelled`.
pub(crate) fn tracked<T>(
    operations: &Operations,
    webview: &Webview,
    id: Option<String>,
    channel: Option<JavaScriptChannelId>,
    work: impl FnOnce(&mut Progress<'_>) -> coalition_core::Result<T>,
) -> Reply<T> {
    let channel: Option<Channel<OperationProgress>> = channel.map(|c| c.channel_on(webview.clone()));
    let report = move |event: OperationProgress| {
        if let Some(channel) = &channel {
            let _ = channel.send(event);
        }
    };
    operations.run(id.as_deref(), report, work).map_err(Into::into)
}
