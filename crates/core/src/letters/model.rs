//! Letters and signatures as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;
use crate::memberships::MembershipStatus;

use super::publish::ExportOptions;

string_enum! {
    /// What kind of text organisations are asked to sign.
    LetterKind ("letter kind") {
        /// An open letter.
        OpenLetter => "open_letter",
        /// A joint statement.
        JointStatement => "joint_statement",
        /// A position paper.
        PositionPaper => "position_paper",
        /// A response to a consultation.
        ConsultationResponse => "consultation_response",
        /// A petition.
        Petition => "petition",
    }
}

string_enum! {
    /// Where a letter is in its life.
    LetterStatus ("letter status") {
        /// Being written.
        Drafting => "drafting",
        /// Collecting signatures.
        Collecting => "collecting",
        /// Published.
        Published => "published",
        /// Closed.
        Closed => "closed",
    }
}

string_enum! {
    /// Where one organisation's signature stands.
    SignatureState ("signature state") {
        /// Asked, no answer yet.
        Invited => "invited",
        /// Signed.
        Signed => "signed",
        /// Said no.
        Declined => "declined",
        /// Signed, then withdrew (kept, never exported).
        Withdrawn => "withdrawn",
    }
}

string_enum! {
    /// How a signature reached the coalition.
    SignatureChannel ("channel") {
        /// By email.
        Email => "email",
        /// Through a web form.
        WebForm => "web_form",
        /// By phone.
        Phone => "phone",
        /// In person.
        InPerson => "in_person",
    }
}

/// A letter as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Letter {
    /// UUIDv7.
    pub id: String,
    /// Short unique reference used by scripts, such as `open-letter-2022`.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: LetterKind,
    /// Who it is addressed to.
    pub target: Option<String>,
    /// The text.
    pub body: Option<String>,
    /// A link to the text.
    pub link: Option<String>,
    /// Language codes (ISO 639-1), such as `en`, `fr`.
    pub languages: Vec<String>,
    /// Status.
    pub status: LetterStatus,
    /// Signature deadline (YYYY-MM-DD).
    pub deadline: Option<String>,
    /// Publication date (YYYY-MM-DD).
    pub published_on: Option<String>,
    /// When it was created (UTC).
    pub created_at: String,
    /// When it last changed (UTC).
    pub updated_at: String,
}

/// What a person types to create or edit a letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterInput {
    /// Required, unique: lower-case letters, digits and hyphens.
    pub reference: String,
    /// Required.
    pub title: String,
    /// Kind (default open letter).
    pub kind: Option<LetterKind>,
    /// Addressee.
    pub target: Option<String>,
    /// Text.
    pub body: Option<String>,
    /// Link (a bare www.example.org gets https://).
    pub link: Option<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Status (default drafting).
    pub status: Option<LetterStatus>,
    /// Deadline (YYYY-MM-DD).
    pub deadline: Option<String>,
    /// Publication date (YYYY-MM-DD).
    pub published_on: Option<String>,
}

/// Signature counts of one letter. `silent` are invited organisations that have not answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignatureCounts {
    /// Organisations asked (whatever they answered).
    pub invited: u32,
    /// Signed.
    pub signed: u32,
    /// Declined.
    pub declined: u32,
    /// Withdrawn after signing.
    pub withdrawn: u32,
    /// Invited and not answered yet.
    pub silent: u32,
}

/// A letter with its counts, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterSummary {
    /// The letter.
    pub letter: Letter,
    /// Its signature counts.
    pub counts: SignatureCounts,
}

/// One signature, with its organisation, for the letter's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Signature {
    /// UUIDv7.
    pub id: String,
    /// The letter.
    pub letter_id: String,
    /// The signing organisation.
    pub organisation_id: String,
    /// Its registered name.
    pub organisation_name: String,
    /// Its short name.
    pub organisation_short_name: Option<String>,
    /// Its country (alpha-2).
    pub country: String,
    /// State.
    pub state: SignatureState,
    /// Date invited.
    pub invited_on: Option<String>,
    /// Date signed.
    pub signed_on: Option<String>,
    /// Date declined.
    pub declined_on: Option<String>,
    /// Date withdrawn.
    pub withdrawn_on: Option<String>,
    /// Why it was withdrawn.
    pub withdrawal_reason: Option<String>,
    /// How it came.
    pub channel: Option<SignatureChannel>,
    /// Whether the organisation's name may be published.
    pub publish_organisation: bool,
    /// Whether the signer's name may be published.
    pub publish_signer: bool,
    /// The name to publish instead of the registered name.
    pub display_name: Option<String>,
    /// The named signer.
    pub signer_name: Option<String>,
    /// The signer's title at the time.
    pub signer_title: Option<String>,
    /// The signer as a person on record, when known.
    pub signer_person_id: Option<String>,
}

/// A signature to record or change. The organisation and letter are given separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignatureInput {
    /// New state.
    pub state: SignatureState,
    /// The date of this state (default today).
    pub date: Option<String>,
    /// How it came.
    pub channel: Option<SignatureChannel>,
    /// Whether the organisation's name may be published.
    pub publish_organisation: bool,
    /// Whether the signer's name may be published.
    pub publish_signer: bool,
    /// Name to publish instead of the registered name.
    pub display_name: Option<String>,
    /// Named signer.
    pub signer_name: Option<String>,
    /// Signer's title at the time.
    pub signer_title: Option<String>,
    /// The signer as a person on record. When the name or title is left empty, the person's
    /// display name and their job title at the organisation fill them.
    #[serde(default)]
    pub signer_person_id: Option<String>,
    /// Reason, when withdrawing.
    pub withdrawal_reason: Option<String>,
}

impl Default for SignatureInput {
    fn default() -> Self {
        SignatureInput {
            state: SignatureState::Signed,
            date: None,
            channel: None,
            publish_organisation: true,
            publish_signer: false,
            display_name: None,
            signer_name: None,
            signer_title: None,
            signer_person_id: None,
            withdrawal_reason: None,
        }
    }
}

/// A letter with its counts and every signature, for the detail view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterDetail {
    /// The letter.
    pub letter: Letter,
    /// Its counts.
    pub counts: SignatureCounts,
    /// Every signature, by organisation name.
    pub signatures: Vec<Signature>,
    /// The export choices last used for this letter.
    pub export_choices: Option<ExportOptions>,
}

/// Which organisations to invite: by membership status and country (empty = any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InviteSegment {
    /// Membership statuses (empty = any organisation with or without membership).
    pub statuses: Vec<MembershipStatus>,
    /// Country codes (empty = all).
    pub countries: Vec<String>,
}

/// An organisation that has not signed yet, with the addresses to write to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NotYetSigned {
    /// The organisation.
    pub organisation_id: String,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// Its signature state, if it was invited or declined.
    pub state: Option<SignatureState>,
    /// Addresses to write to: its focal points' preferred emails, or the organisation's own
    /// address when no focal point has one.
    pub emails: Vec<String>,
    /// Who each address reaches: the focal points by name, or the organisation's address.
    pub contacts: Vec<NotSignedContact>,
}

/// One address to write to about a letter not signed yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NotSignedContact {
    /// The focal point's display name; none for the organisation's own address.
    pub name: Option<String>,
    /// The focal point, if it is one.
    pub person_id: Option<String>,
    /// The address.
    pub email: String,
}

/// Which organisations the signature matrix shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MatrixQuery {
    /// Membership statuses (empty = any).
    pub statuses: Vec<MembershipStatus>,
    /// Only organisations with at least one signature record.
    pub only_with_signatures: bool,
    /// First row.
    pub offset: u32,
    /// Rows wanted (at most 1000).
    pub limit: u32,
}

impl Default for MatrixQuery {
    fn default() -> Self {
        MatrixQuery { statuses: vec![], only_with_signatures: true, offset: 0, limit: 200 }
    }
}

/// A column of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MatrixLetter {
    /// The letter's id.
    pub id: String,
    /// Its reference.
    pub reference: String,
    /// Its title.
    pub title: String,
}

/// A row of the matrix: one organisation's state on every letter (same order as the columns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MatrixRow {
    /// The organisation.
    pub organisation_id: String,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// Its membership status.
    pub membership_status: Option<MembershipStatus>,
    /// Its signature state on each letter, none where it was never asked.
    pub cells: Vec<Option<SignatureState>>,
}

/// Organisations against letters: who signed what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignatureMatrix {
    /// The letters, oldest first.
    pub letters: Vec<MatrixLetter>,
    /// The organisations of this page.
    pub rows: Vec<MatrixRow>,
    /// Organisations in the whole view.
    pub total: u32,
}

/// What inviting a segment did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InviteReport {
    /// Organisations invited now.
    pub invited: u32,
    /// The letter as it is now.
    pub detail: LetterDetail,
}
