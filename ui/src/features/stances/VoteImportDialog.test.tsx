import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { CSA, makeBoard, makeCard, makeVoteResult } from "../../test/fake/stances";
import { renderApp } from "../../test/render";

async function openVoteDialog() {
  const backend = createFakeBackend();
  backend.stanceBoard.mockResolvedValue(makeBoard([makeCard(1)]));
  const files = createFakeFiles();
  files.pickOpenFile.mockResolvedValue("/home/anna/libe-vote.csv");
  const utils = renderApp(backend, files);
  await utils.user.click(await screen.findByTestId("nav-stances"));
  await screen.findAllByTestId("stance-card");
  await utils.user.click(screen.getByTestId("import-vote"));
  await screen.findByTestId("vote-dialog");
  return utils;
}

describe("vote import", () => {
  it("imports through the native dialog and shows counts, breakdowns, unmatched rows and proposals", async () => {
    const { user, backend, files } = await openVoteDialog();
    await user.type(screen.getByTestId("vote-title"), "LIBE final vote");
    fireEvent.change(screen.getByTestId("vote-date"), { target: { value: "2023-11-14" } });
    await user.click(screen.getByTestId("vote-choose-file"));
    await waitFor(() =>
      expect(backend.voteImport).toHaveBeenCalledWith("/home/anna/libe-vote.csv", { dossier_id: CSA.id, voted_on: "2023-11-14", title: "LIBE final vote" }, expect.objectContaining({ operation: expect.any(String) })),
    );
    expect(files.pickOpenFile).toHaveBeenCalledTimes(1);
    await screen.findByTestId("vote-results");
    expect(screen.getByTestId("vote-count-for")).toHaveTextContent("For 3");
    expect(screen.getByTestId("vote-count-against")).toHaveTextContent("Against 1");
    const groups = within(screen.getByTestId("vote-by-group")).getAllByTestId("vote-by-group-row");
    expect(groups.map((r) => r.textContent)).toEqual(["EPP2000", "S&D1110"]);
    expect(within(screen.getByTestId("vote-by-country")).getAllByTestId("vote-by-country-row")).toHaveLength(2);
    expect(screen.getByTestId("vote-unmatched")).toHaveTextContent("Line 7: no MEP with EP id 999");
    const proposals = screen.getAllByTestId("vote-proposal");
    expect(proposals).toHaveLength(2);
    expect(proposals[0]).toHaveTextContent("Paul Tang");
    expect(proposals[0]).toHaveTextContent("Opposed");
    expect(proposals[0]).toHaveTextContent("Supportive");
    // The charts are drawn too.
    expect(document.querySelectorAll(".vote-chart svg").length).toBeGreaterThanOrEqual(2);
  });

  it("accepts proposals one by one and all at once, refreshing the board", async () => {
    const { user, backend, files } = await openVoteDialog();
    await user.type(screen.getByTestId("vote-title"), "LIBE final vote");
    await user.click(screen.getByTestId("vote-choose-file"));
    await screen.findByTestId("vote-results");
    expect(files.pickOpenFile).toHaveBeenCalled();
    const remaining = makeVoteResult();
    backend.voteAccept.mockResolvedValue({ ...remaining, proposals: remaining.proposals.slice(1) });
    const boardCalls = backend.stanceBoard.mock.calls.length;
    await user.click(screen.getByTestId("vote-accept-mep-1"));
    await waitFor(() => expect(backend.voteAccept).toHaveBeenCalledWith("vote-1", ["mep-1"]));
    await waitFor(() => expect(screen.getAllByTestId("vote-proposal")).toHaveLength(1));
    await waitFor(() => expect(backend.stanceBoard.mock.calls.length).toBeGreaterThan(boardCalls));
    await user.click(screen.getByTestId("vote-accept-all"));
    await waitFor(() => expect(backend.voteAcceptAll).toHaveBeenCalledWith("vote-1"));
    expect(await screen.findByTestId("vote-no-proposals")).toBeInTheDocument();
    expect(screen.getByTestId("vote-accept-all")).toBeDisabled();
  });

  it("shows a refused file and the core's field errors, and writes nothing when the picker is cancelled", async () => {
    const { user, backend, files } = await openVoteDialog();
    files.pickOpenFile.mockResolvedValueOnce(null);
    await user.click(screen.getByTestId("vote-choose-file"));
    await waitFor(() => expect(files.pickOpenFile).toHaveBeenCalledTimes(1));
    expect(backend.voteImport).not.toHaveBeenCalled();

    backend.voteImport.mockRejectedValueOnce({ code: "validation", message: "title is required", field: "title" });
    await user.click(screen.getByTestId("vote-choose-file"));
    expect(await screen.findByTestId("field-error-title")).toHaveTextContent("title is required");

    backend.voteImport.mockRejectedValueOnce({
      code: "bad_file",
      message: "line 3: position: unknown position \"maybe\" (expected for, against, abstention or did_not_vote)",
      field: null,
    });
    await user.type(screen.getByTestId("vote-title"), "Plenary");
    await user.click(screen.getByTestId("vote-choose-file"));
    expect(await screen.findByTestId("vote-error")).toHaveTextContent("line 3: position: unknown position \"maybe\"");
    expect(screen.queryByTestId("vote-results")).not.toBeInTheDocument();
  });
});
