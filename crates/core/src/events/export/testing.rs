//! Sample events for the renderers' unit tests: ECLAG's first high-level event.

use crate::events::{
    Event, EventKind, EventStatus, Participant, ParticipantRole, ParticipantState, Programme, Session, SessionKind,
    Speaker, SpeakerRole, SpeakerState,
};

pub(crate) fn event() -> Event {
    Event {
        id: "0190a000-0000-7000-8000-000000000001".into(),
        reference: "eclag-hle-2023".into(),
        title: "ECLAG high-level event: Protégeons les enfants".into(),
        kind: EventKind::Conference,
        status: EventStatus::Confirmed,
        time_zone: "Europe/Brussels".into(),
        starts_at: "2023-03-20T09:30".into(),
        ends_at: "2023-03-20T13:00".into(),
        starts_utc: "2023-03-20T08:30:00Z".into(),
        ends_utc: "2023-03-20T12:00:00Z".into(),
        zone_label: "CET".into(),
        venue_name: Some("Résidence Palace".into()),
        venue_address: Some("Rue de la Loi 155, 1040 Bruxelles".into()),
        venue_room: Some("Salle Polak".into()),
        online_link: None,
        capacity: Some(120),
        organisers: Vec::new(),
        notes: None,
        created_at: "2023-01-10T10:00:00Z".into(),
        updated_at: "2023-03-01T10:00:00Z".into(),
    }
}

pub(crate) fn speaker(id: &str, name: &str, org: &str, role: SpeakerRole, state: SpeakerState) -> Speaker {
    Speaker {
        person_id: id.into(),
        display_name: name.into(),
        organisation: Some(org.into()),
        title: None,
        group_code: None,
        role,
        state,
    }
}

pub(crate) fn session(
    id: &str,
    title: &str,
    kind: SessionKind,
    start: &str,
    end: &str,
    speakers: Vec<Speaker>,
) -> Session {
    Session {
        id: id.into(),
        title: title.into(),
        kind,
        starts_at: start.into(),
        ends_at: end.into(),
        notes: None,
        speakers,
    }
}

pub(crate) fn programme() -> Programme {
    use SpeakerRole::*;
    use SpeakerState::*;
    let mie = || speaker("p-mie", "Mié Kohiyama", "Be Brave Movement France", KeynoteSpeaker, Confirmed);
    let mut panel_mie = mie();
    panel_mie.role = Panellist;
    let mut keynotes = session(
        "s-keynotes",
        "Keynotes",
        SessionKind::Keynote,
        "2023-03-20T09:30",
        "2023-03-20T11:00",
        vec![
            speaker("p-zarzalejos", "Javier Zarzalejos", "European Parliament", KeynoteSpeaker, Confirmed),
            speaker("p-vautmans", "Hilde Vautmans", "European Parliament", KeynoteSpeaker, Asked),
            mie(),
        ],
    );
    keynotes.notes = Some("Mics on the lectern; interpretation FR/EN".into());
    Programme {
        sessions: vec![
            keynotes,
            session("s-break", "Coffee", SessionKind::Break, "2023-03-20T11:00", "2023-03-20T11:15", Vec::new()),
            session(
                "s-panel",
                "Panel: détection et prévention",
                SessionKind::Panel,
                "2023-03-20T11:15",
                "2023-03-20T12:45",
                vec![
                    speaker("p-depauw", "Heidi De Pauw", "Child Focus", Moderator, Confirmed),
                    panel_mie,
                    speaker("p-tunks", "Michael Tunks", "Internet Watch Foundation", Panellist, Declined),
                ],
            ),
        ],
        issues: Vec::new(),
    }
}

pub(crate) fn participant(
    id: &str,
    name: &str,
    family: &str,
    org: Option<&str>,
    role: ParticipantRole,
    state: ParticipantState,
) -> Participant {
    Participant {
        id: id.into(),
        person_id: format!("person-{id}"),
        display_name: name.into(),
        family_name: family.into(),
        organisation_id: None,
        organisation_name: org.map(Into::into),
        email: Some(format!("{id}@example.org")),
        role,
        counts_for_capacity: role != ParticipantRole::Staff,
        state,
        invited_on: Some("2023-02-01".into()),
        registered_at: None,
        waitlisted_at: None,
        checked_in_at: None,
        group_code: None,
        dietary_needs: None,
        access_needs: None,
        notes: None,
    }
}

pub(crate) fn participants() -> Vec<Participant> {
    use ParticipantRole::*;
    use ParticipantState::*;
    let mut mie = participant("a1", "Mié Kohiyama", "Kohiyama", Some("Be Brave Movement France"), Speaker, Registered);
    mie.dietary_needs = Some("végétarienne".into());
    mie.access_needs = Some("step-free access".into());
    let mut heidi = participant("a2", "Heidi De Pauw", "De Pauw", Some("Child Focus"), Speaker, Attended);
    heidi.checked_in_at = Some("2023-03-20T08:05:00Z".into());
    vec![
        mie,
        heidi,
        participant("a3", "Javier Zarzalejos", "Zarzalejos", Some("European Parliament"), PolicyMaker, Registered),
        participant("a4", "=HYPERLINK(\"http://x\")", "Évrard", Some("+32 Org"), Guest, Registered),
        participant("a5", "Ōta Ærøskøbing", "Ærøskøbing", None, Guest, Waitlisted),
        participant("a6", "Anna Declined", "Declined", None, Guest, Declined),
        participant("a7", "Łukasz Żółć", "Żółć", Some("Fundacja Dajemy Dzieciom Siłę"), Staff, Registered),
    ]
}
