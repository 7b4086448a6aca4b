import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { BackendProvider } from "../../api/context";
import { ToastProvider } from "../../components/Toasts";
import { createFakeBackend, createFakeFiles, type FakeBackend } from "../../test/fakeBackend";
import { CSA, makeHistory } from "../../test/fake/stances";
import { StanceHistory } from "./StanceHistory";

function renderHistory(backend: FakeBackend) {
  const user = userEvent.setup();
  render(
    <BackendProvider backend={backend} files={createFakeFiles()}>
      <ToastProvider>
        <StanceHistory personId="mep-1" name="Javier Zarzalejos" />
      </ToastProvider>
    </BackendProvider>,
  );
  return user;
}

describe("StanceHistory", () => {
  it("shows the current stance per dossier and its history, newest first", async () => {
    const backend = createFakeBackend();
    backend.stancesForPerson.mockResolvedValue(makeHistory());
    renderHistory(backend);
    const dossier = await screen.findByTestId("stance-history-dossier");
    expect(dossier).toHaveTextContent("2022/0155(COD)");
    expect(within(dossier).getByTestId("stance-history-current")).toHaveTextContent("Champion");
    const rows = within(dossier).getAllByTestId("stance-history-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Champion");
    expect(rows[0]).toHaveTextContent("20 Mar 2023");
    expect(rows[0]).toHaveTextContent("Public statement");
    expect(within(rows[0]!).getByRole("link")).toHaveAttribute("href", "https://example.org/speech");
    expect(rows[1]).toHaveTextContent("Undecided");
    expect(rows[1]).toHaveTextContent("Meeting");
    expect(rows[1]).toHaveTextContent("Ben");
    expect(backend.stancesForPerson).toHaveBeenCalledWith("mep-1");
  });

  it("records a stance on a chosen dossier with its evidence, then reloads", async () => {
    const backend = createFakeBackend();
    const other = { ...CSA, id: "dossier-interim", reference: "2020/0259(COD)", short_title: "Interim regulation" };
    backend.dossiersList.mockResolvedValue([CSA, other]);
    const user = renderHistory(backend);
    expect(await screen.findByTestId("stance-history-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("stance-history-record"));
    await screen.findByTestId("evidence-dialog");
    expect(screen.getByRole("dialog")).toHaveTextContent("Stance of Javier Zarzalejos");
    await user.selectOptions(screen.getByTestId("evidence-dossier"), "dossier-interim");
    await user.selectOptions(screen.getByTestId("evidence-level"), "supportive");
    await user.selectOptions(screen.getByTestId("evidence-kind"), "meeting");
    await user.type(screen.getByTestId("evidence-source"), "Coffee with the office");
    await user.click(screen.getByTestId("evidence-save"));
    await waitFor(() =>
      expect(backend.stanceRecord).toHaveBeenCalledWith(
        expect.objectContaining({ person_id: "mep-1", dossier_id: "dossier-interim", level: "supportive", evidence: "meeting", source: "Coffee with the office" }),
      ),
    );
    await waitFor(() => expect(backend.stancesForPerson).toHaveBeenCalledTimes(2));
  });

  it("shows a load error with a retry", async () => {
    const backend = createFakeBackend();
    backend.stancesForPerson.mockRejectedValueOnce({ code: "storage", message: "storage error: disk I/O", field: null });
    const user = renderHistory(backend);
    expect(await screen.findByTestId("stance-history-error")).toHaveTextContent("storage error: disk I/O");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByTestId("stance-history-empty")).toBeInTheDocument();
  });
});
