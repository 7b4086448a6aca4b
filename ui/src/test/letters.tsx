import { screen, within } from "@testing-library/react";
import { createFakeBackend, createFakeFiles, type FakeBackend, type FakeFiles } from "./fakeBackend";
import { renderApp } from "./render";

/** Renders the app and goes to the Letters page. */
export async function openLettersPage(backend: FakeBackend = createFakeBackend(), files: FakeFiles = createFakeFiles()) {
  const ctx = renderApp(backend, files);
  await ctx.user.click(await screen.findByTestId("nav-letters"));
  await screen.findAllByTestId("letter-row");
  return ctx;
}

/** Opens the first letter (open-letter-2022, with three signatures in the fake backend). */
export async function openFirstLetter(backend: FakeBackend = createFakeBackend(), files: FakeFiles = createFakeFiles()) {
  const ctx = await openLettersPage(backend, files);
  const row = screen.getAllByTestId("letter-row").find((r) => r.getAttribute("data-id") === "letter-1");
  if (!row) throw new Error("letter-1 is not listed");
  await ctx.user.click(row);
  const detail = await screen.findByTestId("letter-detail");
  await within(detail).findAllByTestId("signature-row");
  return { ...ctx, detail };
}

/** Queries scoped to the open dialog. */
export const dialog = () => within(screen.getByRole("dialog"));
