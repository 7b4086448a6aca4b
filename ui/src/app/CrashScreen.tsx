import { Component, type ErrorInfo, type ReactNode } from "react";
import i18n from "../i18n";

interface State {
  error: Error | null;
}

/**
 * The last line of defence: if rendering throws, show what happened (and how to get back)
 * instead of a blank window. Nothing is lost: every write is already committed by the core.
 */
export class CrashScreen extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Coalition Desk crashed while rendering", error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash-screen" role="alert" data-testid="crash-screen">
        <h1>{i18n.t("crash.title")}</h1>
        <p>{i18n.t("crash.body")}</p>
        <pre className="crash-detail" data-testid="crash-detail">{`${error.name}: ${error.message}\n${error.stack ?? ""}`}</pre>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {i18n.t("crash.reload")}
        </button>
      </div>
    );
  }
}
