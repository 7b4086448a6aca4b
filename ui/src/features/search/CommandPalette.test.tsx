import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

async function openPalette(user: ReturnType<typeof renderApp>["user"]) {
  await user.keyboard("{Control>}k{/Control}");
  const palette = await screen.findByTestId("palette");
  return { palette, input: within(palette).getByTestId("palette-input") };
}

describe("command palette", () => {
  it("opens on Ctrl+K and Cmd+K with the search field focused, and closes on Escape", async () => {
    const { user } = renderApp();
    expect(screen.queryByTestId("palette")).not.toBeInTheDocument();
    const { input } = await openPalette(user);
    expect(input).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("palette")).not.toBeInTheDocument());
    await user.keyboard("{Meta>}k{/Meta}");
    expect(await screen.findByTestId("palette")).toBeInTheDocument();
  });

  it("opens from the sidebar's search button too", async () => {
    const { user } = renderApp();
    await user.click(screen.getByTestId("sidebar-search"));
    expect(await screen.findByTestId("palette-input")).toHaveFocus();
  });

  it("groups results by kind under headings, with the actions matching the query", async () => {
    const { user, backend } = renderApp();
    const { palette, input } = await openPalette(user);
    await user.type(input, "mié");
    await waitFor(() => expect(backend.search).toHaveBeenLastCalledWith("mié", expect.any(Number)));
    const people = await within(palette).findByRole("group", { name: "People" });
    expect(within(people).getByText("Mié Kohiyama")).toBeInTheDocument();
    const log = within(palette).getByRole("group", { name: "Engagement log" });
    expect(within(log).getByText("Lunch with Mié")).toBeInTheDocument();
    // Typing pauses are debounced: one search for the whole word.
    expect(backend.search.mock.calls.filter(([q]) => q.startsWith("m")).length).toBeLessThanOrEqual(2);

    await user.clear(input);
    await user.type(input, "new");
    const actions = await within(palette).findByRole("group", { name: "Actions" });
    const labels = within(actions).getAllByTestId("palette-item").map((el) => el.textContent);
    expect(labels).toEqual(["New organisation", "New person", "New policy-maker", "New event", "New letter"]);
    await user.clear(input);
    await user.type(input, "log");
    await waitFor(() => expect(within(palette).getAllByTestId("palette-item").map((el) => el.textContent)).toContain("Log interaction"));
  });

  it("moves with the arrows, Home and End, and Enter opens the record on its page", async () => {
    const backend = createFakeBackend();
    backend.search.mockImplementation(async () => [
      { kind: "organisation", id: "org-3", title: "Organisation 00003", subtitle: "BE" },
      { kind: "organisation", id: "org-5", title: "Organisation 00005", subtitle: "BE" },
      { kind: "person", id: "person-9", title: "Anna Berg", subtitle: null },
    ]);
    const { user } = renderApp(backend);
    const { palette, input } = await openPalette(user);
    await user.type(input, "org");
    await waitFor(() => expect(within(palette).getAllByTestId("palette-item").length).toBeGreaterThanOrEqual(3));
    const items = () => within(palette).getAllByTestId("palette-item");
    expect(items()[0]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{End}");
    expect(items()[items().length - 1]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Home}{ArrowDown}");
    expect(items()[1]).toHaveAttribute("aria-selected", "true");
    expect(input).toHaveAttribute("aria-activedescendant", items()[1]!.id);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByTestId("palette")).not.toBeInTheDocument());
    await waitFor(() => expect(backend.orgGet).toHaveBeenCalledWith("org-5"));
    expect(await screen.findByTestId("org-detail")).toBeInTheDocument();
  });

  it("opens a person on the People page and a new organisation's form from the actions", async () => {
    const { user, backend } = renderApp();
    let { input } = await openPalette(user);
    await user.type(input, "kohiyama");
    await waitFor(() => expect(screen.getAllByTestId("palette-item")[0]).toHaveTextContent("Mié Kohiyama"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(backend.personGet).toHaveBeenCalledWith("person-mie"));
    expect(await screen.findByTestId("person-detail")).toBeInTheDocument();

    ({ input } = await openPalette(user));
    await user.type(input, "new org");
    await waitFor(() => expect(screen.getAllByTestId("palette-item")[0]).toHaveTextContent("New organisation"));
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("org-form")).toBeInTheDocument();
  });

  it("offers to export a found letter's signatories, opening the letter's export dialog", async () => {
    const backend = createFakeBackend();
    backend.search.mockImplementation(async () => [
      { kind: "letter", id: "letter-1", title: "Open letter supporting the CSA Regulation", subtitle: "open-letter-2022" },
    ]);
    const { user } = renderApp(backend);
    const { palette, input } = await openPalette(user);
    await user.type(input, "open letter");
    const option = await within(palette).findByText("Export signatories of Open letter supporting the CSA Regulation");
    await user.click(option);
    await waitFor(() => expect(backend.letterGet).toHaveBeenCalledWith("letter-1"));
    expect(await screen.findByTestId("letter-export-dialog")).toBeInTheDocument();
  });

  it("shows a failed search instead of swallowing it", async () => {
    const backend = createFakeBackend();
    backend.search.mockRejectedValue({ code: "storage", message: "storage error: disk I/O error", field: null });
    const { user } = renderApp(backend);
    const { input } = await openPalette(user);
    await user.type(input, "x");
    expect(await screen.findByTestId("palette-error")).toHaveTextContent("disk I/O error");
  });
});
