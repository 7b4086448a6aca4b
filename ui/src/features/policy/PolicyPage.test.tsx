import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { makeMepRow, makePolicyMaker } from "../../test/fake/policy";
import { renderApp } from "../../test/render";

async function openPolicyPage() {
  const backend = createFakeBackend();
  const app = renderApp(backend);
  await app.user.click(await screen.findByTestId("nav-policy"));
  return app;
}

describe("policy-makers list", () => {
  it("lists policy-makers by family name with group, country and committees", async () => {
    const { backend } = await openPolicyPage();
    expect(await screen.findByTestId("policy-count")).toHaveTextContent("5 policy-makers");
    const rows = await screen.findAllByTestId("policy-row");
    expect(rows.map((r) => r.getAttribute("data-id"))).toEqual(["pm-0", "pm-1", "pm-2", "pm-3", "pm-4"]);
    expect(rows[0]).toHaveTextContent("Maravillas Abadía Jover");
    expect(rows[0]).toHaveTextContent("EPP");
    expect(rows[0]).toHaveTextContent("LIBE");
    expect(backend.policyMakersList.mock.calls[0]![0]).toMatchObject({ offset: 0, limit: 100, text: null, committee: null });
  }, 15_000);

  it("fetches pages by offset for a long list, never one request per row", async () => {
    const backend = createFakeBackend();
    const many = Array.from({ length: 3000 }, (_, i) => makeMepRow(i, { id: `pm-${i}` }));
    backend.policyMakersList.mockImplementation(async (q) => ({ rows: many.slice(q.offset, q.offset + q.limit), total: many.length, offset: q.offset }));
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-policy"));
    expect(await screen.findByTestId("policy-count")).toHaveTextContent("3,000 policy-makers");
    const rendered = (await screen.findAllByTestId("policy-row")).length;
    expect(rendered).toBeLessThan(100);
    await act(async () => {
      const scroller = screen.getByTestId("policy-scroll");
      scroller.scrollTop = 38 * 2000;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(backend.policyMakersList.mock.calls.some(([q]) => q.offset === 2000 || q.offset === 1900)).toBe(true));
    const offsets = backend.policyMakersList.mock.calls.map(([q]) => q.offset);
    expect(new Set(offsets).size).toBe(offsets.length);
    for (const offset of offsets) expect(offset % 100).toBe(0);
  }, 15_000);

  it("searches by name, filters by committee, and clears", async () => {
    const { backend, user } = await openPolicyPage();
    await screen.findAllByTestId("policy-row");
    await user.type(screen.getByTestId("policy-search"), "zarz");
    await waitFor(() => expect(backend.policyMakersList).toHaveBeenLastCalledWith(expect.objectContaining({ text: "zarz", offset: 0 })));
    await waitFor(() => expect(screen.getAllByTestId("policy-row")).toHaveLength(1));
    expect(screen.getByTestId("policy-row")).toHaveTextContent("Javier Zarzalejos");

    await waitFor(() => expect(within(screen.getByTestId("policy-filter-committee")).getByText(/LIBE/)).toBeInTheDocument());
    fireEvent.change(screen.getByTestId("policy-filter-committee"), { target: { value: "LIBE" } });
    await waitFor(() => expect(backend.policyMakersList).toHaveBeenLastCalledWith(expect.objectContaining({ committee: "LIBE", text: "zarz" })));

    await user.click(screen.getByTestId("policy-filters-clear"));
    await waitFor(() => expect(backend.policyMakersList).toHaveBeenLastCalledWith(expect.objectContaining({ committee: null, text: null })));
  }, 15_000);

  it("opens the detail: official name, group in full, EP profile, committees", async () => {
    const { backend, user } = await openPolicyPage();
    const rows = await screen.findAllByTestId("policy-row");
    await user.click(rows[4]!);
    const pane = await screen.findByTestId("policy-detail");
    await waitFor(() => expect(pane).toHaveTextContent("Javier Zarzalejos"));
    expect(backend.policyMakerGet).toHaveBeenCalledWith("pm-4");
    expect(within(pane).getByTestId("policy-official-name")).toHaveTextContent("Javier ZARZALEJOS");
    expect(within(pane).getByTestId("policy-group")).toHaveTextContent("EPP Group of the European People's Party (Christian Democrats)");
    expect(within(pane).getByTestId("policy-profile-url")).toHaveTextContent("https://www.europarl.europa.eu/meps/en/100004");
    expect(within(pane).getByTestId("policy-committee")).toHaveTextContent("LIBE");
    expect(within(pane).getByTestId("policy-committee")).toHaveTextContent("Member");

    // Keyboard: Esc closes the detail, arrows move, Enter opens.
    fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("policy-detail")).not.toBeInTheDocument());
    fireEvent.keyDown(window, { key: "ArrowUp" });
    fireEvent.keyDown(window, { key: "Enter" });
    await waitFor(() => expect(backend.policyMakerGet).toHaveBeenLastCalledWith("pm-3"));
  }, 15_000);

  it("adds a committee membership and shows the core's error inline", async () => {
    const { backend, user } = await openPolicyPage();
    await user.click((await screen.findAllByTestId("policy-row"))[1]!);
    await user.click(await screen.findByTestId("committee-add"));
    const dialog = await screen.findByTestId("committee-add-dialog");
    backend.committeeMembershipAdd.mockRejectedValueOnce({ code: "validation", message: "choose a committee", field: "committee_code" });
    await user.click(within(dialog).getByTestId("committee-add-submit"));
    expect(await within(dialog).findByTestId("field-error-committee_code")).toHaveTextContent("choose a committee");
    await user.selectOptions(within(dialog).getByLabelText("Committee"), "LIBE");
    await user.click(within(dialog).getByTestId("committee-add-submit"));
    await waitFor(() => expect(screen.queryByTestId("committee-add-dialog")).not.toBeInTheDocument());
    expect(backend.committeeMembershipAdd).toHaveBeenLastCalledWith("pm-1", { committee_code: "LIBE", role: "member", starts_on: null });
    expect(await screen.findByTestId("policy-committee")).toHaveTextContent("LIBE");
  }, 15_000);

  it("creates a Commission official with inline field errors from the core", async () => {
    const { backend, user } = await openPolicyPage();
    await screen.findAllByTestId("policy-row");
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    const dialog = await screen.findByTestId("policy-form");
    backend.policyMakerCreate.mockRejectedValueOnce({ code: "validation", message: "family name is required", field: "family_name" });
    fireEvent.change(within(dialog).getByLabelText("Given name"), { target: { value: "Ylva" } });
    await user.click(within(dialog).getByTestId("policy-form-submit"));
    expect(await within(dialog).findByTestId("field-error-family_name")).toHaveTextContent("family name is required");
    fireEvent.change(within(dialog).getByLabelText("Family name"), { target: { value: "Johansson" } });
    fireEvent.change(within(dialog).getByLabelText(/Position/), { target: { value: "European Commissioner for Home Affairs" } });
    await user.click(within(dialog).getByTestId("policy-form-submit"));
    await waitFor(() => expect(screen.queryByTestId("policy-form")).not.toBeInTheDocument());
    expect(backend.policyMakerCreate).toHaveBeenLastCalledWith(
      expect.objectContaining({
        given_name: "Ylva",
        family_name: "Johansson",
        office: "commission",
        position_title: "European Commissioner for Home Affairs",
        ep_id: null,
        group_code: null,
      }),
    );
    expect(await screen.findByTestId("policy-detail")).toHaveTextContent("Ylva Johansson");
  }, 15_000);

  it("creates an MEP by hand: EP id and group, a bad id refused before the core", async () => {
    const { backend, user } = await openPolicyPage();
    await screen.findAllByTestId("policy-row");
    await user.click(screen.getByTestId("policy-new"));
    const dialog = await screen.findByTestId("policy-form");
    expect(within(dialog).queryByLabelText("EP id")).not.toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText("Office"), "mep");
    fireEvent.change(within(dialog).getByLabelText("Given name"), { target: { value: "Hilde" } });
    fireEvent.change(within(dialog).getByLabelText("Family name"), { target: { value: "Vautmans" } });
    fireEvent.change(within(dialog).getByLabelText("EP id"), { target: { value: "12x" } });
    await user.click(within(dialog).getByTestId("policy-form-submit"));
    expect(await within(dialog).findByTestId("field-error-ep_id")).toHaveTextContent("The EP id is a number");
    expect(backend.policyMakerCreate).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText("EP id"), { target: { value: "130100" } });
    await user.selectOptions(within(dialog).getByLabelText(/Political group/), "Renew");
    await user.click(within(dialog).getByTestId("policy-form-submit"));
    await waitFor(() => expect(backend.policyMakerCreate).toHaveBeenCalledTimes(1));
    expect(backend.policyMakerCreate).toHaveBeenLastCalledWith(
      expect.objectContaining({ office: "mep", ep_id: 130100, group_code: "Renew", institution: null }),
    );
  }, 15_000);

  it("shows the list's error", async () => {
    const backend = createFakeBackend();
    backend.policyMakersList.mockRejectedValue({ code: "storage", message: "disk I/O error", field: null });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-policy"));
    expect(await screen.findByTestId("policy-list-error")).toHaveTextContent("disk I/O error");
  }, 15_000);

  it("offers the import on an empty store", async () => {
    const backend = createFakeBackend();
    backend.policyMakersList.mockResolvedValue({ rows: [], total: 0, offset: 0 });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-policy"));
    await user.click(await screen.findByTestId("policy-empty-import"));
    expect(await screen.findByTestId("mep-import-dialog")).toBeInTheDocument();
    expect(makePolicyMaker(makeMepRow(0)).group_name).toContain("European People's Party");
  }, 15_000);
});
