import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend, makeRows } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

async function openNewForm() {
  const ctx = renderApp(ctxBackend ?? createFakeBackend(makeRows(3)));
  await screen.findAllByTestId("org-row");
  await ctx.user.click(screen.getByTestId("org-new"));
  await screen.findByRole("dialog", { name: "New organisation" });
  return ctx;
}
/** Queries scoped to the open dialog (the filter bar behind it has labels too). */
const dialog = () => within(screen.getByRole("dialog"));
let ctxBackend: ReturnType<typeof createFakeBackend> | null = null;

describe("organisation form", () => {
  it("has the documented ids and names", async () => {
    ctxBackend = null;
    await openNewForm();
    for (const id of [
      "org-name",
      "org-short-name",
      "org-type",
      "org-country",
      "org-website",
      "org-email",
      "org-phone",
      "org-notes",
      "org-membership-status",
      "org-tier",
      "org-joined",
    ]) {
      const el = document.getElementById(id);
      expect(el, id).not.toBeNull();
      expect(el).toHaveAttribute("name", id);
    }
  });

  it("shows the backend's field error inline under that field and focuses it", async () => {
    ctxBackend = createFakeBackend(makeRows(3));
    ctxBackend.orgCreate.mockRejectedValue({
      code: "conflict",
      message: 'name already used by "Terre des Hommes"',
      field: "name",
    });
    const { user } = await openNewForm();

    await user.type(dialog().getByLabelText("Name"), "Terre des Hommes");
    await user.type(dialog().getByLabelText("Country"), "NL");
    await user.click(screen.getByTestId("org-form-submit"));

    const error = await screen.findByTestId("field-error-name");
    expect(error).toHaveTextContent('name already used by "Terre des Hommes"');
    expect(error).toHaveAttribute("role", "alert");
    const input = dialog().getByLabelText("Name");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAttribute("aria-describedby", error.id);
    // The error sits in the name field's block, right under its input.
    expect(input.closest(".field")).toContainElement(error);
    await waitFor(() => expect(input).toHaveFocus());
    // The dialog stays open.
    expect(screen.getByRole("dialog", { name: "New organisation" })).toBeInTheDocument();
  });

  it("puts an error on another field under that field", async () => {
    ctxBackend = createFakeBackend(makeRows(3));
    ctxBackend.orgCreate.mockRejectedValue({ code: "validation", message: 'unknown country "Narnia"', field: "country" });
    const { user } = await openNewForm();
    await user.type(dialog().getByLabelText("Name"), "Lion Trust");
    await user.type(dialog().getByLabelText("Country"), "Narnia");
    await user.click(screen.getByTestId("org-form-submit"));
    expect(await screen.findByTestId("field-error-country")).toHaveTextContent('unknown country "Narnia"');
    await waitFor(() => expect(dialog().getByLabelText("Country")).toHaveFocus());
    expect(screen.queryByTestId("field-error-name")).not.toBeInTheDocument();
  });

  it("shows an error without a field in the dialog's banner", async () => {
    ctxBackend = createFakeBackend(makeRows(3));
    ctxBackend.orgCreate.mockRejectedValue({ code: "storage", message: "disk full", field: null });
    const { user } = await openNewForm();
    await user.type(dialog().getByLabelText("Name"), "X");
    await user.type(dialog().getByLabelText("Country"), "BE");
    await user.click(screen.getByTestId("org-form-submit"));
    expect(await screen.findByTestId("org-form-error")).toHaveTextContent("disk full");
  });

  it("wraps a plain string rejection as an internal error", async () => {
    ctxBackend = createFakeBackend(makeRows(3));
    ctxBackend.orgCreate.mockRejectedValue("command org_create not found");
    const { user } = await openNewForm();
    await user.type(dialog().getByLabelText("Name"), "X");
    await user.type(dialog().getByLabelText("Country"), "BE");
    await user.click(screen.getByTestId("org-form-submit"));
    const banner = await screen.findByTestId("org-form-error");
    expect(banner).toHaveTextContent("command org_create not found");
    expect(banner).toHaveTextContent("internal");
  });

  it("creates with an optional membership, closes, refreshes and opens the new organisation", async () => {
    ctxBackend = createFakeBackend(makeRows(3));
    const { user } = await openNewForm();
    const listCalls = ctxBackend.orgsList.mock.calls.length;

    await user.type(dialog().getByLabelText("Name"), "Missing Children Europe");
    await user.type(dialog().getByLabelText(/Short name/), "MCE");
    await user.selectOptions(dialog().getByLabelText("Type"), "network");
    await user.type(dialog().getByLabelText("Country"), "Belgium");
    await user.type(dialog().getByLabelText(/Email/), "info@example.org");
    await user.selectOptions(document.getElementById("org-membership-status")!, "active");
    await user.selectOptions(document.getElementById("org-tier")!, "associate");
    await user.type(document.getElementById("org-joined")!, "2022-04-01");
    await user.click(screen.getByTestId("org-form-submit"));

    await waitFor(() => expect(ctxBackend!.orgCreate).toHaveBeenCalledTimes(1));
    expect(ctxBackend.orgCreate.mock.calls[0]![0]).toEqual({
      organisation: {
        name: "Missing Children Europe",
        short_name: "MCE",
        org_type: "network",
        country: "Belgium",
        website: null,
        email: "info@example.org",
        phone: null,
        notes: null,
      },
      membership: { status: "active", tier: "associate", joined_on: "2022-04-01" },
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByTestId("org-detail")).toHaveTextContent("Missing Children Europe");
    await waitFor(() => expect(ctxBackend!.orgsList.mock.calls.length).toBeGreaterThan(listCalls));
  });

  it("leaves required fields to the core and sends no membership when none is chosen", async () => {
    ctxBackend = createFakeBackend(makeRows(3));
    ctxBackend.orgCreate.mockRejectedValueOnce({ code: "validation", message: "name is required", field: "name" });
    const { user } = await openNewForm();
    await user.click(screen.getByTestId("org-form-submit"));
    expect(await screen.findByTestId("field-error-name")).toHaveTextContent("name is required");
    expect(ctxBackend.orgCreate).toHaveBeenCalledTimes(1);
    expect(ctxBackend.orgCreate.mock.calls[0]![0].organisation.name).toBe("");

    await user.type(dialog().getByLabelText("Name"), "Thorn");
    await user.type(dialog().getByLabelText("Country"), "US");
    await user.click(screen.getByTestId("org-form-submit"));
    await waitFor(() => expect(ctxBackend!.orgCreate).toHaveBeenCalledTimes(2));
    expect(ctxBackend.orgCreate.mock.calls[1]![0].membership).toBeNull();
  });

  it("edits an organisation with org_update", async () => {
    ctxBackend = createFakeBackend(makeRows(3));
    const { user } = renderApp(ctxBackend);
    const rows = await screen.findAllByTestId("org-row");
    await user.click(rows[2]!);
    const detail = await screen.findByTestId("org-detail");
    await waitFor(() => expect(detail).toHaveTextContent("Organisation 00002"));
    await user.click(screen.getByTestId("org-edit"));
    const name = await dialog().findByLabelText("Name");
    expect(name).toHaveValue("Organisation 00002");
    expect(dialog().getByLabelText("Country")).toHaveValue("France");
    expect(document.getElementById("org-membership-status")).toBeNull();
    await user.clear(name);
    await user.type(name, "Renamed");
    await user.click(screen.getByTestId("org-form-submit"));
    await waitFor(() => expect(ctxBackend!.orgUpdate).toHaveBeenCalledTimes(1));
    const [id, input] = ctxBackend.orgUpdate.mock.calls[0]!;
    expect(id).toBe("org-2");
    expect(input).toMatchObject({ name: "Renamed", country: "France", org_type: "hotline" });
  });
});
