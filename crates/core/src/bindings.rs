//! The TypeScript types of everything that crosses into the UI, generated with ts-rs.
//! `ui/src/bindings/` holds the committed output; a test fails when it is stale, and
//! `UPDATE_BINDINGS=1 cargo test -p coalition-core bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::audit::AuditEntry;
use crate::backup::{BackupFile, BackupReport, BackupSettings, BackupSettingsInput, RecoveryInfo, RestoreReport};
use crate::countries::Country;
use crate::demo::DemoReport;
use crate::encryption::{EncryptionReport, SecurityStatus};
use crate::error::{ApiError, FieldError};
use crate::events::*;
use crate::memberships::*;
use crate::organisations::*;
use crate::people;
use crate::letters::import::*;
use crate::letters::publish::*;
use crate::letters::*;
use crate::matching::*;
use crate::policy;
use crate::search::{SearchHit, SearchKind};
use crate::seats::*;
use crate::store::StoreInfo;

fn render<T: TS + 'static + ?Sized>(cfg: &Config) -> (String, String) {
    let name = T::name(cfg);
    let text = T::export_to_string(cfg).unwrap_or_else(|e| panic!("cannot render {name}: {e}"));
    (format!("{name}.ts"), text)
}

/// Every generated file: its name and its content.
pub fn all() -> Vec<(String, String)> {
    let cfg = Config::new().with_large_int("number");
    let mut files = vec![
        render::<EventKind>(&cfg),
        render::<EventStatus>(&cfg),
        render::<SessionKind>(&cfg),
        render::<SpeakerRole>(&cfg),
        render::<SpeakerState>(&cfg),
        render::<ParticipantRole>(&cfg),
        render::<ParticipantState>(&cfg),
        render::<EventOrganiser>(&cfg),
        render::<EventInput>(&cfg),
        render::<Event>(&cfg),
        render::<ParticipantCounts>(&cfg),
        render::<EventSummary>(&cfg),
        render::<EventQuery>(&cfg),
        render::<SpeakerInput>(&cfg),
        render::<SessionInput>(&cfg),
        render::<Speaker>(&cfg),
        render::<Session>(&cfg),
        render::<ProgrammeIssueKind>(&cfg),
        render::<ProgrammeIssue>(&cfg),
        render::<Programme>(&cfg),
        render::<Participant>(&cfg),
        render::<ParticipantQuery>(&cfg),
        render::<ParticipantPage>(&cfg),
        render::<InviteTarget>(&cfg),
        render::<InviteOutcome>(&cfg),
        render::<ParticipantChange>(&cfg),
        render::<ParticipantInput>(&cfg),
        render::<GroupAttendance>(&cfg),
        render::<Attendance>(&cfg),
        render::<EventTask>(&cfg),
        render::<EventTaskInput>(&cfg),
        render::<EventDetail>(&cfg),
        render::<EventExportKind>(&cfg),
        render::<EventExportFormat>(&cfg),
        render::<EventExportOptions>(&cfg),
        render::<PersonList>(&cfg),
        render::<ApiError>(&cfg),
        render::<FieldError>(&cfg),
        render::<AuditEntry>(&cfg),
        render::<Country>(&cfg),
        render::<StoreInfo>(&cfg),
        render::<SearchKind>(&cfg),
        render::<SearchHit>(&cfg),
        render::<crate::progress::ProgressPhase>(&cfg),
        render::<crate::progress::OperationProgress>(&cfg),
        render::<BackupSettings>(&cfg),
        render::<BackupSettingsInput>(&cfg),
        render::<SecurityStatus>(&cfg),
        render::<EncryptionReport>(&cfg),
        render::<BackupFile>(&cfg),
        render::<BackupReport>(&cfg),
        render::<RestoreReport>(&cfg),
        render::<RecoveryInfo>(&cfg),
        render::<DemoReport>(&cfg),
        render::<OrgType>(&cfg),
        render::<Organisation>(&cfg),
        render::<OrganisationInput>(&cfg),
        render::<NewOrganisation>(&cfg),
        render::<OrganisationDetail>(&cfg),
        render::<OrganisationRow>(&cfg),
        render::<OrganisationSort>(&cfg),
        render::<SortDirection>(&cfg),
        render::<OrganisationQuery>(&cfg),
        render::<OrganisationPage>(&cfg),
        render::<ImportOptions>(&cfg),
        render::<ColumnChoice>(&cfg),
        render::<ImportIssue>(&cfg),
        render::<ImportReport>(&cfg),
        render::<MembershipTier>(&cfg),
        render::<MembershipStatus>(&cfg),
        render::<Membership>(&cfg),
        render::<StatusChange>(&cfg),
        render::<NewMembership>(&cfg),
        render::<StatusChangeInput>(&cfg),
        render::<MembershipUpdate>(&cfg),
        render::<MergeReport>(&cfg),
        render::<BodyKind>(&cfg),
        render::<SeatRole>(&cfg),
        render::<Body>(&cfg),
        render::<SeatTerm>(&cfg),
        render::<SeatTermInput>(&cfg),
        render::<LetterKind>(&cfg),
        render::<LetterStatus>(&cfg),
        render::<SignatureState>(&cfg),
        render::<SignatureChannel>(&cfg),
        render::<Letter>(&cfg),
        render::<LetterInput>(&cfg),
        render::<SignatureCounts>(&cfg),
        render::<LetterSummary>(&cfg),
        render::<Signature>(&cfg),
        render::<SignatureInput>(&cfg),
        render::<LetterDetail>(&cfg),
        render::<InviteSegment>(&cfg),
        render::<InviteReport>(&cfg),
        render::<NotYetSigned>(&cfg),
        render::<NotSignedContact>(&cfg),
        render::<MatrixQuery>(&cfg),
        render::<MatrixLetter>(&cfg),
        render::<MatrixRow>(&cfg),
        render::<SignatureMatrix>(&cfg),
        render::<ExportFormat>(&cfg),
        render::<SignatoryOrder>(&cfg),
        render::<ExportOptions>(&cfg),
        render::<SignatureColumns>(&cfg),
        render::<TablePreview>(&cfg),
        render::<PreviewRow>(&cfg),
        render::<RowMatch>(&cfg),
        render::<RowDecision>(&cfg),
        render::<SignatureImportOptions>(&cfg),
        render::<SignatureImportReport>(&cfg),
        render::<Candidate>(&cfg),
        render::<Suggestion>(&cfg),
        render::<MatchOutcome>(&cfg),
        render::<DuplicateReason>(&cfg),
        render::<DuplicatePair>(&cfg),
        render::<crate::interactions::InteractionKind>(&cfg),
        render::<crate::interactions::TaskInput>(&cfg),
        render::<crate::interactions::Task>(&cfg),
        render::<crate::interactions::InteractionInput>(&cfg),
        render::<crate::interactions::InteractionParticipant>(&cfg),
        render::<crate::interactions::Interaction>(&cfg),
        render::<crate::interactions::InteractionQuery>(&cfg),
        render::<crate::interactions::InteractionPage>(&cfg),
        render::<crate::interactions::TimelineQuery>(&cfg),
        render::<crate::interactions::TimelineEntry>(&cfg),
        render::<crate::interactions::TimelinePage>(&cfg),
        render::<crate::interactions::TaskQuery>(&cfg),
        render::<crate::interactions::TaskPage>(&cfg),
        render::<crate::interactions::PartyKind>(&cfg),
        render::<crate::interactions::PartyHit>(&cfg),
        render::<crate::interactions::DossierChoice>(&cfg),
        render::<policy::Office>(&cfg),
        render::<policy::MepStatus>(&cfg),
        render::<policy::CommitteeRole>(&cfg),
        render::<policy::GroupCode>(&cfg),
        render::<policy::PoliticalGroup>(&cfg),
        render::<policy::Committee>(&cfg),
        render::<policy::CommitteeMembership>(&cfg),
        render::<policy::CommitteeMembershipInput>(&cfg),
        render::<policy::PolicyMakerDossierRole>(&cfg),
        render::<policy::PolicyMakerInput>(&cfg),
        render::<policy::PolicyMaker>(&cfg),
        render::<policy::PolicyMakerRow>(&cfg),
        render::<policy::PolicyMakerQuery>(&cfg),
        render::<policy::PolicyMakerPage>(&cfg),
        render::<policy::MepListing>(&cfg),
        render::<policy::MepRecord>(&cfg),
        render::<policy::MepChangeKind>(&cfg),
        render::<policy::MepChange>(&cfg),
        render::<policy::MepSyncReport>(&cfg),
        render::<policy::FetchProgress>(&cfg),
        render::<policy::MepFetch>(&cfg),
        render::<people::EmailLabel>(&cfg),
        render::<people::LawfulBasis>(&cfg),
        render::<crate::data_protection::ExportEntry>(&cfg),
        render::<crate::data_protection::ExportLogRow>(&cfg),
        render::<crate::data_protection::ExportLogPage>(&cfg),
        render::<crate::data_protection::PageQuery>(&cfg),
        render::<crate::data_protection::SensitivePerson>(&cfg),
        render::<crate::data_protection::SensitivePage>(&cfg),
        render::<crate::data_protection::SensitiveScope>(&cfg),
        render::<crate::data_protection::RetentionQuery>(&cfg),
        render::<crate::data_protection::RetentionRow>(&cfg),
        render::<crate::data_protection::RetentionPage>(&cfg),
        render::<people::PhoneLabel>(&cfg),
        render::<people::LabelledEmail>(&cfg),
        render::<people::LabelledPhone>(&cfg),
        render::<people::PersonInput>(&cfg),
        render::<people::Person>(&cfg),
        render::<people::NewPerson>(&cfg),
        render::<people::AffiliationInput>(&cfg),
        render::<people::Affiliation>(&cfg),
        render::<people::PersonDuplicateReason>(&cfg),
        render::<people::PersonRef>(&cfg),
        render::<people::PersonDuplicate>(&cfg),
        render::<people::PersonDetail>(&cfg),
        render::<people::PersonRow>(&cfg),
        render::<people::PersonSort>(&cfg),
        render::<people::PolicyMakerFilter>(&cfg),
        render::<people::PersonQuery>(&cfg),
        render::<people::PersonPage>(&cfg),
        render::<people::OrganisationPerson>(&cfg),
        render::<people::PeopleImportReport>(&cfg),
        // dashboard
        render::<crate::dashboard::MembershipMonth>(&cfg),
        render::<crate::dashboard::UpcomingEvent>(&cfg),
        render::<crate::dashboard::OverdueTask>(&cfg),
        render::<crate::dashboard::OverdueTasks>(&cfg),
        render::<crate::dashboard::CollectingLetter>(&cfg),
        render::<crate::dashboard::CollectingLetters>(&cfg),
        render::<crate::dashboard::GroupStances>(&cfg),
        render::<crate::dashboard::StanceBreakdown>(&cfg),
        render::<crate::dashboard::RecentInteraction>(&cfg),
        render::<crate::dashboard::Dashboard>(&cfg),
        // dossiers, stances, votes, profile
        render::<crate::dossiers::Dossier>(&cfg),
        render::<crate::dossiers::DossierInput>(&cfg),
        render::<crate::dossiers::DossierRole>(&cfg),
        render::<crate::dossiers::DossierRoleHolder>(&cfg),
        render::<crate::dossiers::DossierDetail>(&cfg),
        render::<crate::dossiers::LeadCommittee>(&cfg),
        render::<crate::stances::StanceLevel>(&cfg),
        render::<crate::stances::EvidenceKind>(&cfg),
        render::<crate::stances::VotePosition>(&cfg),
        render::<crate::stances::StanceInput>(&cfg),
        render::<crate::stances::Stance>(&cfg),
        render::<crate::stances::DossierStances>(&cfg),
        render::<crate::stances::BoardQuery>(&cfg),
        render::<crate::stances::BoardCard>(&cfg),
        render::<crate::stances::StanceBoard>(&cfg),
        render::<crate::stances::StanceExportRow>(&cfg),
        render::<crate::stances::VoteInput>(&cfg),
        render::<crate::stances::Vote>(&cfg),
        render::<crate::stances::PositionCounts>(&cfg),
        render::<crate::stances::VoteBreakdown>(&cfg),
        render::<crate::stances::StanceProposal>(&cfg),
        render::<crate::stances::VoteResult>(&cfg),
        render::<crate::stances::UnmatchedRow>(&cfg),
        render::<crate::stances::VoteImportReport>(&cfg),
        render::<crate::profile::Profile>(&cfg),
        render::<crate::history::HistoryEntry>(&cfg),
        render::<crate::history::HistoryPage>(&cfg),
        render::<crate::history::UndoReport>(&cfg),
        render::<crate::subject_rights::SubjectAccess>(&cfg),
        render::<crate::subject_rights::SarPerson>(&cfg),
        render::<crate::subject_rights::SarDataProtection>(&cfg),
        render::<crate::subject_rights::SarAffiliation>(&cfg),
        render::<crate::subject_rights::SarSeatTerm>(&cfg),
        render::<crate::subject_rights::SarCommittee>(&cfg),
        render::<crate::subject_rights::SarDossierRole>(&cfg),
        render::<crate::subject_rights::SarPolicyMaker>(&cfg),
        render::<crate::subject_rights::SarStance>(&cfg),
        render::<crate::subject_rights::SarVote>(&cfg),
        render::<crate::subject_rights::SarInteraction>(&cfg),
        render::<crate::subject_rights::SarTask>(&cfg),
        render::<crate::subject_rights::SarSignature>(&cfg),
        render::<crate::subject_rights::SarEventParticipation>(&cfg),
        render::<crate::subject_rights::SarSpeaking>(&cfg),
        render::<crate::subject_rights::SarHistoryEntry>(&cfg),
        render::<crate::subject_rights::ErasureCategory>(&cfg),
        render::<crate::subject_rights::ErasurePreview>(&cfg),
    ];
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings")
    }

    #[test]
    fn bindings_are_fresh() {
        let update = std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1");
        let dir = dir();
        let mut stale = Vec::new();
        let expected = super::all();
        for (name, text) in &expected {
            let path = dir.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                if update {
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(&path, text).unwrap();
                } else {
                    stale.push(name.clone());
                }
            }
        }
        // Files nobody generates any more are stale too.
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".ts") && !expected.iter().any(|(n, _)| *n == name) {
                    if update {
                        std::fs::remove_file(entry.path()).unwrap();
                    } else {
                        stale.push(name);
                    }
                }
            }
        }
        assert!(
            stale.is_empty(),
            "TypeScript bindings are stale: {stale:?}. Run `UPDATE_BINDINGS=1 cargo test -p coalition-core bindings` and commit ui/src/bindings."
        );
    }
}
