import type { ReactNode } from "react";

export type SegmentedTab<T extends string> = { id: T; label: string; icon?: ReactNode; testId: string };

/** A row of view switches in a page header (a tab list, keyboard-focusable buttons). */
export function SegmentedTabs<T extends string>({
  tabs,
  active,
  onSelect,
  label,
}: {
  tabs: Array<SegmentedTab<T>>;
  active: T;
  onSelect: (tab: T) => void;
  label: string;
}) {
  return (
    <div className="segmented" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={active === tab.id}
          className={`segmented-item ${active === tab.id ? "is-active" : ""}`}
          onClick={() => onSelect(tab.id)}
          data-testid={tab.testId}
        >
          {tab.icon}
          <span>{tab.label}</span>
        </button>
      ))}
    </div>
  );
}
