import { useMemo } from "react";
import type { ItemState } from "@/lib/adjudication/adjudication-state";
import type { EventRow } from "@/lib/adjudication/event-rows";
import { itemMarks, markedSegments } from "@/lib/adjudication/text-marks";
import styles from "./Adjudication.module.css";

/** The document's text with every disagreement marked; the current one stands out, and a click on a mark chooses its item. */
export function AdjudicationText({
  content,
  items,
  rows,
  currentId,
  onChoose,
}: {
  content: string;
  items: ItemState[];
  rows: EventRow[];
  currentId: string | null;
  onChoose: (itemId: string) => void;
}) {
  const segments = useMemo(() => markedSegments(content.length, itemMarks(items, rows)), [content, items, rows]);
  const undecided = useMemo(() => new Set(items.filter((item) => !item.decision).map((item) => item.id)), [items]);
  return (
    <div className={styles.text} data-testid="adjudication-text">
      {segments.map(({ start, end, itemIds }) => {
        const text = content.slice(start, end);
        if (!itemIds.length) return <span key={start}>{text}</span>;
        const classes = [
          styles.mark,
          itemIds.some((id) => undecided.has(id)) ? styles.undecidedMark : styles.decidedMark,
          currentId !== null && itemIds.includes(currentId) && styles.currentMark,
        ];
        return (
          <mark
            key={start}
            className={classes.filter(Boolean).join(" ")}
            onClick={() => onChoose(itemIds.includes(currentId ?? "") ? currentId! : itemIds[0])}
          >
            {text}
          </mark>
        );
      })}
    </div>
  );
}
