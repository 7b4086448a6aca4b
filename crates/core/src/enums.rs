//! The macro behind every closed vocabulary (types, tiers, statuses): one Rust enum, one
//! string per variant that matches the SQL CHECK constraint, and forgiving parsing.

/// Declares a string-backed enum with `as_str`, `ALL`, `parse` and serde/ts-rs support.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) { $( $(#[$vmeta:meta])* $variant:ident => $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and exchanged spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses a value typed by a person: case, spaces and hyphens are forgiven.
            pub fn parse(input: &str) -> std::result::Result<Self, String> {
                let wanted: String = input
                    .trim()
                    .chars()
                    .map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() })
                    .collect();
                $( if wanted == $text { return Ok($name::$variant); } )+
                let all: Vec<&str> = vec![$($text),+];
                Err(format!("unknown {} \"{}\" (expected one of: {})", $what, input.trim(), all.join(", ")))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).map_err(|e| rusqlite::types::FromSqlError::Other(e.into()))
            }
        }
    };
}

pub(crate) use string_enum;
