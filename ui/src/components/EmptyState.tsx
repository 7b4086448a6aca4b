import type { ReactNode } from "react";

export function EmptyState({
  icon,
  title,
  body,
  actions,
  testId,
}: {
  icon?: ReactNode;
  title: ReactNode;
  body?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="empty-state" data-testid={testId}>
      {icon && <div className="empty-icon">{icon}</div>}
      <h2 className="empty-title">{title}</h2>
      {body && <p className="empty-body">{body}</p>}
      {actions && <div className="empty-actions">{actions}</div>}
    </div>
  );
}
