import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RowMatch } from "../../bindings/RowMatch";
import { SAMPLE_PREVIEW, createFakeBackend, createFakeFiles } from "../../test/fakeBackend";
import { openFirstLetter } from "../../test/letters";

const PATH = "/home/me/signatures.xlsx";

const MATCHES: RowMatch[] = [
  { line: 2, organisation: "Child Focus", country: "BE", signer: "Heidi De Pauw", outcome: { kind: "exact", id: "org-0", name: "Child Focus" }, issues: [] },
  {
    line: 3,
    organisation: "IWF",
    country: "GB",
    signer: "Michael Tunks",
    outcome: {
      kind: "suggestions",
      suggestions: [
        { id: "org-1", name: "Internet Watch Foundation", score: 0.82 },
        { id: "org-2", name: "International Justice Mission", score: 0.41 },
      ],
    },
    issues: [],
  },
  { line: 4, organisation: "Brave Movment", country: null, signer: null, outcome: { kind: "suggestions", suggestions: [{ id: "org-2", name: "Brave Movement", score: 0.9 }] }, issues: [] },
  {
    line: 5,
    organisation: "Thorn",
    country: "US",
    signer: null,
    outcome: { kind: "exact", id: "org-9", name: "Thorn" },
    issues: [{ line: 5, field: "date", message: 'invalid date "32/13/2022"' }],
  },
];

function matchRow(line: number) {
  const row = screen.getAllByTestId("match-row").find((r) => r.getAttribute("data-line") === String(line));
  if (!row) throw new Error(`no match row for line ${line}`);
  return within(row);
}

async function setup() {
  const backend = createFakeBackend();
  const files = createFakeFiles();
  files.pickOpenFile.mockResolvedValue(PATH);
  backend.signaturesAnalyse.mockResolvedValue(MATCHES);
  backend.signaturesImport.mockResolvedValue({
    rows: 4,
    signed: 2,
    updated: 0,
    unchanged: 0,
    rejected: 2,
    organisations_created: 0,
    issues: [{ line: 5, field: "date", message: 'invalid date "32/13/2022"' }],
    committed: true,
  });
  const ctx = await openFirstLetter(backend, files);
  await ctx.user.click(screen.getByTestId("signatures-import"));
  await screen.findByRole("dialog", { name: "Import signatures" });
  return ctx;
}

async function goToMatches(ctx: Awaited<ReturnType<typeof setup>>) {
  await ctx.user.click(screen.getByTestId("wizard-choose-file"));
  await screen.findByTestId("wizard-step-map");
  await ctx.user.click(screen.getByTestId("wizard-next"));
  await screen.findByTestId("wizard-step-preview");
  await ctx.user.click(screen.getByTestId("wizard-next"));
  await screen.findByTestId("wizard-step-match");
}

describe("signature import wizard", () => {
  it("previews the picked file and pre-fills the guessed mapping with sample values", async () => {
    const ctx = await setup();
    expect(screen.getByTestId("wizard-back")).toBeDisabled();
    await ctx.user.click(screen.getByTestId("wizard-choose-file"));
    await screen.findByTestId("wizard-step-map");

    const [pickOptions] = ctx.files.pickOpenFile.mock.calls[0]!;
    expect(pickOptions?.filters?.[0]?.extensions).toEqual(["csv", "tsv", "txt", "xlsx"]);
    expect(ctx.backend.importPreview).toHaveBeenCalledWith(PATH);
    expect(screen.getByTestId("map-organisation")).toHaveValue("0");
    expect(screen.getByTestId("map-country")).toHaveValue("1");
    expect(screen.getByTestId("map-signer")).toHaveValue("2");
    expect(screen.getByTestId("map-signer_title")).toHaveValue("3");
    expect(screen.getByTestId("map-date")).toHaveValue("4");
    expect(screen.getByTestId("map-email")).toHaveValue("");
    expect(screen.getByTestId("map-sample-organisation")).toHaveTextContent("Child Focus");
    expect(screen.getByTestId("map-sample-organisation")).toHaveTextContent("IWF");
    // Every header is offered.
    const options = within(screen.getByTestId("map-email")).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(SAMPLE_PREVIEW.headers));

    // Organisation is required.
    await ctx.user.selectOptions(screen.getByTestId("map-organisation"), "");
    expect(screen.getByTestId("wizard-next")).toBeDisabled();
    await ctx.user.selectOptions(screen.getByTestId("map-organisation"), "0");
    await ctx.user.selectOptions(screen.getByTestId("map-email"), "2");
    await ctx.user.click(screen.getByTestId("wizard-next"));

    // Rows as mapped.
    await screen.findByTestId("wizard-step-preview");
    const rows = screen.getAllByTestId("wizard-preview-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Child Focus");
    expect(rows[0]).toHaveTextContent("Heidi De Pauw");
    expect(ctx.backend.signaturesAnalyse).not.toHaveBeenCalled();

    await ctx.user.click(screen.getByTestId("wizard-next"));
    await screen.findByTestId("wizard-step-match");
    expect(ctx.backend.signaturesAnalyse).toHaveBeenCalledWith(PATH, {
      organisation: 0,
      country: 1,
      signer: 2,
      signer_title: 3,
      date: 4,
      email: 2,
    });
    expect(ctx.backend.signaturesImport).not.toHaveBeenCalled();
  });

  it("blocks Next until every non-exact row has a decision, and never pre-selects a suggestion", async () => {
    const ctx = await setup();
    await goToMatches(ctx);

    expect(screen.getByTestId("match-undecided")).toHaveTextContent("2 rows need a decision");
    expect(screen.getByTestId("wizard-next")).toBeDisabled();
    expect(screen.getByTestId("wizard-blocked")).toHaveTextContent("2 rows need a decision");

    // Exact rows default to their match; suggestions are offered but not chosen.
    expect(matchRow(2).getByTestId("match-exact")).toBeChecked();
    const suggestions = matchRow(3).getAllByTestId("match-suggestion");
    expect(suggestions.map((s) => (s as HTMLInputElement).value)).toEqual(["org-1", "org-2"]);
    suggestions.forEach((s) => expect(s).not.toBeChecked());
    expect(matchRow(3).getByTestId("match-create")).not.toBeChecked();
    expect(matchRow(3).getByTestId("match-skip")).not.toBeChecked();
    // A row with problems shows them and defaults to skip.
    expect(matchRow(5).getByTestId("match-issues")).toHaveTextContent('invalid date "32/13/2022"');
    expect(matchRow(5).getByTestId("match-skip")).toBeChecked();

    await ctx.user.click(suggestions[0]!);
    expect(screen.getByTestId("match-undecided")).toHaveTextContent("1 row needs a decision");
    expect(screen.getByTestId("wizard-next")).toBeDisabled();
    await ctx.user.keyboard("{Enter}");
    expect(screen.getByTestId("wizard-step-match")).toBeInTheDocument();

    await ctx.user.click(matchRow(4).getByTestId("match-skip"));
    expect(screen.getByTestId("match-undecided")).toHaveTextContent("Every row has a decision");
    expect(screen.getByTestId("wizard-next")).toBeEnabled();
    expect(ctx.backend.signaturesImport).not.toHaveBeenCalled();
  });

  it("imports only on confirm, with the chosen decisions, then shows the report and refreshes", async () => {
    const ctx = await setup();
    await goToMatches(ctx);
    await ctx.user.click(matchRow(3).getAllByTestId("match-suggestion")[0]!);
    await ctx.user.click(matchRow(4).getByTestId("match-skip"));
    await ctx.user.click(screen.getByTestId("wizard-next"));

    await screen.findByTestId("wizard-step-confirm");
    expect(screen.getByTestId("confirm-sign")).toHaveTextContent("2");
    expect(screen.getByTestId("confirm-create")).toHaveTextContent("0");
    expect(screen.getByTestId("confirm-skip")).toHaveTextContent("2");
    expect(ctx.backend.signaturesImport).not.toHaveBeenCalled();

    const getsBefore = ctx.backend.letterGet.mock.calls.length;
    await ctx.user.click(screen.getByTestId("wizard-confirm"));
    await waitFor(() => expect(ctx.backend.signaturesImport).toHaveBeenCalledTimes(1));
    const [id, path, columns, decisions, options] = ctx.backend.signaturesImport.mock.calls[0]!;
    expect(id).toBe("letter-1");
    expect(path).toBe(PATH);
    expect(columns).toEqual(SAMPLE_PREVIEW.columns);
    expect(decisions).toEqual([
      { action: "organisation", line: 2, organisation_id: "org-0" },
      { action: "organisation", line: 3, organisation_id: "org-1" },
      { action: "skip", line: 4 },
      { action: "skip", line: 5 },
    ]);
    expect(options).toEqual({ dry_run: false, skip_invalid: true, create_missing: false });

    const report = await screen.findByTestId("signatures-import-report");
    expect(within(report).getByTestId("report-signed")).toHaveTextContent("2");
    expect(within(report).getByTestId("report-rejected")).toHaveTextContent("2");
    expect(within(report).getAllByTestId("report-issue")[0]).toHaveTextContent('invalid date "32/13/2022"');
    await waitFor(() => expect(ctx.backend.letterGet.mock.calls.length).toBeGreaterThan(getsBefore));

    await ctx.user.click(screen.getByTestId("wizard-close"));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("sends create decisions, goes forward with Enter and closes with Esc without writing", async () => {
    const ctx = await setup();
    await goToMatches(ctx);
    await ctx.user.click(matchRow(3).getByTestId("match-create"));
    await ctx.user.click(matchRow(4).getAllByTestId("match-suggestion")[0]!);
    // Enter = Next (focus is on a radio, not a text field).
    await ctx.user.keyboard("{Enter}");
    await screen.findByTestId("wizard-step-confirm");
    expect(screen.getByTestId("confirm-create")).toHaveTextContent("1");

    await ctx.user.click(screen.getByTestId("wizard-back"));
    await screen.findByTestId("wizard-step-match");
    // Going back keeps the decisions (no new analysis for the same mapping).
    expect(matchRow(3).getByTestId("match-create")).toBeChecked();
    expect(ctx.backend.signaturesAnalyse).toHaveBeenCalledTimes(1);

    await ctx.user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(ctx.backend.signaturesImport).not.toHaveBeenCalled();
  });

  it("shows errors from the preview instead of swallowing them", async () => {
    const backend = createFakeBackend();
    const files = createFakeFiles();
    files.pickOpenFile.mockResolvedValue(PATH);
    backend.importPreview.mockRejectedValue({ code: "bad_file", message: "not a spreadsheet", field: null });
    const ctx = await openFirstLetter(backend, files);
    await ctx.user.click(screen.getByTestId("signatures-import"));
    await ctx.user.click(await screen.findByTestId("wizard-choose-file"));
    expect(await screen.findByTestId("wizard-error")).toHaveTextContent("not a spreadsheet");
    expect(screen.getByTestId("wizard-step-file")).toBeInTheDocument();
  });
});
