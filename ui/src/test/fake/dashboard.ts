import { vi, type Mock } from "vitest";
import type { DashboardApi } from "../../api/dashboard";
import type { Dashboard } from "../../bindings/Dashboard";
import type { DossierChoice } from "../../bindings/DossierChoice";
import type { MembershipMonth } from "../../bindings/MembershipMonth";
import type { StanceBreakdown } from "../../bindings/StanceBreakdown";

export type FakeDashboard = { [K in keyof DashboardApi]: Mock<DashboardApi[K]> };

export const FAKE_DOSSIERS: DossierChoice[] = [
  { id: "dossier-csa", reference: "2022/0155(COD)", short_title: "CSA regulation" },
  { id: "dossier-interim", reference: "2024/0035(COD)", short_title: "Interim regulation extension" },
];

/** 24 months ending in June 2024, with members joining over time. */
export function makeMonths(): MembershipMonth[] {
  return Array.from({ length: 24 }, (_, i) => {
    const year = 2022 + Math.floor((i + 6) / 12);
    const month = ((i + 6) % 12) + 1;
    return {
      month: `${year}-${String(month).padStart(2, "0")}`,
      prospect: 2,
      applied: i % 3,
      active: 10 + i,
      suspended: i > 20 ? 1 : 0,
      lapsed: 0,
      withdrawn: i > 12 ? 2 : 0,
    };
  });
}

export function makeBreakdown(dossierId: string | null = "dossier-csa", chosen = false): StanceBreakdown {
  const dossier = FAKE_DOSSIERS.find((d) => d.id === dossierId) ?? null;
  const csa = dossier?.id === "dossier-csa";
  return {
    dossier,
    chosen,
    dossiers: FAKE_DOSSIERS,
    groups: dossier
      ? [
          { group_code: "EPP", champion: csa ? 2 : 0, supportive: 5, undecided: 1, sceptical: 0, opposed: 0, unknown: 3 },
          { group_code: "S&D", champion: 0, supportive: 2, undecided: 3, sceptical: 1, opposed: csa ? 2 : 4, unknown: 1 },
          { group_code: "Renew", champion: 1, supportive: 1, undecided: 0, sceptical: 0, opposed: 0, unknown: 0 },
        ]
      : [],
    total: dossier ? (csa ? 22 : 24) : 0,
  };
}

/** A dashboard with something on every card. */
export function makeDashboard(): Dashboard {
  return {
    today: "2024-06-15",
    membership: makeMonths(),
    steering: [
      {
        id: "term-1",
        body: { id: "body-sg", name: "Steering group", kind: "steering_group" },
        role: "chair",
        organisation_id: "org-ecpat",
        organisation_name: "ECPAT International",
        person_id: null,
        person_name: null,
        starts_on: "2022-04-01",
        ends_on: null,
      },
      {
        id: "term-2",
        body: { id: "body-sg", name: "Steering group", kind: "steering_group" },
        role: "member",
        organisation_id: "org-iwf",
        organisation_name: "Internet Watch Foundation",
        person_id: "person-tunks",
        person_name: "Michael Tunks",
        starts_on: "2022-04-01",
        ends_on: null,
      },
    ],
    upcoming_events: [
      {
        id: "event-1",
        reference: "high-level-2024",
        title: "Second high-level event",
        status: "confirmed",
        time_zone: "Europe/Brussels",
        starts_at: "2024-06-20T09:30",
        ends_at: "2024-06-20T13:00",
        zone_label: "CEST",
        venue_name: "Résidence Palace",
        registered: 42,
        seats_taken: 40,
        waitlisted: 3,
        capacity: 40,
      },
      {
        id: "event-2",
        reference: "webinar-dec",
        title: "Webinar on detection orders",
        status: "planning",
        time_zone: "Europe/Brussels",
        starts_at: "2024-12-03T14:00",
        ends_at: "2024-12-03T15:00",
        zone_label: "CET",
        venue_name: "Online",
        registered: 5,
        seats_taken: 5,
        waitlisted: 0,
        capacity: null,
      },
    ],
    overdue: {
      total: 7,
      top: [
        {
          id: "task-1",
          title: "Book the room",
          due_on: "2024-05-01",
          owner_name: "Sofia Jansen",
          interaction_id: null,
          interaction_subject: null,
          event_id: "event-1",
          event_title: "Second high-level event",
        },
        {
          id: "task-2",
          title: "Send the minutes",
          due_on: "2024-05-03",
          owner_name: null,
          interaction_id: "interaction-1",
          interaction_subject: "Meeting with LIBE staff",
          event_id: null,
          event_title: null,
        },
      ],
    },
    letters: {
      total: 1,
      letters: [
        {
          id: "letter-1",
          reference: "open-letter-2024",
          title: "Open letter before the trilogue",
          deadline: "2024-06-30",
          counts: { invited: 60, signed: 31, declined: 4, withdrawn: 1, silent: 24 },
        },
      ],
    },
    stances: makeBreakdown(),
    interactions: [
      {
        id: "interaction-1",
        kind: "meeting",
        occurred_on: "2024-06-10",
        subject: "Meeting with LIBE staff",
        dossier_reference: "2022/0155(COD)",
        participants: [
          { person_id: "person-heidi", organisation_id: null, name: "Heidi De Pauw" },
          { person_id: null, organisation_id: "org-eurochild", name: "Eurochild" },
        ],
      },
    ],
  };
}

/** A dashboard of an empty store. */
export function emptyDashboard(): Dashboard {
  return {
    today: "2024-06-15",
    membership: makeMonths().map((m) => ({ ...m, prospect: 0, applied: 0, active: 0, suspended: 0, lapsed: 0, withdrawn: 0 })),
    steering: [],
    upcoming_events: [],
    overdue: { total: 0, top: [] },
    letters: { total: 0, letters: [] },
    stances: { ...makeBreakdown(null), dossiers: [] },
    interactions: [],
  };
}

export function fakeDashboard(): FakeDashboard {
  let breakdown = makeBreakdown();
  return {
    dashboardGet: vi.fn<DashboardApi["dashboardGet"]>(async () => ({ ...makeDashboard(), stances: breakdown })),
    dashboardSetMainDossier: vi.fn<DashboardApi["dashboardSetMainDossier"]>(async (dossier) => {
      if (dossier !== null && !FAKE_DOSSIERS.some((d) => d.id === dossier)) {
        throw { code: "validation", message: `no dossier with id ${dossier}`, field: "dossier_id" };
      }
      breakdown = makeBreakdown(dossier ?? "dossier-csa", dossier !== null);
      return breakdown;
    }),
    dashboardPainted: vi.fn<DashboardApi["dashboardPainted"]>(async () => undefined),
  };
}
