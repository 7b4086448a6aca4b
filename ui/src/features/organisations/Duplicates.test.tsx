import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DuplicatePair } from "../../bindings/DuplicatePair";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

const PAIRS: DuplicatePair[] = [
  {
    a: { id: "org-0", name: "Internet Watch Foundation", short_name: "IWF" },
    b: { id: "org-1", name: "IWF", short_name: null },
    reason: "acronym_is_name",
    score: 0.93,
  },
];

describe("duplicates", () => {
  it("lists pairs, merges the one not kept, and undoes from the toast", async () => {
    const backend = createFakeBackend();
    backend.orgsDuplicates.mockResolvedValue(PAIRS);
    backend.orgsMerge.mockResolvedValue({
      kept: { id: "org-0", name: "Internet Watch Foundation", short_name: "IWF", org_type: "hotline", country: "GB", website: null, email: null, phone: null, notes: null, archived: false, created_at: "", updated_at: "" },
      merged_name: "IWF",
      membership_moved: false,
      signatures_moved: 3,
      signatures_dropped: 1,
      audit_seq: 42,
    });
    backend.orgsMergeUndo.mockResolvedValue({ id: "org-1", name: "IWF", short_name: null, org_type: "other", country: "GB", website: null, email: null, phone: null, notes: null, archived: false, created_at: "", updated_at: "" });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("orgs-tab-duplicates"));
    const row = await screen.findByTestId("duplicate-row");
    expect(row).toHaveTextContent("93%");
    expect(row).toHaveTextContent("Acronym of the other");
    expect(row).toHaveTextContent("Internet Watch Foundation");

    await user.click(within(row).getByTestId("duplicate-merge"));
    await screen.findByRole("dialog", { name: "Merge two organisations" });
    expect(screen.getByTestId("merge-confirm")).toBeDisabled();
    await user.click(screen.getByTestId("merge-keep-a"));
    expect(screen.getByTestId("merge-warning")).toHaveTextContent("IWF will be merged into Internet Watch Foundation and removed");
    expect(screen.getByTestId("merge-warning")).toHaveTextContent("its signatures move to Internet Watch Foundation");
    const listsBefore = backend.orgsDuplicates.mock.calls.length;
    await user.click(screen.getByTestId("merge-confirm"));

    await waitFor(() => expect(backend.orgsMerge).toHaveBeenCalledWith("org-0", "org-1"));
    expect(await screen.findByText("Merged IWF into Internet Watch Foundation")).toBeInTheDocument();
    await waitFor(() => expect(backend.orgsDuplicates.mock.calls.length).toBeGreaterThan(listsBefore));

    await user.click(screen.getByTestId("merge-undo"));
    await waitFor(() => expect(backend.orgsMergeUndo).toHaveBeenCalledWith(42));
    expect(await screen.findByText("Restored IWF")).toBeInTheDocument();
  });

  it("keeps B when asked, and shows a merge error in the dialog", async () => {
    const backend = createFakeBackend();
    backend.orgsDuplicates.mockResolvedValue(PAIRS);
    backend.orgsMerge.mockRejectedValue({ code: "conflict", message: "an organisation cannot be merged with itself", field: null });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("orgs-tab-duplicates"));
    await user.click(within(await screen.findByTestId("duplicate-row")).getByTestId("duplicate-merge"));
    await user.click(await screen.findByTestId("merge-keep-b"));
    await user.click(screen.getByTestId("merge-confirm"));
    await waitFor(() => expect(backend.orgsMerge).toHaveBeenCalledWith("org-1", "org-0"));
    expect(await within(screen.getByRole("dialog")).findByTestId("error-banner")).toHaveTextContent(
      "an organisation cannot be merged with itself",
    );
  });
});
