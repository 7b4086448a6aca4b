import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../app/App";
import { createFakeBackend, createFakeFiles, type FakeBackend, type FakeFiles } from "./fakeBackend";

/** Renders the whole app against a fake backend. */
export function renderApp(backend: FakeBackend = createFakeBackend(), files: FakeFiles = createFakeFiles()) {
  const user = userEvent.setup();
  const utils = render(<App backend={backend} files={files} />);
  return { ...utils, user, backend, files };
}

/** The last query the list asked the backend for. */
export function lastListQuery(backend: FakeBackend) {
  const calls = backend.orgsList.mock.calls;
  const last = calls[calls.length - 1];
  if (!last) throw new Error("orgsList was never called");
  return last[0];
}
