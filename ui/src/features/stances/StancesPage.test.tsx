import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { CSA, makeBoard, makeCard, makeHistory } from "../../test/fake/stances";
import { renderApp } from "../../test/render";
import { todayIso } from "../../lib/dates";
import { levelForKey } from "./StanceBoardView";

function boardBackend() {
  const backend = createFakeBackend();
  backend.stanceBoard.mockResolvedValue(
    makeBoard([
      makeCard(1, { display_name: "Paul Tang", level: "sceptical", group_code: "S&D", country: "NL" }),
      makeCard(2, { display_name: "Javier Zarzalejos", level: "champion", roles: ["rapporteur"], group_code: "EPP", country: "ES" }),
      makeCard(3, { display_name: "Birgit Sippel", level: "unknown", committees: ["FEMM", "LIBE"] }),
    ]),
  );
  return backend;
}

async function openBoard(backend = boardBackend()) {
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId("nav-stances"));
  await screen.findAllByTestId("stance-card");
  return utils;
}

function card(name: string): HTMLElement {
  const found = screen.getAllByTestId("stance-card").find((c) => c.textContent?.includes(name));
  if (!found) throw new Error(`no card for ${name}`);
  return found;
}

describe("stance board", () => {
  it("shows the dossier's board in columns by level, with the lead committee included", async () => {
    const backend = boardBackend();
    await openBoard(backend);
    expect(screen.getByTestId("dossier-picker")).toHaveValue(CSA.id);
    expect(within(screen.getByTestId("stance-column-champion")).getByText("Javier Zarzalejos")).toBeInTheDocument();
    expect(within(screen.getByTestId("stance-column-champion")).getByText("Rapporteur")).toBeInTheDocument();
    expect(within(screen.getByTestId("stance-column-sceptical")).getByText("Paul Tang")).toBeInTheDocument();
    expect(within(screen.getByTestId("stance-column-unknown")).getByText("Birgit Sippel")).toBeInTheDocument();
    expect(screen.getByTestId("stance-count-supportive")).toHaveTextContent("0");
    expect(screen.getByTestId("stances-count")).toHaveTextContent("3 policy-makers");
    expect(backend.stanceBoard).toHaveBeenLastCalledWith({ dossier_id: CSA.id, groups: [], countries: [], committees: [], include_committee: true });

    fireEvent.click(screen.getByTestId("stance-include-committee"));
    await waitFor(() => expect(backend.stanceBoard).toHaveBeenLastCalledWith(expect.objectContaining({ include_committee: false })));
  });

  it("moves a focused card with the keyboard: the evidence dialog asks first, then records", async () => {
    const backend = boardBackend();
    const { user } = await openBoard(backend);
    const tang = card("Paul Tang");
    tang.focus();
    await user.keyboard("2");
    const dialog = await screen.findByTestId("evidence-dialog");
    expect(dialog).toHaveTextContent("From Sceptical to Supportive");
    expect(screen.getByTestId("evidence-level")).toHaveValue("supportive");
    expect(screen.getByTestId("evidence-date")).toHaveValue(todayIso());
    expect(backend.stanceRecord).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByTestId("evidence-kind"), "public_statement");
    await user.type(screen.getByTestId("evidence-source"), "https://example.org/interview");
    fireEvent.change(screen.getByTestId("evidence-date"), { target: { value: "2024-05-02" } });
    const boardCalls = backend.stanceBoard.mock.calls.length;
    await user.click(screen.getByTestId("evidence-save"));
    await waitFor(() =>
      expect(backend.stanceRecord).toHaveBeenCalledWith({
        person_id: "mep-1",
        dossier_id: CSA.id,
        level: "supportive",
        stated_on: "2024-05-02",
        evidence: "public_statement",
        source: "https://example.org/interview",
        vote_id: null,
        recorded_by: null,
      }),
    );
    await waitFor(() => expect(screen.queryByTestId("evidence-dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(backend.stanceBoard.mock.calls.length).toBeGreaterThan(boardCalls));
    // The moved card has the focus back, ready for the next key.
    await waitFor(() => expect(document.activeElement).toBe(card("Paul Tang")));
  });

  it("shows the core's refusal next to its field and keeps the dialog open", async () => {
    const backend = boardBackend();
    backend.stanceRecord.mockRejectedValue({ code: "validation", message: "a source (a link or a note) is required for social media", field: "source" });
    const { user } = await openBoard(backend);
    card("Javier Zarzalejos").focus();
    await user.keyboard("m");
    await screen.findByTestId("evidence-dialog");
    // "Move to…" starts from the card's own level; the coordinator picks another.
    expect(screen.getByTestId("evidence-level")).toHaveValue("champion");
    await user.selectOptions(screen.getByTestId("evidence-level"), "opposed");
    await user.selectOptions(screen.getByTestId("evidence-kind"), "social_media");
    await user.click(screen.getByTestId("evidence-save"));
    expect(await screen.findByTestId("field-error-source")).toHaveTextContent("a source (a link or a note) is required for social media");
    expect(backend.stanceRecord).toHaveBeenCalledWith(expect.objectContaining({ level: "opposed", evidence: "social_media", source: null }));
    expect(screen.getByTestId("evidence-dialog")).toBeInTheDocument();
  });

  it("maps keys to levels", () => {
    expect(levelForKey("1", "unknown")).toBe("champion");
    expect(levelForKey("6", "champion")).toBe("unknown");
    expect(levelForKey("ArrowRight", "champion")).toBe("supportive");
    expect(levelForKey("ArrowLeft", "champion")).toBeNull();
    expect(levelForKey("ArrowRight", "unknown")).toBeNull();
    expect(levelForKey("x", "unknown")).toBeNull();
  });

  it("opens a card's stance history on click", async () => {
    const backend = boardBackend();
    backend.stancesForPerson.mockResolvedValue(makeHistory());
    const { user } = await openBoard(backend);
    await user.click(card("Javier Zarzalejos"));
    const dialog = await screen.findByTestId("stance-history-dialog");
    await waitFor(() => expect(within(dialog).getAllByTestId("stance-history-row")).toHaveLength(2));
    expect(backend.stancesForPerson).toHaveBeenCalledWith("mep-2");
  });

  it("creates a dossier with the core's errors inline", async () => {
    const backend = boardBackend();
    backend.dossierCreate.mockRejectedValueOnce({
      code: "validation",
      message: "reference \"2022-155\" is not a procedure reference such as 2022/0155(COD) (YYYY/NNNN(XXX))",
      field: "reference",
    });
    const { user } = await openBoard(backend);
    await user.click(screen.getByTestId("dossier-new"));
    await screen.findByTestId("dossier-form");
    await user.type(screen.getByTestId("dossier-reference"), "2022-155");
    await user.type(screen.getByTestId("dossier-title"), "Interim regulation");
    await waitFor(() => expect(screen.getByTestId("dossier-committee")).toHaveTextContent("LIBE"));
    await user.selectOptions(screen.getByTestId("dossier-committee"), "LIBE");
    await user.click(screen.getByTestId("dossier-form-submit"));
    expect(await screen.findByTestId("field-error-reference")).toHaveTextContent("is not a procedure reference");
    await user.clear(screen.getByTestId("dossier-reference"));
    await user.type(screen.getByTestId("dossier-reference"), "2020/0259(COD)");
    await user.click(screen.getByTestId("dossier-form-submit"));
    await waitFor(() =>
      expect(backend.dossierCreate).toHaveBeenLastCalledWith({ reference: "2020/0259(COD)", short_title: "Interim regulation", lead_committee: "LIBE" }),
    );
    await waitFor(() => expect(screen.queryByTestId("dossier-form")).not.toBeInTheDocument());
  });

  it("adds a policy-maker found by name: the first stance puts them on the board", async () => {
    const backend = boardBackend();
    backend.policyMakersList.mockImplementation(async (query) => ({
      rows: query.text?.toLowerCase().startsWith("vaut")
        ? [
            {
              id: "mep-130100",
              display_name: "Hilde Vautmans",
              family_name: "Vautmans",
              country: "BE",
              office: "mep",
              institution: null,
              position_title: null,
              ep_id: 130100,
              group_code: "Renew",
              national_party: "Anders",
              mep_status: "current",
              committees: [],
            },
          ]
        : [],
      total: 1,
      offset: 0,
    }));
    const { user } = await openBoard(backend);
    await user.click(screen.getByTestId("stance-add"));
    await user.type(await screen.findByTestId("stance-add-search"), "Vaut");
    expect(await screen.findByTestId("stance-add-result")).toHaveTextContent("Hilde Vautmans");
    expect(backend.policyMakersList).toHaveBeenLastCalledWith(expect.objectContaining({ text: "Vaut", limit: 8 }));
    await user.keyboard("{Enter}");
    const dialog = await screen.findByTestId("evidence-dialog");
    expect(dialog).toHaveTextContent("Stance of Hilde Vautmans");
    await user.selectOptions(screen.getByTestId("evidence-level"), "supportive");
    await user.selectOptions(screen.getByTestId("evidence-kind"), "meeting");
    await user.click(screen.getByTestId("evidence-save"));
    await waitFor(() =>
      expect(backend.stanceRecord).toHaveBeenCalledWith(expect.objectContaining({ person_id: "mep-130100", dossier_id: CSA.id, level: "supportive", evidence: "meeting" })),
    );
  });

  it("edits the dossier's rapporteur and shadows", async () => {
    const backend = boardBackend();
    const javier = { id: "role-1", person_id: "mep-2", display_name: "Javier Zarzalejos", group_code: "EPP", country: "ES", role: "rapporteur" as const };
    backend.dossierGet.mockResolvedValue({ dossier: CSA, roles: [javier] });
    backend.dossierRoleRemove.mockResolvedValue({ dossier: CSA, roles: [] });
    backend.dossierRoleAdd.mockResolvedValue({
      dossier: CSA,
      roles: [{ id: "role-2", person_id: "mep-7", display_name: "Paul Tang", group_code: "S&D", country: "NL", role: "shadow_rapporteur" }],
    });
    backend.policyMakersList.mockResolvedValue({
      rows: [
        {
          id: "mep-7",
          display_name: "Paul Tang",
          family_name: "Tang",
          country: "NL",
          office: "mep",
          institution: null,
          position_title: null,
          ep_id: 7,
          group_code: "S&D",
          national_party: null,
          mep_status: "current",
          committees: [],
        },
      ],
      total: 1,
      offset: 0,
    });
    const { user } = await openBoard(backend);
    await user.click(screen.getByTestId("dossier-edit"));
    const roles = await screen.findByTestId("dossier-roles");
    expect(await within(roles).findByTestId("dossier-role")).toHaveTextContent("Javier Zarzalejos");
    expect(backend.dossierGet).toHaveBeenCalledWith(CSA.id);
    await user.click(within(roles).getByTestId("dossier-role-remove"));
    await waitFor(() => expect(backend.dossierRoleRemove).toHaveBeenCalledWith("role-1"));
    await waitFor(() => expect(within(roles).queryByTestId("dossier-role")).not.toBeInTheDocument());
    await user.selectOptions(within(roles).getByTestId("dossier-role-kind"), "shadow_rapporteur");
    await user.type(within(roles).getByTestId("dossier-role-search"), "Tang");
    await user.click(await within(roles).findByTestId("dossier-role-result"));
    await waitFor(() => expect(backend.dossierRoleAdd).toHaveBeenCalledWith(CSA.id, "mep-7", "shadow_rapporteur"));
    expect(await within(roles).findByTestId("dossier-role")).toHaveTextContent("Paul Tang");
  });

  it("offers to create the first dossier on an empty store and shows load errors", async () => {
    const backend = createFakeBackend();
    backend.dossiersList.mockResolvedValue([]);
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-stances"));
    expect(await screen.findByTestId("stances-empty")).toBeInTheDocument();
    expect(backend.stanceBoard).not.toHaveBeenCalled();

    const failing = createFakeBackend();
    failing.stanceBoard.mockRejectedValue({ code: "not_found", message: "no dossier with id x", field: null });
    const second = renderApp(failing);
    await second.user.click((await screen.findAllByTestId("nav-stances"))[1]!);
    expect(await screen.findByTestId("stances-error")).toHaveTextContent("no dossier with id x");
  });
});
