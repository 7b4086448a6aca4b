//! Matching names typed by people (web forms, partners' spreadsheets) to organisations, and
//! finding likely duplicate organisations.
