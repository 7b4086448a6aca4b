import type { Dashboard } from "../bindings/Dashboard";
import type { StanceBreakdown } from "../bindings/StanceBreakdown";
import { call } from "./call";

/** The backend methods of the home screen. */
export interface DashboardApi {
  /** Every card of the home screen, as of now. */
  dashboardGet(): Promise<Dashboard>;
  /** Makes `dossier` the main dossier (`null`: back to the default); returns the stance card. */
  dashboardSetMainDossier(dossier: string | null): Promise<StanceBreakdown>;
  /** Tells the app the home screen painted its first data (timed by `scripts/measure-app`). */
  dashboardPainted(): Promise<void>;
}

export const dashboardBackend: DashboardApi = {
  dashboardGet: () => call("dashboard_get"),
  dashboardSetMainDossier: (dossier) => call("dashboard_set_main_dossier", { dossier }),
  dashboardPainted: () => call("dashboard_painted"),
};
