import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { memo, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { BoardCard } from "../../bindings/BoardCard";
import type { StanceLevel } from "../../bindings/StanceLevel";
import { STANCE_LEVELS } from "./enums";

/** What a card asks for: a move to a level (evidence needed), "Move to…", or its history. */
export interface CardActions {
  onMove: (card: BoardCard, level: StanceLevel) => void;
  onMoveMenu: (card: BoardCard) => void;
  onOpen: (card: BoardCard) => void;
}

/** The level a key press on a focused card moves it to: 1–6 pick a column, ←/→ the next one. */
export function levelForKey(key: string, from: StanceLevel): StanceLevel | null {
  if (/^[1-6]$/.test(key)) return STANCE_LEVELS[Number(key) - 1] ?? null;
  const index = STANCE_LEVELS.indexOf(from);
  if (key === "ArrowRight") return STANCE_LEVELS[index + 1] ?? null;
  if (key === "ArrowLeft") return index > 0 ? (STANCE_LEVELS[index - 1] ?? null) : null;
  return null;
}

const Card = memo(function Card({ card, actions }: { card: BoardCard; actions: CardActions }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.person_id, data: { card } });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const level = levelForKey(event.key, card.level);
    if (level) {
      event.preventDefault();
      if (level !== card.level) actions.onMove(card, level);
      return;
    }
    if (event.key === "m" || event.key === "M") {
      event.preventDefault();
      actions.onMoveMenu(card);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      actions.onOpen(card);
    }
  };
  const meta = [card.group_code, card.country].filter(Boolean).join(" · ");
  return (
    <div
      ref={setNodeRef}
      style={style}
      {...attributes}
      {...listeners}
      role="button"
      tabIndex={0}
      aria-roledescription={t("stances.board.cardRole")}
      aria-label={t("stances.board.cardLabel", { name: card.display_name, level: t(`stanceLevel.${card.level}`) })}
      className={`stance-card ${isDragging ? "is-dragging" : ""}`}
      data-testid="stance-card"
      data-person-id={card.person_id}
      data-level={card.level}
      onKeyDown={onKeyDown}
      onClick={() => actions.onOpen(card)}
    >
      <div className="stance-card-top">
        <span className="stance-card-name">{card.display_name}</span>
        <button
          type="button"
          className="icon-btn stance-card-move"
          tabIndex={-1}
          title={t("stances.board.moveTo")}
          aria-label={t("stances.board.moveTo")}
          data-testid="stance-card-move"
          onPointerDown={(e) => e.stopPropagation()}
          onClick={(e) => {
            e.stopPropagation();
            actions.onMoveMenu(card);
          }}
        >
          ⇄
        </button>
      </div>
      <div className="stance-card-meta">
        {meta && <span>{meta}</span>}
        {card.roles.map((role) => (
          <span key={role} className={`stance-role stance-role-${role}`}>
            {t(`dossierRole.${role}`)}
          </span>
        ))}
      </div>
      {card.committees.length > 0 && <div className="stance-card-committees">{card.committees.join(" ")}</div>}
    </div>
  );
});

function Column({ level, cards, actions }: { level: StanceLevel; cards: BoardCard[]; actions: CardActions }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: level });
  return (
    <section
      ref={setNodeRef}
      className={`stance-column stance-column-${level} ${isOver ? "is-over" : ""}`}
      data-testid={`stance-column-${level}`}
      aria-label={t("stances.board.columnLabel", { level: t(`stanceLevel.${level}`), count: cards.length })}
    >
      <header className="stance-column-header">
        <span className="pill-dot" aria-hidden="true" />
        <span>{t(`stanceLevel.${level}`)}</span>
        <span className="stance-column-count" data-testid={`stance-count-${level}`}>
          {cards.length}
        </span>
      </header>
      <div className="stance-column-cards">
        {cards.map((card) => (
          <Card key={card.person_id} card={card} actions={actions} />
        ))}
      </div>
    </section>
  );
}

/** Columns by level; dragging a card onto another column asks for the evidence. */
export function StanceBoardView({ cards, actions }: { cards: BoardCard[]; actions: CardActions }) {
  const { t } = useTranslation();
  // A small distance keeps clicks as clicks.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const byLevel = new Map<StanceLevel, BoardCard[]>(STANCE_LEVELS.map((l) => [l, []]));
  for (const card of cards) byLevel.get(card.level)?.push(card);
  const onDragEnd = (event: DragEndEvent) => {
    const card = event.active.data.current?.card as BoardCard | undefined;
    const level = event.over?.id as StanceLevel | undefined;
    if (card && level && level !== card.level) actions.onMove(card, level);
  };
  return (
    <DndContext
      sensors={sensors}
      onDragEnd={onDragEnd}
      // Cards move with their own keys (no keyboard sensor): say so to screen readers.
      accessibility={{ screenReaderInstructions: { draggable: t("stances.keys") } }}
    >
      <div className="stance-board" data-testid="stance-board">
        {STANCE_LEVELS.map((level) => (
          <Column key={level} level={level} cards={byLevel.get(level) ?? []} actions={actions} />
        ))}
      </div>
    </DndContext>
  );
}
