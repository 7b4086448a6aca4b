//! Bodies and seat terms as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;

string_enum! {
    /// What a body is.
    BodyKind ("body kind") {
        /// The steering group.
        SteeringGroup => "steering_group",
        /// A working group.
        WorkingGroup => "working_group",
        /// The secretariat.
        Secretariat => "secretariat",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// The role a seat carries.
    SeatRole ("seat role") {
        /// A member.
        Member => "member",
        /// The chair (one holder at a time).
        Chair => "chair",
        /// A co-chair.
        CoChair => "co_chair",
        /// The vice-chair (one holder at a time).
        ViceChair => "vice_chair",
        /// A lead.
        Lead => "lead",
        /// The secretariat.
        Secretariat => "secretariat",
    }
}

impl SeatRole {
    /// Roles that one holder at a time may hold in a body.
    pub fn single_holder(self) -> bool {
        matches!(self, SeatRole::Chair | SeatRole::ViceChair)
    }
}

/// A body of the coalition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Body {
    /// UUIDv7.
    pub id: String,
    /// Name, such as "Steering group".
    pub name: String,
    /// Kind.
    pub kind: BodyKind,
}

/// One term of one seat, held by an organisation, a person, or a person for an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeatTerm {
    /// UUIDv7.
    pub id: String,
    /// The body.
    pub body: Body,
    /// The role.
    pub role: SeatRole,
    /// The holding organisation, if an organisation holds it.
    pub organisation_id: Option<String>,
    /// Its name.
    pub organisation_name: Option<String>,
    /// The holding person, if a person holds it.
    pub person_id: Option<String>,
    /// Their display name.
    pub person_name: Option<String>,
    /// First day (YYYY-MM-DD).
    pub starts_on: String,
    /// Last day, if the term has ended or has an end.
    pub ends_on: Option<String>,
}

impl SeatTerm {
    /// The holder as a coordinator says it: `"Heidi De Pauw" (Child Focus)`, `"Eurochild"`.
    pub fn holder(&self) -> String {
        match (&self.person_name, &self.organisation_name) {
            (Some(person), Some(org)) => format!("\"{person}\" ({org})"),
            (Some(person), None) => format!("\"{person}\""),
            (None, Some(org)) => format!("\"{org}\""),
            (None, None) => "\"?\"".into(),
        }
    }
}

/// A term to record. The body is found by name (case and accents ignored) or created. At
/// least one of the organisation and the person holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeatTermInput {
    /// The body's name.
    pub body: String,
    /// The body's kind, used when it is created.
    pub kind: BodyKind,
    /// The role.
    pub role: SeatRole,
    /// The holding organisation.
    #[serde(default)]
    pub organisation_id: Option<String>,
    /// The holding person.
    #[serde(default)]
    pub person_id: Option<String>,
    /// First day.
    pub starts_on: String,
    /// Last day.
    pub ends_on: Option<String>,
}
