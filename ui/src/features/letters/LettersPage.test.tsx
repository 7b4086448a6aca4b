import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, makeLetter } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";
import { openLettersPage } from "../../test/letters";

describe("letters list", () => {
  it("is reached from the sidebar and renders each letter with its live counts", async () => {
    const backend = createFakeBackend();
    backend.lettersList.mockResolvedValue([
      {
        letter: makeLetter(1, { reference: "open-letter-2022", title: "Open letter supporting the CSA Regulation", status: "collecting" }),
        counts: { invited: 61, signed: 54, declined: 2, withdrawn: 1, silent: 4 },
      },
      {
        letter: makeLetter(2, { reference: "petition-2023", title: "Petition before the vote", kind: "petition", status: "published", deadline: null }),
        counts: { invited: 0, signed: 0, declined: 0, withdrawn: 0, silent: 0 },
      },
    ]);
    await openLettersPage(backend);

    expect(screen.getByTestId("nav-letters")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("letters-count")).toHaveTextContent("2 letters");
    const rows = screen.getAllByTestId("letter-row");
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(rows[0]).toHaveTextContent("open-letter-2022");
    expect(rows[0]).toHaveTextContent("Open letter supporting the CSA Regulation");
    expect(rows[0]).toHaveTextContent("Open letter");
    expect(rows[0]).toHaveTextContent("Collecting");
    expect(rows[0]).toHaveTextContent("30 Jun 2022");
    expect(first.getByTestId("letter-count-signed")).toHaveTextContent("54");
    expect(first.getByTestId("letter-count-invited")).toHaveTextContent("61");
    expect(first.getByTestId("letter-count-silent")).toHaveTextContent("4");
    expect(first.getByTestId("letter-count-declined")).toHaveTextContent("2");
    expect(rows[1]).toHaveTextContent("Petition");
    expect(rows[1]).toHaveTextContent("Published");
  });

  it("keeps the organisations page working when switching back", async () => {
    const { user } = renderApp();
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("nav-letters"));
    await screen.findAllByTestId("letter-row");
    expect(screen.queryByTestId("org-row")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("nav-organisations"));
    expect(await screen.findAllByTestId("org-row")).not.toHaveLength(0);
  });

  it("shows a list error instead of swallowing it", async () => {
    const backend = createFakeBackend();
    backend.lettersList.mockRejectedValue({ code: "storage", message: "database is locked", field: null });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-letters"));
    const banner = await screen.findByTestId("letters-error");
    expect(banner).toHaveTextContent("database is locked");
    expect(banner).toHaveTextContent("storage");
  });

  it("offers to create the first letter when there is none", async () => {
    const backend = createFakeBackend();
    backend.lettersList.mockResolvedValue([]);
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("nav-letters"));
    expect(await screen.findByTestId("letters-empty")).toBeInTheDocument();
  });
});

describe("letters keyboard", () => {
  it("opens the New letter form with Ctrl+N", async () => {
    const { user } = await openLettersPage();
    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByRole("dialog", { name: "New letter" })).toBeInTheDocument();
  });

  it("moves the selection with the arrows, opens with Enter and goes back with Esc", async () => {
    const { user, backend } = await openLettersPage();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getAllByTestId("letter-row")[0]).toHaveAttribute("aria-selected", "true"));
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getAllByTestId("letter-row")[1]).toHaveAttribute("aria-selected", "true"));
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(screen.getAllByTestId("letter-row")[0]).toHaveAttribute("aria-selected", "true"));

    await user.keyboard("{Enter}");
    const detail = await screen.findByTestId("letter-detail");
    await waitFor(() => expect(detail).toHaveTextContent("Open letter supporting the CSA Regulation"));
    expect(backend.letterGet).toHaveBeenCalledWith("letter-1");

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("letter-detail")).not.toBeInTheDocument());
    expect(await screen.findAllByTestId("letter-row")).toHaveLength(2);
  });
});
