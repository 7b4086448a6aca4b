import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { BackendProvider } from "../../api/context";
import { ToastProvider } from "../../components/Toasts";
import { createFakeBackend } from "../../test/fakeBackend";
import { ProfileSection } from "./ProfileSection";

describe("profile section", () => {
  it("shows the stored profile and saves a change", async () => {
    const backend = createFakeBackend();
    backend.profileGet.mockResolvedValue({ name: "Ana Lopes", initials: "AL" });
    backend.profileSet.mockImplementation(async (p) => p);
    const user = userEvent.setup();
    render(
      <BackendProvider backend={backend}>
        <ToastProvider>
          <ProfileSection />
        </ToastProvider>
      </BackendProvider>,
    );
    const name = await screen.findByLabelText("Your name");
    await waitFor(() => expect(name).toHaveValue("Ana Lopes"));
    expect(screen.getByLabelText("Your initials")).toHaveValue("AL");
    await user.clear(name);
    await user.type(name, "Ana María Lopes");
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(backend.profileSet).toHaveBeenCalledWith({ name: "Ana María Lopes", initials: "AL" }));
    expect(await screen.findByText("Changes are now recorded as Ana María Lopes.")).toBeInTheDocument();
  });
});
