use coalition_core::dossiers::{self, DossierInput, DossierRole};
use coalition_core::stances::{
    self, BoardQuery, EvidenceKind, StanceInput, StanceLevel, VoteInput, VotePosition,
};
use coalition_core::text::fold;
use coalition_core::{profile, ApiError, CoreError, Store};

use super::{count, store};

/// Adds an MEP the way the Parliament's list would: a person and a policy_makers row.
pub fn mep(store: &Store, ep_id: i64, given: &str, family: &str, group: &str, country: &str) -> String {
    mep_with_status(store, ep_id, given, family, group, country, "current")
}

pub fn mep_with_status(store: &Store, ep_id: i64, given: &str, family: &str, group: &str, country: &str, status: &str) -> String {
    let id = format!("mep-{ep_id}");
    store
        .read(|c| {
            c.execute(
                "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, country, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '2024-07-16T00:00:00.000Z', '2024-07-16T00:00:00.000Z')",
                rusqlite::params![
                    id, given, family, format!("{given} {family}"), format!("{} {}", fold(family), fold(given)),
                    fold(&format!("{given} {family}")), country
                ],
            )?;
            c.execute(
                "INSERT INTO policy_makers (person_id, office, ep_id, official_name, group_code, mep_status, created_at, updated_at)
                 VALUES (?1, 'mep', ?2, ?3, ?4, ?5, '2024-07-16T00:00:00.000Z', '2024-07-16T00:00:00.000Z')",
                rusqlite::params![id, ep_id, format!("{given} {}", family.to_uppercase()), group, status],
            )?;
            Ok(())
        })
        .unwrap();
    id
}

pub fn committee_member(store: &Store, person_id: &str, code: &str) {
    committee_role(store, person_id, code, "member");
}

fn committee_role(store: &Store, person_id: &str, code: &str, role: &str) {
    store
        .read(|c| {
            c.execute(
                "INSERT INTO committee_memberships (id, person_id, committee_code, role, starts_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, '2024-07-16', 'x', 'x')",
                rusqlite::params![format!("{person_id}-{code}-{role}"), person_id, code, role],
            )?;
            Ok(())
        })
        .unwrap();
}

fn csa(store: &Store) -> String {
    dossiers::create(
        store,
        DossierInput { reference: "2022/0155(COD)".into(), short_title: "CSA regulation".into(), lead_committee: Some("LIBE".into()) },
    )
    .unwrap()
    .dossier
    .id
}

fn stance(person: &str, dossier: &str, level: StanceLevel, on: &str, evidence: EvidenceKind) -> StanceInput {
    StanceInput {
        person_id: person.into(),
        dossier_id: dossier.into(),
        level,
        stated_on: Some(on.into()),
        evidence: Some(evidence),
        source: Some("Meeting notes".into()),
        vote_id: None,
        recorded_by: Some("Anna".into()),
    }
}

fn fields(error: CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Invalid(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
        other => panic!("not a validation error: {other}"),
    }
}

#[test]
fn history_is_kept_and_the_current_stance_is_the_latest_by_date_then_recording() {
    let store = store();
    let dossier = csa(&store);
    let javier = mep(&store, 1, "Javier", "Zarzalejos", "EPP", "ES");
    stances::record(&store, stance(&javier, &dossier, StanceLevel::Undecided, "2023-01-10", EvidenceKind::Meeting)).unwrap();
    stances::record(&store, stance(&javier, &dossier, StanceLevel::Champion, "2023-03-20", EvidenceKind::Meeting)).unwrap();
    // Recorded later but stated earlier: history, not current.
    stances::record(&store, stance(&javier, &dossier, StanceLevel::Sceptical, "2022-12-01", EvidenceKind::Other)).unwrap();
    let mine = stances::for_person(&store, &javier).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].dossier.reference, "2022/0155(COD)");
    assert_eq!(mine[0].current.level, StanceLevel::Champion);
    let levels: Vec<StanceLevel> = mine[0].history.iter().map(|s| s.level).collect();
    assert_eq!(levels, [StanceLevel::Champion, StanceLevel::Undecided, StanceLevel::Sceptical]);
    // Same day: the one recorded last wins.
    stances::record(&store, stance(&javier, &dossier, StanceLevel::Supportive, "2023-03-20", EvidenceKind::Meeting)).unwrap();
    assert_eq!(stances::for_person(&store, &javier).unwrap()[0].current.level, StanceLevel::Supportive);
    assert_eq!(count(&store, "stances"), 4);
    assert_eq!(count(&store, "audit_log WHERE entity = 'stance' AND action = 'create'"), 4);
    let entry: String = store
        .read(|c| Ok(c.query_row("SELECT after FROM audit_log WHERE entity = 'stance' ORDER BY seq DESC LIMIT 1", [], |r| r.get(0))?))
        .unwrap();
    let after: serde_json::Value = serde_json::from_str(&entry).unwrap();
    assert_eq!(after["level"], "supportive");
    assert_eq!(after["dossier"], "2022/0155(COD)");
    assert_eq!(after["recorded_by"], "Anna");
}

#[test]
fn stances_are_validated_with_clear_messages() {
    let store = store();
    let dossier = csa(&store);
    let hilde = mep(&store, 2, "Hilde", "Vautmans", "Renew", "BE");
    let no_evidence = StanceInput { evidence: None, ..stance(&hilde, &dossier, StanceLevel::Supportive, "2023-03-20", EvidenceKind::Other) };
    assert_eq!(
        fields(stances::record(&store, no_evidence).unwrap_err()),
        [("evidence".to_string(), "evidence is required (vote, meeting, public statement, social media or other)".to_string())]
    );
    for (kind, what) in [(EvidenceKind::PublicStatement, "a public statement"), (EvidenceKind::SocialMedia, "social media")] {
        let input = StanceInput { source: Some("  ".into()), ..stance(&hilde, &dossier, StanceLevel::Supportive, "2023-03-20", kind) };
        assert_eq!(
            fields(stances::record(&store, input).unwrap_err()),
            [("source".to_string(), format!("a source (a link or a note) is required for {what}"))]
        );
    }
    // A meeting needs no source.
    let meeting = StanceInput { source: None, ..stance(&hilde, &dossier, StanceLevel::Supportive, "2023-03-20", EvidenceKind::Meeting) };
    stances::record(&store, meeting).unwrap();
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let future = stance(&hilde, &dossier, StanceLevel::Supportive, &tomorrow, EvidenceKind::Meeting);
    assert_eq!(fields(stances::record(&store, future).unwrap_err()), [("stated_on".to_string(), format!("date {tomorrow} is in the future"))]);
    let bad = stance(&hilde, &dossier, StanceLevel::Supportive, "20/03/2023", EvidenceKind::Meeting);
    assert_eq!(fields(stances::record(&store, bad).unwrap_err())[0].0, "stated_on");
    let nobody = stance("nobody", &dossier, StanceLevel::Supportive, "2023-03-20", EvidenceKind::Meeting);
    assert_eq!(fields(stances::record(&store, nobody).unwrap_err()), [("person_id".to_string(), "no policy-maker with id nobody".to_string())]);
    let nowhere = stance(&hilde, "nowhere", StanceLevel::Supportive, "2023-03-20", EvidenceKind::Meeting);
    assert_eq!(fields(stances::record(&store, nowhere).unwrap_err()), [("dossier_id".to_string(), "no dossier with id nowhere".to_string())]);
    let no_vote = StanceInput { vote_id: Some("v".into()), ..stance(&hilde, &dossier, StanceLevel::Supportive, "2023-03-20", EvidenceKind::Vote) };
    assert_eq!(fields(stances::record(&store, no_vote).unwrap_err()), [("vote_id".to_string(), "no vote with id v".to_string())]);
    // A person who holds no office is not a policy-maker.
    store
        .read(|c| {
            c.execute("INSERT INTO people (id, family_name, display_name, family_key, name_key, created_at, updated_at) VALUES ('p', 'Pauw', 'Heidi De Pauw', 'pauw', 'heidi de pauw', 'x', 'x')", [])?;
            Ok(())
        })
        .unwrap();
    let api = ApiError::from(stances::record(&store, stance("p", &dossier, StanceLevel::Champion, "2023-03-20", EvidenceKind::Meeting)).unwrap_err());
    assert_eq!(api.field.as_deref(), Some("person_id"));
    assert_eq!(count(&store, "stances"), 1);
}

#[test]
fn recorded_by_comes_from_the_profile_then_the_os_user() {
    let store = store();
    let dossier = csa(&store);
    let hilde = mep(&store, 3, "Hilde", "Vautmans", "Renew", "BE");
    let unsigned = || StanceInput { recorded_by: None, ..stance(&hilde, &dossier, StanceLevel::Supportive, "2023-03-20", EvidenceKind::Meeting) };
    let os = ["USER", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "coordinator".into());
    assert_eq!(stances::record(&store, unsigned()).unwrap().recorded_by, os);
    let saved = profile::set(&store, profile::Profile { name: Some(" Anna  Berg ".into()), initials: Some("AB".into()) }).unwrap();
    assert_eq!(saved.name.as_deref(), Some("Anna Berg"));
    assert_eq!(profile::get(&store).unwrap(), saved);
    assert_eq!(stances::record(&store, unsigned()).unwrap().recorded_by, "Anna Berg");
    assert_eq!(profile::recorded_by(&store).unwrap(), "Anna Berg");
    assert_eq!(count(&store, "audit_log WHERE entity = 'profile'"), 1);
    let error = ApiError::from(profile::set(&store, profile::Profile { name: None, initials: Some("ABCDEFGH".into()) }).unwrap_err());
    assert_eq!(error.field.as_deref(), Some("initials"));
    profile::set(&store, profile::Profile::default()).unwrap();
    assert_eq!(profile::get(&store).unwrap(), profile::Profile::default());
}

struct Board {
    store: Store,
    dossier: String,
    javier: String,
    hilde: String,
    paul: String,
    libe_only: String,
}

fn board_fixture() -> Board {
    let store = store();
    let dossier = csa(&store);
    let javier = mep(&store, 10, "Javier", "Zarzalejos", "EPP", "ES");
    let hilde = mep(&store, 11, "Hilde", "Vautmans", "Renew", "BE");
    let paul = mep(&store, 12, "Paul", "Tang", "S&D", "NL");
    let libe_only = mep(&store, 13, "Birgit", "Sippel", "S&D", "DE");
    let gone = mep_with_status(&store, 14, "Old", "Member", "EPP", "FR", "outgoing");
    let substitute = mep(&store, 15, "Sub", "Stitute", "ECR", "PL");
    committee_member(&store, &javier, "LIBE");
    committee_member(&store, &libe_only, "LIBE");
    committee_member(&store, &libe_only, "FEMM");
    committee_member(&store, &gone, "LIBE");
    committee_role(&store, &substitute, "LIBE", "substitute");
    committee_member(&store, &paul, "IMCO");
    dossiers::add_role(&store, &dossier, &javier, DossierRole::Rapporteur).unwrap();
    stances::record(&store, stance(&javier, &dossier, StanceLevel::Champion, "2023-03-20", EvidenceKind::Meeting)).unwrap();
    stances::record(&store, stance(&hilde, &dossier, StanceLevel::Undecided, "2023-01-01", EvidenceKind::Meeting)).unwrap();
    stances::record(&store, stance(&hilde, &dossier, StanceLevel::Supportive, "2023-03-20", EvidenceKind::Meeting)).unwrap();
    stances::record(&store, stance(&paul, &dossier, StanceLevel::Sceptical, "2023-05-01", EvidenceKind::Meeting)).unwrap();
    Board { store, dossier, javier, hilde, paul, libe_only }
}

#[test]
fn the_board_shows_current_stances_and_optionally_the_lead_committee() {
    let b = board_fixture();
    let query = BoardQuery { dossier_id: b.dossier.clone(), ..Default::default() };
    let board = stances::board(&b.store, &query).unwrap();
    let cards: Vec<(&str, StanceLevel)> = board.cards.iter().map(|c| (c.person_id.as_str(), c.level)).collect();
    // By family name: Tang, Vautmans, Zarzalejos.
    assert_eq!(cards, [(b.paul.as_str(), StanceLevel::Sceptical), (b.hilde.as_str(), StanceLevel::Supportive), (b.javier.as_str(), StanceLevel::Champion)]);
    let javier = board.cards.iter().find(|c| c.person_id == b.javier).unwrap();
    assert_eq!(javier.roles, [DossierRole::Rapporteur]);
    assert_eq!(javier.committees, ["LIBE"]);
    assert_eq!(javier.group_code.as_deref(), Some("EPP"));
    assert_eq!(javier.stated_on.as_deref(), Some("2023-03-20"));
    assert_eq!(board.groups, ["EPP", "Renew", "S&D"]);

    let with_committee = stances::board(&b.store, &BoardQuery { include_committee: true, ..query.clone() }).unwrap();
    let ids: Vec<&str> = with_committee.cards.iter().map(|c| c.person_id.as_str()).collect();
    // Sippel (LIBE member, no stance) joins as unknown; the outgoing MEP and the substitute do not.
    assert_eq!(ids, [b.libe_only.as_str(), b.paul.as_str(), b.hilde.as_str(), b.javier.as_str()]);
    assert_eq!(with_committee.cards[0].level, StanceLevel::Unknown);
    assert_eq!(with_committee.cards[0].committees, ["FEMM", "LIBE"]);
    assert_eq!(with_committee.cards[0].evidence, None);
}

#[test]
fn the_board_filters_by_group_country_and_committee() {
    let b = board_fixture();
    let base = BoardQuery { dossier_id: b.dossier.clone(), include_committee: true, ..Default::default() };
    let ids = |q: BoardQuery| stances::board(&b.store, &q).unwrap().cards.into_iter().map(|c| c.person_id).collect::<Vec<_>>();
    assert_eq!(ids(BoardQuery { groups: vec!["s&d".into()], ..base.clone() }), [b.libe_only.clone(), b.paul.clone()]);
    assert_eq!(ids(BoardQuery { countries: vec!["be".into(), "ES".into()], ..base.clone() }), [b.hilde.clone(), b.javier.clone()]);
    assert_eq!(ids(BoardQuery { committees: vec!["LIBE".into()], ..base.clone() }), [b.libe_only.clone(), b.javier.clone()]);
    assert_eq!(ids(BoardQuery { committees: vec!["LIBE".into()], groups: vec!["EPP".into()], ..base.clone() }), std::slice::from_ref(&b.javier));
    // The filter values come from the unfiltered board.
    let filtered = stances::board(&b.store, &BoardQuery { groups: vec!["EPP".into()], ..base.clone() }).unwrap();
    assert_eq!(filtered.countries, ["BE", "DE", "ES", "NL"]);
    assert_eq!(filtered.committees, ["FEMM", "IMCO", "LIBE"]);
    assert!(matches!(stances::board(&b.store, &BoardQuery { dossier_id: "x".into(), ..Default::default() }), Err(CoreError::NotFound(_))));
}

#[test]
fn export_lists_current_stances_with_inert_cells() {
    let b = board_fixture();
    let evil = mep(&b.store, 99, "=HYPERLINK(\"x\")", "Evil", "NI", "HU");
    let input = StanceInput { source: Some("+33 1 23".into()), ..stance(&evil, &b.dossier, StanceLevel::Opposed, "2023-06-01", EvidenceKind::PublicStatement) };
    stances::record(&b.store, input).unwrap();
    let rows = stances::current(&b.store, &b.dossier).unwrap();
    assert_eq!(rows.len(), 4);
    let hilde = rows.iter().find(|r| r.ep_id == Some(11)).unwrap();
    assert_eq!((hilde.level, hilde.stated_on.as_str()), (StanceLevel::Supportive, "2023-03-20"));
    let mut out = Vec::new();
    assert_eq!(stances::export_csv(&b.store, &b.dossier, &mut out).unwrap(), 4);
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("ep_id,name,group,country,level,stated_on,evidence,source,recorded_by\n"), "{text}");
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\") Evil\""), "{text}");
    assert!(text.contains(",'+33 1 23,"), "{text}");
    assert!(text.contains("11,Hilde Vautmans,Renew,BE,supportive,2023-03-20,meeting,Meeting notes,Anna"), "{text}");
}

// ---- votes ----

struct Chamber {
    store: Store,
    dossier: String,
    ids: Vec<String>,
}

/// Six MEPs: 101 Zarzalejos (EPP, ES), 102 Vautmans (Renew, BE), 103 Tang (S&D, NL),
/// 104 Sippel (S&D, DE), 105 Kohút (EPP, SK), 106 Mié Łęcka (Greens/EFA, PL).
fn chamber() -> Chamber {
    let store = store();
    let dossier = csa(&store);
    let ids = vec![
        mep(&store, 101, "Javier", "Zarzalejos", "EPP", "ES"),
        mep(&store, 102, "Hilde", "Vautmans", "Renew", "BE"),
        mep(&store, 103, "Paul", "Tang", "S&D", "NL"),
        mep(&store, 104, "Birgit", "Sippel", "S&D", "DE"),
        mep(&store, 105, "Peter", "Kohút", "EPP", "SK"),
        mep(&store, 106, "Mié", "Łęcka", "Greens/EFA", "PL"),
    ];
    Chamber { store, dossier, ids }
}

fn vote_input(dossier: &str, title: &str) -> VoteInput {
    VoteInput { dossier_id: dossier.into(), voted_on: "2023-11-14".into(), title: title.into() }
}

#[test]
fn a_vote_by_ep_id_is_stored_with_counts_breakdowns_and_unmatched_rows() {
    let c = chamber();
    let csv = "ep_id,name,position\n101,Javier ZARZALEJOS,For\n102,Hilde VAUTMANS,IN FAVOUR\n103,Paul TANG,against\n104,Birgit SIPPEL,Abstained\n105,Peter KOHUT,did not vote\n999,Someone Else,for\n\n";
    let report = stances::import_vote(&c.store, &vote_input(&c.dossier, "LIBE final vote"), csv.as_bytes()).unwrap();
    assert_eq!((report.rows, report.matched), (6, 5));
    assert_eq!(report.unmatched.len(), 1);
    assert_eq!((report.unmatched[0].line, report.unmatched[0].reason.as_str()), (7, "no MEP with EP id 999"));
    let r = &report.result;
    assert_eq!((r.counts.for_, r.counts.against, r.counts.abstention, r.counts.did_not_vote), (2, 1, 1, 1));
    let groups: Vec<(&str, u32, u32, u32, u32)> =
        r.by_group.iter().map(|b| (b.key.as_str(), b.counts.for_, b.counts.against, b.counts.abstention, b.counts.did_not_vote)).collect();
    assert_eq!(groups, [("EPP", 1, 0, 0, 1), ("Renew", 1, 0, 0, 0), ("S&D", 0, 1, 1, 0)]);
    let countries: Vec<(&str, u32)> = r.by_country.iter().map(|b| (b.key.as_str(), b.counts.total())).collect();
    assert_eq!(countries, [("BE", 1), ("DE", 1), ("ES", 1), ("NL", 1), ("SK", 1)]);
    assert_eq!(count(&c.store, "vote_positions"), 5);
    assert_eq!(count(&c.store, "audit_log WHERE entity = 'vote' AND action = 'import'"), 1);
    assert_eq!(stances::votes_on(&c.store, &c.dossier).unwrap().len(), 1);
    // The stored vote gives the same result again.
    assert_eq!(&stances::vote_result(&c.store, &r.vote.id).unwrap(), r);
}

#[test]
fn names_match_in_either_order_ignoring_case_and_accents_and_are_never_guessed() {
    let c = chamber();
    // Semicolons and Windows-1252 (as Excel writes in much of Europe): "Kohút" as 0xFA.
    let mut bytes = b"Full Name;Vote\nZARZALEJOS Javier;for\nhilde vautmans;AGAINST\nPeter KOH\xdaT;abstention\nMie LECKA;For\nPaul Tan;for\n".to_vec();
    bytes.extend_from_slice(b"\n");
    let report = stances::import_vote(&c.store, &vote_input(&c.dossier, "Plenary"), &bytes).unwrap();
    assert_eq!(report.matched, 4);
    assert_eq!(report.unmatched.len(), 1);
    assert_eq!(report.unmatched[0].reason, "no MEP named \"Paul Tan\"");
    assert_eq!(report.unmatched[0].line, 6);
    let positions: Vec<(String, VotePosition)> = c
        .store
        .read(|conn| {
            let mut stmt = conn.prepare("SELECT person_id, position FROM vote_positions ORDER BY person_id")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .unwrap();
    assert_eq!(
        positions,
        [
            (c.ids[0].clone(), VotePosition::For),
            (c.ids[1].clone(), VotePosition::Against),
            (c.ids[4].clone(), VotePosition::Abstention),
            (c.ids[5].clone(), VotePosition::For),
        ]
    );
}

#[test]
fn mep_id_and_member_id_columns_and_the_mep_name_column_work_too() {
    let c = chamber();
    let a = stances::import_vote(&c.store, &vote_input(&c.dossier, "A"), b"mep_id,vote\n101,for\n102,for\n").unwrap();
    assert_eq!(a.matched, 2);
    let b = stances::import_vote(&c.store, &vote_input(&c.dossier, "B"), b"Member ID\tPosition\n103\tagainst\n").unwrap();
    assert_eq!(b.result.counts.against, 1);
    let m = stances::import_vote(&c.store, &vote_input(&c.dossier, "C"), b"MEP,position\nBirgit Sippel,for\n").unwrap();
    assert_eq!(m.matched, 1);
    // An id column with a blank cell falls back to the name.
    let d = stances::import_vote(&c.store, &vote_input(&c.dossier, "D"), b"ep_id,name,position\n,Paul Tang,for\nabc,X,for\n").unwrap();
    assert_eq!(d.matched, 1);
    assert_eq!(d.unmatched[0].reason, "\"abc\" is not an EP id");
}

#[test]
fn every_accepted_position_spelling_is_read() {
    use coalition_core::stances::votes::parse_position;
    for (text, position) in [
        ("for", VotePosition::For),
        (" FOR ", VotePosition::For),
        ("In Favour", VotePosition::For),
        ("in favor", VotePosition::For),
        ("Against", VotePosition::Against),
        ("ABSTENTION", VotePosition::Abstention),
        ("abstained", VotePosition::Abstention),
        ("did_not_vote", VotePosition::DidNotVote),
        ("Did not vote", VotePosition::DidNotVote),
        ("did-not-vote", VotePosition::DidNotVote),
        ("no vote — not recorded present", VotePosition::DidNotVote),
        ("No vote", VotePosition::DidNotVote),
    ] {
        assert_eq!(parse_position(text), Ok(position), "{text}");
    }
    for text in ["yes", "favour", "novote", "not an MEP / no record", ""] {
        assert!(parse_position(text).unwrap_err().starts_with("unknown position"), "{text}");
    }
}

#[test]
fn bad_positions_duplicates_and_missing_columns_refuse_the_whole_file() {
    let c = chamber();
    let input = vote_input(&c.dossier, "Refused");
    let error = stances::import_vote(&c.store, &input, b"ep_id,position\n101,for\n102,maybe\n103,\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 3: position: unknown position \"maybe\" (expected for, against, abstention or did_not_vote)\nline 4: position: position is required"
    );
    let error = stances::import_vote(&c.store, &input, b"ep_id,position\n101,for\n101,against\n").unwrap_err();
    assert_eq!(error.to_string(), "line 3: mep: 101 is already on line 2");
    let error = stances::import_vote(&c.store, &input, b"ep_id,group\n101,EPP\n").unwrap_err();
    assert_eq!(error.to_string(), "line 1: the file has no position column (position or vote)");
    let error = stances::import_vote(&c.store, &input, b"country,vote\nES,for\n").unwrap_err();
    assert!(error.to_string().starts_with("line 1: the file has no MEP column"), "{error}");
    let error = stances::import_vote(&c.store, &input, b"ep_id,vote\n555,for\n").unwrap_err();
    assert_eq!(error.to_string(), "no row names a known MEP; nothing was stored\nline 2: mep: no MEP with EP id 555");
    let error = stances::import_vote(&c.store, &VoteInput { title: " ".into(), voted_on: "2023-13-01".into(), ..input.clone() }, b"ep_id,vote\n101,for\n").unwrap_err();
    assert_eq!(fields(error).into_iter().map(|f| f.0).collect::<Vec<_>>(), ["voted_on", "title"]);
    assert_eq!(count(&c.store, "votes"), 0);
    assert_eq!(count(&c.store, "vote_positions"), 0);
}

#[test]
fn the_same_vote_twice_is_refused() {
    let c = chamber();
    stances::import_vote(&c.store, &vote_input(&c.dossier, "LIBE final vote"), b"ep_id,vote\n101,for\n").unwrap();
    let error = stances::import_vote(&c.store, &vote_input(&c.dossier, "libe  FINAL vote"), b"ep_id,vote\n101,for\n").unwrap_err();
    assert!(matches!(error, CoreError::Conflict(_)));
    assert!(error.to_string().starts_with("the vote \"libe FINAL vote\" of 2023-11-14 on 2022/0155(COD) was already imported"), "{error}");
    // Another title the same day is another vote.
    stances::import_vote(&c.store, &vote_input(&c.dossier, "Amendment 12"), b"ep_id,vote\n101,for\n").unwrap();
    assert_eq!(count(&c.store, "votes"), 2);
}

#[test]
fn proposals_follow_the_positions_and_are_accepted_one_by_one_or_all_at_once() {
    let c = chamber();
    let d = &c.dossier;
    // Zarzalejos is a champion (voting for is no reason to downgrade him); Vautmans is already
    // opposed (against proposes nothing new); Łęcka said something after the vote.
    stances::record(&c.store, stance(&c.ids[0], d, StanceLevel::Champion, "2023-03-20", EvidenceKind::Meeting)).unwrap();
    stances::record(&c.store, stance(&c.ids[1], d, StanceLevel::Opposed, "2023-03-20", EvidenceKind::Meeting)).unwrap();
    stances::record(&c.store, stance(&c.ids[5], d, StanceLevel::Sceptical, "2023-12-01", EvidenceKind::Meeting)).unwrap();
    stances::record(&c.store, stance(&c.ids[2], d, StanceLevel::Opposed, "2023-03-20", EvidenceKind::Meeting)).unwrap();
    let csv = "ep_id,position\n101,for\n102,against\n103,for\n104,abstention\n105,did_not_vote\n106,against\n";
    let report = stances::import_vote(&c.store, &vote_input(d, "LIBE final vote"), csv.as_bytes()).unwrap();
    let proposals: Vec<(&str, Option<StanceLevel>, StanceLevel)> =
        report.result.proposals.iter().map(|p| (p.person_id.as_str(), p.current, p.proposed)).collect();
    // By family name: Sippel, Tang.
    assert_eq!(
        proposals,
        [(c.ids[3].as_str(), None, StanceLevel::Undecided), (c.ids[2].as_str(), Some(StanceLevel::Opposed), StanceLevel::Supportive)]
    );
    let vote_id = report.result.vote.id.clone();
    let after = stances::accept_proposals(&c.store, &vote_id, &[c.ids[2].clone()]).unwrap();
    assert_eq!(after.proposals.len(), 1);
    let tang = stances::for_person(&c.store, &c.ids[2]).unwrap();
    let current = &tang[0].current;
    assert_eq!((current.level, current.evidence, current.stated_on.as_str()), (StanceLevel::Supportive, EvidenceKind::Vote, "2023-11-14"));
    assert_eq!(current.vote_id.as_deref(), Some(vote_id.as_str()));
    assert_eq!(current.vote_title.as_deref(), Some("LIBE final vote"));
    assert_eq!(tang[0].history.len(), 2);
    // Accepting it again is refused: it is no longer proposed.
    let error = stances::accept_proposals(&c.store, &vote_id, &[c.ids[2].clone()]).unwrap_err();
    assert_eq!(ApiError::from(error).field.as_deref(), Some("person_id"));
    let all = stances::accept_all_proposals(&c.store, &vote_id).unwrap();
    assert!(all.proposals.is_empty());
    assert_eq!(stances::for_person(&c.store, &c.ids[3]).unwrap()[0].current.level, StanceLevel::Undecided);
    assert_eq!(count(&c.store, &format!("stances WHERE vote_id = '{vote_id}'")), 2);
    assert!(stances::accept_all_proposals(&c.store, &vote_id).unwrap().proposals.is_empty());
}

#[test]
fn a_stance_can_cite_a_vote_only_on_its_own_dossier() {
    let c = chamber();
    let report = stances::import_vote(&c.store, &vote_input(&c.dossier, "V"), b"ep_id,vote\n101,for\n").unwrap();
    let other = dossiers::create(&c.store, DossierInput { reference: "2020/0259(COD)".into(), short_title: "Interim".into(), lead_committee: None })
        .unwrap()
        .dossier
        .id;
    let input = StanceInput { vote_id: Some(report.result.vote.id.clone()), ..stance(&c.ids[0], &other, StanceLevel::Supportive, "2023-11-14", EvidenceKind::Vote) };
    assert_eq!(fields(stances::record(&c.store, input).unwrap_err()), [("vote_id".to_string(), "the vote is on another dossier".to_string())]);
    assert_eq!(stances::person_by_ep_id(&c.store, 101).unwrap(), c.ids[0]);
    assert!(matches!(stances::person_by_ep_id(&c.store, 7), Err(CoreError::NotFound(_))));
}
