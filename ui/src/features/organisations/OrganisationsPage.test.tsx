import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, createFakeFiles, makeRow, makeRows } from "../../test/fakeBackend";
import { lastListQuery, renderApp } from "../../test/render";

describe("organisations list", () => {
  it("renders the rows and the total count from the backend page", async () => {
    const backend = createFakeBackend([
      makeRow(1, { name: "Terre des Hommes", short_name: "TdH", country: "NL" }),
      makeRow(2, { name: "Child Focus", country: "BE", membership_status: "active" }),
      makeRow(3, { name: "Eurochild", country: "BE" }),
    ]);
    backend.orgsList.mockImplementation(async (q) => ({
      rows: [
        makeRow(1, { name: "Terre des Hommes", short_name: "TdH", country: "NL" }),
        makeRow(2, { name: "Child Focus", country: "BE", membership_status: "active" }),
        makeRow(3, { name: "Eurochild", country: "BE" }),
      ].slice(q.offset, q.offset + q.limit),
      total: 1234,
      offset: q.offset,
    }));
    renderApp(backend);

    expect(await screen.findByTestId("org-count")).toHaveTextContent("1,234 organisations");
    const rows = await screen.findAllByTestId("org-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("Terre des Hommes");
    expect(rows[0]).toHaveTextContent("TdH");
    expect(rows[0]).toHaveAttribute("role", "row");
    // Country shows code and English name from countries_list.
    await waitFor(() => expect(rows[0]).toHaveTextContent("Netherlands"));
    expect(within(rows[1]!).getByText("Active")).toBeInTheDocument();

    const first = backend.orgsList.mock.calls[0]![0];
    expect(first).toMatchObject({ offset: 0, limit: 100, sort: "name", direction: "asc", include_archived: false, text: null });
  });

  it("fetches pages by offset for a large list, never one request per row", async () => {
    const backend = createFakeBackend(makeRows(10_000));
    renderApp(backend);
    expect(await screen.findByTestId("org-count")).toHaveTextContent("10,000 organisations");
    await screen.findAllByTestId("org-row");
    const rendered = screen.getAllByTestId("org-row").length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100); // virtualised: only the visible window is in the DOM

    const scroller = screen.getByTestId("org-scroll");
    await act(async () => {
      scroller.scrollTop = 38 * 5_000;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(screen.getAllByTestId("org-row")[0]).toHaveAttribute("data-index"));
    await waitFor(() =>
      expect(backend.orgsList.mock.calls.some(([q]) => q.offset === 4_900 || q.offset === 5_000)).toBe(true),
    );
    const offsets = backend.orgsList.mock.calls.map(([q]) => q.offset);
    for (const offset of offsets) expect(offset % 100).toBe(0);
    expect(new Set(offsets).size).toBe(offsets.length); // each page once
    expect(offsets.length).toBeLessThan(6);
  });

  it("asks the backend to sort when a column header is clicked", async () => {
    const { user, backend } = renderApp();
    await screen.findAllByTestId("org-row");

    await user.click(screen.getByTestId("sort-country"));
    await waitFor(() => expect(lastListQuery(backend)).toMatchObject({ sort: "country", direction: "asc", offset: 0 }));

    await user.click(screen.getByTestId("sort-country"));
    await waitFor(() => expect(lastListQuery(backend)).toMatchObject({ sort: "country", direction: "desc" }));

    await user.click(screen.getByTestId("sort-joined_on"));
    await waitFor(() => expect(lastListQuery(backend)).toMatchObject({ sort: "joined_on", direction: "asc" }));
    expect(screen.getByTestId("sort-joined_on").closest("[role=columnheader]")).toHaveAttribute("aria-sort", "ascending");
  });

  it("sends the quick filter text to the backend (debounced)", async () => {
    const { user, backend } = renderApp();
    await screen.findAllByTestId("org-row");
    const callsBefore = backend.orgsList.mock.calls.length;

    await user.type(screen.getByTestId("org-quick-filter"), "terre");
    await waitFor(() => expect(lastListQuery(backend).text).toBe("terre"));
    // Debounced: not one request per keystroke.
    const textQueries = backend.orgsList.mock.calls.slice(callsBefore).map(([q]) => q.text);
    expect(textQueries.length).toBeLessThan(5);
    expect(textQueries).toContain("terre");
  });

  it("sends multi-select filters, the archived toggle, and clears them", async () => {
    const { user, backend } = renderApp();
    await screen.findAllByTestId("org-row");

    await user.click(screen.getByTestId("filter-status"));
    await user.click(await screen.findByRole("checkbox", { name: "Active" }));
    await user.click(screen.getByRole("checkbox", { name: "Suspended" }));
    await waitFor(() => expect(lastListQuery(backend).statuses).toEqual(["active", "suspended"]));
    await user.keyboard("{Escape}");

    await user.click(screen.getByTestId("filter-archived"));
    await waitFor(() => expect(lastListQuery(backend).include_archived).toBe(true));

    await user.click(screen.getByTestId("filters-clear"));
    await waitFor(() => expect(lastListQuery(backend)).toMatchObject({ statuses: [], include_archived: false, text: null }));
  });

  it("shows a list error instead of swallowing it", async () => {
    const backend = createFakeBackend();
    backend.orgsList.mockRejectedValue({ code: "storage", message: "database is locked", field: null });
    renderApp(backend);
    const banner = await screen.findByTestId("list-error");
    expect(banner).toHaveTextContent("database is locked");
    expect(banner).toHaveTextContent("storage");
  });

  it("shows the store path in the status bar", async () => {
    renderApp();
    expect(await screen.findByTestId("store-path")).toHaveTextContent("/home/coordinator/.local/share/coalition-desk/store.db");
  });
});

describe("keyboard", () => {
  it("opens the New organisation form with Ctrl+N (and Cmd+N)", async () => {
    const { user } = renderApp();
    await screen.findAllByTestId("org-row");

    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByRole("dialog", { name: "New organisation" })).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await user.keyboard("{Meta>}n{/Meta}");
    expect(await screen.findByRole("dialog", { name: "New organisation" })).toBeInTheDocument();
  });

  it("moves the selection with the arrows, opens with Enter and closes with Esc", async () => {
    const { user, backend } = renderApp(createFakeBackend(makeRows(5)));
    await screen.findAllByTestId("org-row");

    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getAllByTestId("org-row")[0]).toHaveAttribute("aria-selected", "true"));
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}");
    await waitFor(() => expect(screen.getAllByTestId("org-row")[1]).toHaveAttribute("aria-selected", "true"));
    expect(screen.queryByTestId("org-detail")).not.toBeInTheDocument();

    await user.keyboard("{Enter}");
    const detail = await screen.findByTestId("org-detail");
    await waitFor(() => expect(detail).toHaveTextContent("Organisation 00001"));
    expect(backend.orgGet).toHaveBeenCalledWith("org-1");

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("org-detail")).not.toBeInTheDocument());
  });

  it("focuses the quick filter with /", async () => {
    const { user } = renderApp();
    await screen.findAllByTestId("org-row");
    await user.keyboard("/");
    expect(screen.getByTestId("org-quick-filter")).toHaveFocus();
  });
});

describe("empty store", () => {
  it("offers demo data, and loads it", async () => {
    const backend = createFakeBackend([]);
    const { user } = renderApp(backend);
    const demo = await screen.findByTestId("demo-load");
    expect(screen.getByTestId("empty-import")).toBeInTheDocument();
    expect(screen.getByTestId("empty-new")).toBeInTheDocument();

    const before = backend.orgsList.mock.calls.length;
    backend.orgsList.mockImplementation(async (q) => ({ rows: makeRows(20).slice(q.offset, q.offset + q.limit), total: 20, offset: q.offset }));
    await user.click(demo);
    expect(backend.demoLoad).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(backend.orgsList.mock.calls.length).toBeGreaterThan(before));
    expect(await screen.findByTestId("org-count")).toHaveTextContent("20 organisations");
    expect(await screen.findByText("Loaded 20 demo organisations")).toBeInTheDocument();
  });

  it("shows a no-match state, not the demo offer, when filters hide everything", async () => {
    const backend = createFakeBackend(makeRows(3));
    const { user } = renderApp(backend);
    await screen.findAllByTestId("org-row");
    backend.orgsList.mockResolvedValue({ rows: [], total: 0, offset: 0 });
    await user.type(screen.getByTestId("org-quick-filter"), "zzz");
    expect(await screen.findByTestId("empty-filtered")).toBeInTheDocument();
    expect(screen.queryByTestId("demo-load")).not.toBeInTheDocument();
  });
});

describe("export", () => {
  it("exports the current query to the chosen path and says so", async () => {
    const backend = createFakeBackend(makeRows(3));
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/tmp/orgs.csv");
    backend.orgsExportCsv.mockResolvedValue(3);
    const { user } = renderApp(backend, files);
    await screen.findAllByTestId("org-row");

    await user.click(screen.getByTestId("sort-tier"));
    await waitFor(() => expect(lastListQuery(backend).sort).toBe("tier"));
    await user.click(screen.getByTestId("org-export"));

    await waitFor(() => expect(backend.orgsExportCsv).toHaveBeenCalledTimes(1));
    expect(files.pickSaveFile.mock.calls[0]![0]).toMatch(/^organisations-\d{4}-\d{2}-\d{2}\.csv$/);
    const [query, path] = backend.orgsExportCsv.mock.calls[0]!;
    expect(path).toBe("/tmp/orgs.csv");
    expect(query).toMatchObject({ sort: "tier", direction: "asc" });
    expect(await screen.findByText("Exported 3 organisations to /tmp/orgs.csv")).toBeInTheDocument();
  });

  it("does nothing when the save dialog is cancelled", async () => {
    const backend = createFakeBackend();
    const { user, files } = renderApp(backend);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-export"));
    await waitFor(() => expect(files.pickSaveFile).toHaveBeenCalled());
    expect(backend.orgsExportCsv).not.toHaveBeenCalled();
  });

  it("shows an export failure", async () => {
    const backend = createFakeBackend();
    const files = createFakeFiles();
    files.pickSaveFile.mockResolvedValue("/root/x.csv");
    backend.orgsExportCsv.mockRejectedValue({ code: "io", message: "permission denied: /root/x.csv", field: null });
    const { user } = renderApp(backend, files);
    await screen.findAllByTestId("org-row");
    await user.click(screen.getByTestId("org-export"));
    expect(await screen.findByText(/permission denied: \/root\/x\.csv/)).toBeInTheDocument();
  });
});
