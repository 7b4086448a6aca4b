import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { App, type StartPage } from "../../app/App";
import { createFakeBackend, createFakeFiles, makeRows, type FakeBackend } from "../../test/fakeBackend";
import { emptyDashboard, makeDashboard } from "../../test/fake/dashboard";

function renderHome(backend: FakeBackend = createFakeBackend(), start: StartPage = "auto") {
  const user = userEvent.setup();
  render(<App backend={backend} files={createFakeFiles()} start={start} />);
  return { user, backend };
}

describe("home", () => {
  it("opens on Home when the store has data, with a card per figure", async () => {
    const { backend } = renderHome();
    const grid = await screen.findByTestId("dash-grid");
    await screen.findByTestId("dash-card-members");
    expect(screen.getByTestId("nav-home")).toHaveAttribute("aria-current", "page");
    expect(backend.dashboardGet).toHaveBeenCalledTimes(1);
    for (const card of ["members", "steering", "events", "tasks", "letters", "stances", "interactions"]) {
      expect(within(grid).getByTestId(`dash-card-${card}`)).toBeInTheDocument();
    }
    // Members: the chart and the headline from the last month and a year before.
    expect(screen.getByTestId("dash-members-chart")).toBeInTheDocument();
    const data = makeDashboard().membership;
    const last = data[data.length - 1]!;
    const yearAgo = data[data.length - 13]!;
    expect(screen.getByTestId("dash-members-headline")).toHaveTextContent(`${last.active} active members`);
    expect(screen.getByTestId("dash-members-headline")).toHaveTextContent(`+${last.active - yearAgo.active} in 12 months`);
    // Steering group, events in their own zone, overdue tasks, letters, stances, interactions.
    const steering = screen.getAllByTestId("dash-steering-row");
    expect(steering[0]).toHaveTextContent("ECPAT International");
    expect(steering[0]).toHaveTextContent("Chair");
    expect(steering[1]).toHaveTextContent("Michael Tunks (Internet Watch Foundation)");
    const events = screen.getAllByTestId("dash-event-row");
    expect(within(events[0]!).getByTestId("dash-event-when")).toHaveTextContent("Thu, 20 Jun 2024, 09:30 CEST");
    expect(within(events[0]!).getByTestId("dash-event-seats")).toHaveTextContent("40 / 40 seats");
    expect(within(events[0]!).getByTestId("dash-event-seats")).toHaveTextContent("+3 waiting");
    expect(within(events[1]!).getByTestId("dash-event-when")).toHaveTextContent("Tue, 3 Dec 2024, 14:00 CET");
    expect(within(events[1]!).getByTestId("dash-event-seats")).toHaveTextContent("5 registered");
    expect(screen.getByTestId("dash-overdue-total")).toHaveTextContent("7");
    const tasks = screen.getAllByTestId("dash-task-row");
    expect(tasks[0]).toHaveTextContent("Checklist of Second high-level event");
    expect(tasks[1]).toHaveTextContent("After “Meeting with LIBE staff”");
    expect(screen.getByText("and 5 more")).toBeInTheDocument();
    expect(screen.getByTestId("dash-letter-row")).toHaveTextContent("31 signed");
    expect(screen.getByTestId("dash-letter-counts")).toHaveTextContent("31 signed · 24 not answered · 4 declined · deadline 30 Jun 2024");
    expect(screen.getByTestId("dash-stances-chart")).toBeInTheDocument();
    expect(screen.getByTestId("dash-stances-dossier")).toHaveTextContent("2022/0155(COD)");
    expect(screen.getByTestId("dash-stances-dossier")).toHaveTextContent("22 policy-makers with a stance");
    expect(screen.getByTestId("dash-interaction-row")).toHaveTextContent("Heidi De Pauw, Eurochild");
  });

  it("draws the charts", async () => {
    // jsdom does no layout: give the charts' containers a size, as a window would.
    const rect = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue(DOMRect.fromRect({ width: 640, height: 200 }));
    onTestFinished(() => rect.mockRestore());
    renderHome();
    const members = await screen.findByTestId("dash-members-chart");
    await waitFor(() => expect(members.querySelector("svg.recharts-surface")).not.toBeNull());
    // One stacked series per membership status, one per stance level, named in the legend.
    await waitFor(() => expect(members.querySelectorAll(".recharts-legend-item").length).toBe(6));
    expect(members.querySelector(".recharts-legend-wrapper")).toHaveTextContent("ActiveAppliedProspectSuspendedLapsedWithdrawn");
    const stances = screen.getByTestId("dash-stances-chart");
    await waitFor(() => expect(stances.querySelectorAll(".recharts-legend-item").length).toBe(6));
    expect(stances.querySelector(".recharts-legend-wrapper")).toHaveTextContent("ChampionSupportiveUndecidedScepticalOpposedUnknown");
  });

  it("opens the page behind a card from its title, or a click on the card", async () => {
    const { user } = renderHome();
    await user.click(await screen.findByTestId("dash-open-letters"));
    expect(await screen.findByTestId("nav-letters")).toHaveAttribute("aria-current", "page");
    await user.click(screen.getByTestId("nav-home"));
    const card = await screen.findByTestId("dash-card-steering");
    await user.click(within(card).getAllByTestId("dash-steering-row")[0]!);
    expect(screen.getByTestId("nav-seats")).toHaveAttribute("aria-current", "page");
  });

  it("tells the app once when its first data is painted, not on later refreshes", async () => {
    const { user, backend } = renderHome();
    await screen.findByTestId("dash-card-members");
    await waitFor(() => expect(backend.dashboardPainted).toHaveBeenCalledTimes(1));
    await user.keyboard("r");
    await waitFor(() => expect(backend.dashboardGet).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.dashboardPainted).toHaveBeenCalledTimes(1);
  });

  it("refreshes each time it is shown and on request", async () => {
    const { user, backend } = renderHome();
    await screen.findByTestId("dash-card-members");
    expect(backend.dashboardGet).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId("dash-refresh"));
    await waitFor(() => expect(backend.dashboardGet).toHaveBeenCalledTimes(2));
    await user.click(screen.getByTestId("nav-seats"));
    await user.click(screen.getByTestId("nav-home"));
    await waitFor(() => expect(backend.dashboardGet).toHaveBeenCalledTimes(3));
  });

  it("is used from the keyboard: arrows move between cards, Enter opens one, R refreshes", async () => {
    const { user, backend } = renderHome();
    const members = await screen.findByTestId("dash-open-members");
    members.focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("dash-open-steering")).toHaveFocus();
    await user.keyboard("{End}");
    expect(screen.getByTestId("dash-open-interactions")).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByTestId("dash-open-stances")).toHaveFocus();
    await user.keyboard("r");
    await waitFor(() => expect(backend.dashboardGet).toHaveBeenCalledTimes(2));
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("nav-stances")).toHaveAttribute("aria-current", "page");
  });

  it("shows loading skeletons until the figures arrive", async () => {
    const backend = createFakeBackend();
    let resolve: (value: ReturnType<typeof makeDashboard>) => void = () => {};
    backend.dashboardGet.mockImplementation(() => new Promise((r) => (resolve = r)));
    renderHome(backend);
    expect((await screen.findAllByTestId("dash-skeleton")).length).toBe(7);
    resolve(makeDashboard());
    expect(await screen.findByTestId("dash-card-members")).toBeInTheDocument();
    expect(screen.queryByTestId("dash-skeleton")).not.toBeInTheDocument();
  });

  it("says so on every card when there is nothing to show", async () => {
    const backend = createFakeBackend();
    backend.dashboardGet.mockResolvedValue(emptyDashboard());
    renderHome(backend);
    for (const card of ["members", "steering", "events", "tasks", "letters", "interactions"]) {
      expect(await screen.findByTestId(`dash-${card}-empty`)).toBeInTheDocument();
    }
    expect(screen.getByTestId("dash-stances-empty")).toHaveTextContent("No dossier yet");
    expect(screen.queryByTestId("dash-members-chart")).not.toBeInTheDocument();
    expect(screen.queryByTestId("dash-dossier")).not.toBeInTheDocument();
  });

  it("changes the main dossier through the picker", async () => {
    const { user, backend } = renderHome();
    const picker = await screen.findByTestId("dash-dossier");
    expect(picker).toHaveValue("");
    expect(within(picker).getByRole("option", { name: "Automatic: 2022/0155(COD)" })).toBeInTheDocument();
    await user.selectOptions(picker, "dossier-interim");
    expect(backend.dashboardSetMainDossier).toHaveBeenCalledWith("dossier-interim");
    await waitFor(() => expect(screen.getByTestId("dash-stances-dossier")).toHaveTextContent("2024/0035(COD)"));
    expect(screen.getByTestId("dash-dossier")).toHaveValue("dossier-interim");
    expect(screen.getByTestId("nav-home")).toHaveAttribute("aria-current", "page");

    await user.selectOptions(screen.getByTestId("dash-dossier"), "");
    expect(backend.dashboardSetMainDossier).toHaveBeenLastCalledWith(null);
    await waitFor(() => expect(screen.getByTestId("dash-stances-dossier")).toHaveTextContent("2022/0155(COD)"));
  });

  it("shows the core's errors", async () => {
    const backend = createFakeBackend();
    backend.dashboardGet.mockRejectedValueOnce({ code: "storage", message: "database is locked", field: null });
    const { user } = renderHome(backend);
    expect(await screen.findByTestId("dash-error")).toHaveTextContent("database is locked");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByTestId("dash-card-members")).toBeInTheDocument();
    expect(screen.queryByTestId("dash-error")).not.toBeInTheDocument();

    backend.dashboardSetMainDossier.mockRejectedValueOnce({ code: "validation", message: "no dossier with id x", field: "dossier_id" });
    await user.selectOptions(screen.getByTestId("dash-dossier"), "dossier-interim");
    expect(await screen.findByTestId("dash-stances-error")).toHaveTextContent("no dossier with id x");
  });

  it("starts on Organisations and its demo offer while the store is empty", async () => {
    const backend = createFakeBackend([]);
    renderHome(backend);
    expect(await screen.findByTestId("demo-load")).toBeInTheDocument();
    expect(screen.getByTestId("nav-organisations")).toHaveAttribute("aria-current", "page");
    expect(backend.dashboardGet).not.toHaveBeenCalled();
    // The empty list is the first data painted, told to the app once.
    await waitFor(() => expect(backend.dashboardPainted).toHaveBeenCalledTimes(1));
  });

  it("offers the demo data on Home too when the store is empty", async () => {
    const backend = createFakeBackend([]);
    backend.dashboardGet.mockResolvedValue(emptyDashboard());
    const { user } = renderHome(backend, "home");
    await user.click(await screen.findByTestId("home-demo-load"));
    expect(backend.demoLoad).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(backend.dashboardGet).toHaveBeenCalledTimes(2));
    expect(backend.storeInfo.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it("is the first entry of the sidebar", async () => {
    renderHome(createFakeBackend(makeRows(2)));
    const nav = await screen.findByRole("navigation");
    // The entries, not the search button above them.
    const entries = within(nav).getAllByRole("button").filter((b) => b.dataset.testid?.startsWith("nav-"));
    expect(entries[0]).toHaveTextContent("Home");
  });
});

describe("chart axes", () => {
  it("keep numbers short at any size", async () => {
    const { compact } = await import("./charts");
    // ICU builds differ on the letter's case (Node says "10k", WebKit "10K").
    expect([compact(950), compact(1200), compact(10000), compact(0)].map((s) => s.toLowerCase())).toEqual(["950", "1.2k", "10k", "0"]);
  });
});
