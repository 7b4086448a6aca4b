//! Tabular files as coordinators have them: CSV from Excel in any European locale (UTF-8
//! with or without BOM, UTF-16, or Windows-1252; comma, semicolon or tab), and the
//! spreadsheet-safe writing of cells.

mod inert;
mod read;
mod write;

pub use inert::{inert, inert_cell_needed};
pub use write::write_atomically;
pub use read::{decode, read_table, sniff_delimiter, Table, TableRow};
