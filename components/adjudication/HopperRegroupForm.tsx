"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { ItemState } from "@/lib/adjudication/adjudication-state";
import type { EventRow } from "@/lib/adjudication/event-rows";
import { groupOf, mergeAll, moveToGroup, splitAll, type Grouping } from "@/lib/adjudication/hopper-grouping";
import { rowLabel } from "@/lib/adjudication/item-text";
import styles from "./Adjudication.module.css";

const OWN = "own";

/**
 * The reviewer's own grouping of a hopper cluster: each event's hopper chosen
 * in a list (arrow keys move it), merge and split at once, Enter applies,
 * Escape cancels. It starts from the grouping the gold holds, else the first
 * annotator's.
 */
export function HopperRegroupForm({
  item,
  rows,
  busy,
  onApply,
  onCancel,
}: {
  item: Extract<ItemState, { kind: "hoppers" }>;
  rows: EventRow[];
  busy: boolean;
  onApply: (groups: string[][]) => void;
  onCancel: () => void;
}) {
  const [grouping, setGrouping] = useState<Grouping>(() => item.versions[item.goldVersion ?? 0].value.groups);
  const hopperName = (position: number) => `Hopper ${position + 1}: ${grouping[position].map((key) => rowLabel(rows, key)).join(", ")}`;

  return (
    <form
      className={styles.regroup}
      aria-label="Regroup the hopper cluster"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(grouping.map((group) => [...group]));
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
        // A list does not submit its form on Enter as a text field does.
        if (event.key === "Enter" && event.target instanceof HTMLSelectElement) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <p className={styles.regroupHelp}>Put each event in a hopper (arrow keys in a list move it), then apply with Enter; Escape cancels.</p>
      <ul className={styles.regroupEvents}>
        {item.rowKeys.map((rowKey, position) => (
          <li key={rowKey}>
            <label htmlFor={`regroup-${position}`}>Hopper of {rowLabel(rows, rowKey)}</label>
            <select
              id={`regroup-${position}`}
              autoFocus={position === 0}
              value={String(groupOf(grouping, rowKey))}
              onChange={(event) => setGrouping(moveToGroup(grouping, rowKey, event.target.value === OWN ? OWN : Number(event.target.value)))}
            >
              {grouping.map((_, hopper) => (
                <option key={hopper} value={String(hopper)}>
                  {hopperName(hopper)}
                </option>
              ))}
              <option value={OWN}>A hopper of its own</option>
            </select>
          </li>
        ))}
      </ul>
      <div className={styles.regroupActions}>
        <Button type="submit" variant="primary" size="compact" disabled={busy}>
          Apply this grouping
        </Button>
        <Button size="compact" onClick={() => setGrouping(mergeAll(grouping))}>
          Merge all
        </Button>
        <Button size="compact" onClick={() => setGrouping(splitAll(grouping))}>
          Split all
        </Button>
        <Button size="compact" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
