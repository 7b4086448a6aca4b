import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../bindings/ApiError";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import { ErrorBanner } from "../../components/ErrorBanner";
import { SegmentedTabs } from "../../components/SegmentedTabs";
import { InteractionLog } from "./InteractionLog";
import { useOpenRequest, type OpenRequest } from "../../app/navigation";
import { TaskList } from "./TaskList";
import { announceTasksChanged } from "./useOverdueCount";

type Tab = "log" | "tasks";

/** The engagement log and the task list, with the overdue count on the Tasks tab. */
export function EngagementPage() {
  const { t } = useTranslation();
  const backend = useBackend();
  const [tab, setTab] = useState<Tab>("log");
  const [overdue, setOverdue] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState(0);
  // Opened from the command palette: show an interaction, or log a new one.
  const [request, setRequest] = useState<OpenRequest | null>(null);
  useOpenRequest("engagement", (r) => {
    setTab("log");
    setRequest(r);
  });

  useEffect(() => {
    let live = true;
    backend.tasksOverdueCount().then(
      (n) => {
        if (!live) return;
        setOverdue(n);
        setError(null);
      },
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [backend, token]);

  const changed = useCallback(() => {
    setToken((n) => n + 1);
    announceTasksChanged();
  }, []);
  const tasksLabel = overdue ? t("engagement.tasksTabOverdue", { count: overdue }) : t("engagement.tasksTab");
  return (
    <div className="page" data-testid="interactions-page">
      <header className="page-header">
        <div className="page-title-group">
          <h1 className="page-title">{t("engagement.title")}</h1>
          {overdue !== null && overdue > 0 && (
            <span className="eng-badge" data-testid="overdue-badge" aria-live="polite">
              {t("engagement.overdueBadge", { count: overdue })}
            </span>
          )}
        </div>
        <SegmentedTabs<Tab>
          label={t("engagement.title")}
          active={tab}
          onSelect={setTab}
          tabs={[
            { id: "log", label: t("engagement.logTab"), testId: "engagement-tab-log" },
            { id: "tasks", label: tasksLabel, testId: "engagement-tab-tasks" },
          ]}
        />
      </header>
      {error && <ErrorBanner error={error} onRetry={changed} testId="overdue-error" />}
      {tab === "log" ? <InteractionLog onChanged={changed} request={request} /> : <TaskList onChanged={changed} />}
    </div>
  );
}
