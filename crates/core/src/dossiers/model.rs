//! Dossiers as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;

string_enum! {
    /// What an MEP does on a dossier.
    DossierRole ("dossier role") {
        /// The rapporteur, who writes the Parliament's report.
        Rapporteur => "rapporteur",
        /// A political group's shadow rapporteur.
        ShadowRapporteur => "shadow_rapporteur",
    }
}

/// A legislative file, such as 2022/0155(COD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dossier {
    /// UUIDv7.
    pub id: String,
    /// The procedure reference, `YYYY/NNNN(XXX)`.
    pub reference: String,
    /// A short title.
    pub short_title: String,
    /// The lead committee's code (LIBE...).
    pub lead_committee: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

/// What a coordinator types to create or edit a dossier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DossierInput {
    /// `2022/0155(COD)`; spaces and lower-case letters are forgiven.
    pub reference: String,
    /// Required.
    pub short_title: String,
    /// A committee code, or none.
    #[serde(default)]
    pub lead_committee: Option<String>,
}

/// A parliamentary committee that can lead a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LeadCommittee {
    /// Four-letter code, such as LIBE.
    pub code: String,
    /// Its name.
    pub name: String,
}

/// One MEP's role on a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DossierRoleHolder {
    /// The role's id (to remove it).
    pub id: String,
    /// The policy-maker (a person id).
    pub person_id: String,
    /// How the person is shown.
    pub display_name: String,
    /// Political group code, for MEPs.
    pub group_code: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// The role.
    pub role: DossierRole,
}

/// A dossier with its rapporteurs and shadows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DossierDetail {
    /// The dossier.
    pub dossier: Dossier,
    /// Rapporteur first, then shadows, by family name.
    pub roles: Vec<DossierRoleHolder>,
}
