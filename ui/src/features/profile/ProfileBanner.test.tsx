import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/render";

afterEach(() => sessionStorage.clear());

describe("first-run profile banner", () => {
  it("asks who the coordinator is without blocking the page, and saves name and initials", async () => {
    const backend = createFakeBackend();
    backend.profileSet.mockImplementation(async (p) => p);
    const { user } = renderApp(backend);
    const banner = await screen.findByTestId("profile-banner");
    expect(banner).toHaveTextContent("Tell us who you are, so history shows who changed what");
    // not a modal: the page under it works and keeps the focus
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(banner).not.toContainElement(document.activeElement as HTMLElement);
    expect(await screen.findAllByTestId("org-row")).not.toHaveLength(0);

    await user.type(within(banner).getByLabelText("Your name"), "  Ana Lopes ");
    await user.type(within(banner).getByLabelText("Your initials"), "AL{Enter}");
    await waitFor(() => expect(backend.profileSet).toHaveBeenCalledWith({ name: "Ana Lopes", initials: "AL" }));
    await waitFor(() => expect(screen.queryByTestId("profile-banner")).not.toBeInTheDocument());
    expect(await screen.findByText("Changes are now recorded as Ana Lopes.")).toBeInTheDocument();
  });

  it("shows the core's field error next to its field", async () => {
    const backend = createFakeBackend();
    backend.profileSet.mockRejectedValueOnce({ code: "validation", message: "initials are longer than 6 characters", field: "initials" });
    const { user } = renderApp(backend);
    const banner = await screen.findByTestId("profile-banner");
    await user.type(within(banner).getByLabelText("Your name"), "Ana");
    await user.click(within(banner).getByRole("button", { name: "Save profile" }));
    expect(await within(banner).findByText("initials are longer than 6 characters")).toBeInTheDocument();
    expect(within(banner).getByLabelText("Your initials")).toHaveAttribute("aria-invalid", "true");
  });

  it("can be dismissed for the session, and is not shown once a profile exists", async () => {
    const { user, unmount } = renderApp();
    await user.click(await screen.findByTestId("profile-banner-dismiss"));
    expect(screen.queryByTestId("profile-banner")).not.toBeInTheDocument();
    unmount();
    const again = renderApp();
    await screen.findAllByTestId("org-row");
    expect(screen.queryByTestId("profile-banner")).not.toBeInTheDocument();
    sessionStorage.clear();
    again.unmount();

    const named = createFakeBackend();
    named.profileGet.mockResolvedValue({ name: "Ana Lopes", initials: "AL" });
    renderApp(named);
    await screen.findAllByTestId("org-row");
    await waitFor(() => expect(named.profileGet).toHaveBeenCalled());
    expect(screen.queryByTestId("profile-banner")).not.toBeInTheDocument();
  });
});
