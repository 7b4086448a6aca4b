import { useTranslation } from "react-i18next";
import type { Interaction } from "../../bindings/Interaction";
import type { Task } from "../../bindings/Task";
import { Button } from "../../components/Button";
import { formatDate } from "../../lib/dates";
import { TaskItem } from "./TaskItem";
import { HistoryPanel } from "../history/HistoryPanel";

/** Everything about one interaction: who, what came out of it, its follow-ups. */
export function InteractionDetail({
  interaction,
  onEdit,
  onDelete,
  onTaskChanged,
}: {
  interaction: Interaction;
  onEdit: () => void;
  onDelete: () => void;
  onTaskChanged: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const people = interaction.participants.filter((p) => p.person_id);
  const orgs = interaction.participants.filter((p) => p.organisation_id);
  return (
    <article className="detail eng-detail" data-testid="interaction-detail" aria-labelledby="interaction-detail-title">
      <header className="detail-header">
        <div className="detail-heading">
          <h2 className="detail-title" id="interaction-detail-title">
            {interaction.subject}
          </h2>
          <p className="detail-subtitle">
            <span className={`eng-kind eng-kind-${interaction.kind}`}>{t(`interactionKind.${interaction.kind}`)}</span>{" "}
            {formatDate(interaction.occurred_on)}
            {interaction.dossier_reference && <span className="cell-muted"> · {interaction.dossier_reference}</span>}
          </p>
        </div>
        <div className="detail-actions">
          <Button size="sm" onClick={onEdit} data-testid="interaction-edit">
            {t("engagement.edit")}
          </Button>
          <Button size="sm" variant="danger" onClick={onDelete} data-testid="interaction-delete">
            {t("engagement.delete")}
          </Button>
        </div>
      </header>
      <div className="detail-scroll">
        <section className="detail-section">
          <h3 className="section-title">{t("engagement.participants")}</h3>
          {people.length > 0 && <p data-testid="interaction-people">{people.map((p) => p.name).join(", ")}</p>}
          {orgs.length > 0 && <p data-testid="interaction-orgs">{orgs.map((p) => p.name).join(", ")}</p>}
        </section>
        <section className="detail-section">
          <h3 className="section-title">{t("engagement.outcome")}</h3>
          {interaction.outcome ? <p className="notes-text selectable">{interaction.outcome}</p> : <p className="cell-empty">{t("engagement.noOutcome")}</p>}
        </section>
        <section className="detail-section">
          <h3 className="section-title">{t("engagement.followUps")}</h3>
          {interaction.tasks.length === 0 ? (
            <p className="cell-empty">{t("engagement.noTasks")}</p>
          ) : (
            <ul className="eng-task-list">
              {interaction.tasks.map((task) => (
                <TaskItem key={task.id} task={task} onChanged={onTaskChanged} showInteraction={false} />
              ))}
            </ul>
          )}
        </section>
        <HistoryPanel entity="interaction" id={interaction.id} />
      </div>
    </article>
  );
}
