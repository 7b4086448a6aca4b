//! Writing export files so that a failure never leaves a half-written file in place.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::{CoreError, Result};

/// Writes `path` through a temporary file beside it, renamed into place only when `write`
/// succeeded and the data reached the disk.
pub fn write_atomically<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    let io = |context: String| move |source| CoreError::Io { context, source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let temp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let result = (|| {
        let file = File::create(&temp).map_err(io(format!("cannot write {}", path.display())))?;
        let mut out = BufWriter::new(file);
        let value = write(&mut out)?;
        let file = out.into_inner().map_err(|e| CoreError::Io {
            context: format!("cannot write {}", path.display()),
            source: e.into_error(),
        })?;
        file.sync_all().map_err(io(format!("cannot write {}", path.display())))?;
        std::fs::rename(&temp, path).map_err(io(format!("cannot write {}", path.display())))?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Reads a whole file, naming it when it cannot be read.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| CoreError::Io { context: format!("cannot read {}", path.display()), source })
}
