//! Tabular files as coordinators have them: CSV from Excel in any European locale (UTF-8
//! with or without BOM, UTF-16, or Windows-1252; comma, semicolon or tab), and the
//! spreadsheet-safe writing of cells. XLSX workbooks are read too.

mod inert;
mod read;
mod write;
mod xlsx;

pub use inert::{inert, inert_cell_needed};
pub use write::{read_file, write_atomically};
pub use xlsx::{looks_like_xlsx, read_any, read_xlsx};
pub use read::{decode, read_table, sniff_delimiter, Table, TableRow};
