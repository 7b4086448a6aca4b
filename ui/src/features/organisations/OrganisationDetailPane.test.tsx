import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, makeDetail, makeRow } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { todayIso } from "../../lib/dates";

const ROW = makeRow(1, {
  name: "Child Focus",
  short_name: null,
  country: "BE",
  type: "hotline",
  membership_status: "active",
  tier: "full",
  joined_on: "2022-04-01",
});

function backendWithHistory() {
  const backend = createFakeBackend([ROW]);
  const base = makeDetail(ROW);
  const detail = {
    ...base,
    organisation: {
      ...base.organisation,
      website: "https://childfocus.be",
      email: "info@childfocus.be",
      phone: "+32 2 475 44 11",
      notes: "Runs the Belgian reporting point.",
    },
    history: [
      { id: "h1", from_status: null, to_status: "applied" as const, effective_on: "2022-03-01", note: null, recorded_at: "2022-03-01T09:00:00Z" },
      { id: "h2", from_status: "applied" as const, to_status: "active" as const, effective_on: "2022-04-01", note: "Steering group approval", recorded_at: "2022-04-02T09:00:00Z" },
    ],
  };
  backend.orgGet.mockResolvedValue(detail);
  return { backend, detail };
}

async function openDetail(backend: ReturnType<typeof createFakeBackend>) {
  const ctx = renderApp(backend);
  const rows = await screen.findAllByTestId("org-row");
  await ctx.user.click(rows[0]!);
  const pane = await screen.findByTestId("org-detail");
  await waitFor(() => expect(pane).toHaveTextContent("Child Focus"));
  return { ...ctx, pane };
}

describe("organisation detail", () => {
  it("shows every field, the membership and the whole status history", async () => {
    const { backend } = backendWithHistory();
    const { pane } = await openDetail(backend);
    expect(screen.getAllByTestId("org-row")[0]).toHaveAttribute("aria-selected", "true");
    for (const text of ["https://childfocus.be", "info@childfocus.be", "+32 2 475 44 11", "Runs the Belgian reporting point.", "Belgium", "Full member", "1 Apr 2022"]) {
      expect(pane).toHaveTextContent(text);
    }
    const history = within(pane).getByTestId("status-history");
    const items = within(history).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("1 Apr 2022");
    expect(items[0]).toHaveTextContent("Applied");
    expect(items[0]).toHaveTextContent("Active");
    expect(items[0]).toHaveTextContent("Steering group approval");
    expect(items[1]).toHaveTextContent("1 Mar 2022");
  });

  it("changes the status with an effective date defaulting to today and a note", async () => {
    const { backend } = backendWithHistory();
    const { user } = await openDetail(backend);
    await user.click(screen.getByTestId("membership-change-status"));
    const dialog = await screen.findByRole("dialog", { name: "Change membership status" });
    expect(within(dialog).getByLabelText("Effective date")).toHaveValue(todayIso());
    await user.selectOptions(within(dialog).getByLabelText("New status"), "lapsed");
    await user.type(within(dialog).getByLabelText(/Note/), "No fee paid for 2024");
    await user.click(screen.getByTestId("status-form-submit"));
    await waitFor(() =>
      expect(backend.membershipChangeStatus).toHaveBeenCalledWith("org-1", {
        status: "lapsed",
        effective_on: todayIso(),
        note: "No fee paid for 2024",
      }),
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("shows a status-change field error inline", async () => {
    const { backend } = backendWithHistory();
    backend.membershipChangeStatus.mockRejectedValue({ code: "validation", message: "effective date is before the last change", field: "effective_on" });
    const { user } = await openDetail(backend);
    await user.click(screen.getByTestId("membership-change-status"));
    await screen.findByRole("dialog", { name: "Change membership status" });
    await user.click(screen.getByTestId("status-form-submit"));
    expect(await screen.findByTestId("field-error-effective_on")).toHaveTextContent("effective date is before the last change");
  });

  it("updates tier and dates", async () => {
    const { backend } = backendWithHistory();
    const { user } = await openDetail(backend);
    await user.click(screen.getByTestId("membership-edit"));
    const dialog = await screen.findByRole("dialog", { name: "Edit tier and dates" });
    await user.selectOptions(within(dialog).getByLabelText("Tier"), "observer");
    await user.type(within(dialog).getByLabelText("Left"), "2024-12-31");
    await user.click(screen.getByTestId("membership-form-submit"));
    await waitFor(() =>
      expect(backend.membershipUpdate).toHaveBeenCalledWith("org-1", { tier: "observer", joined_on: "2022-04-01", left_on: "2024-12-31" }),
    );
  });

  it("offers Add membership when there is none", async () => {
    const row = makeRow(1, { name: "Child Focus", membership_status: null, tier: null, joined_on: null });
    const backend = createFakeBackend([row]);
    const { user, pane } = await openDetail(backend);
    expect(within(pane).queryByTestId("membership-change-status")).not.toBeInTheDocument();
    await user.click(within(pane).getByTestId("membership-start"));
    const dialog = await screen.findByRole("dialog", { name: "Add membership" });
    await user.selectOptions(within(dialog).getByLabelText("Status"), "prospect");
    await user.click(screen.getByTestId("membership-start-form-submit"));
    await waitFor(() =>
      expect(backend.membershipStart).toHaveBeenCalledWith("org-1", { status: "prospect", tier: "full", joined_on: todayIso() }),
    );
  });

  it("asks before archiving, then archives and refreshes", async () => {
    const { backend } = backendWithHistory();
    const { user } = await openDetail(backend);
    const listCalls = backend.orgsList.mock.calls.length;
    await user.click(screen.getByTestId("org-archive"));
    const confirm = await screen.findByTestId("archive-confirm");
    expect(confirm).toHaveTextContent("Child Focus");
    expect(backend.orgSetArchived).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("archive-confirm-confirm"));
    await waitFor(() => expect(backend.orgSetArchived).toHaveBeenCalledWith("org-1", true));
    await waitFor(() => expect(backend.orgsList.mock.calls.length).toBeGreaterThan(listCalls));
    expect(await screen.findByTestId("org-restore")).toBeInTheDocument();
  });

  it("shows a failed detail load", async () => {
    const backend = createFakeBackend([ROW]);
    backend.orgGet.mockRejectedValue({ code: "not_found", message: "organisation not found", field: null });
    const { user } = renderApp(backend);
    const rows = await screen.findAllByTestId("org-row");
    await user.click(rows[0]!);
    const pane = await screen.findByTestId("org-detail");
    await waitFor(() => expect(pane).toHaveTextContent("organisation not found"));
  });
});
