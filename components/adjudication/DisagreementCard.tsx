import type { ReactNode } from "react";
import type { AdjudicationDecision, ItemState } from "@/lib/adjudication/adjudication-state";
import type { EventRow } from "@/lib/adjudication/event-rows";
import { itemTitle, valueText, versionText } from "@/lib/adjudication/item-text";
import { Button } from "@/components/ui/Button";
import styles from "./Adjudication.module.css";

/** One disagreement: what each annotator proposes, side by side, which one the gold holds, and the decision taken. */
export function DisagreementCard({
  item,
  annotators,
  rows,
  content,
  current,
  busy,
  onChoose,
  onAccept,
  onUndo,
  onRegroup,
  regroupForm,
}: {
  item: ItemState;
  annotators: { id: string; name: string }[];
  rows: EventRow[];
  content: string;
  current: boolean;
  busy: boolean;
  onChoose: () => void;
  onAccept: (annotatorId: string) => void;
  onUndo: () => void;
  /** Opens the regrouping form; null for items that are no hopper cluster. */
  onRegroup: (() => void) | null;
  /** The regrouping form, while it is open on this item. */
  regroupForm: ReactNode;
}) {
  const nameOf = (id: string | null) => annotators.find((annotator) => annotator.id === id)?.name ?? "an annotator";
  const stop = (action: () => void) => (event: React.MouseEvent) => {
    event.stopPropagation();
    action();
  };
  return (
    <li
      className={`${styles.card} ${current ? styles.currentCard : ""}`}
      aria-current={current || undefined}
      data-testid="disagreement"
      data-item-id={item.id}
      data-decided={item.decision ? "yes" : "no"}
      onClick={onChoose}
    >
      <h3 className={styles.cardTitle}>{itemTitle(item, rows, content)}</h3>
      <table className={styles.versions}>
        <thead>
          <tr>
            {annotators.map((annotator, i) => (
              <th key={annotator.id} scope="col">
                {i + 1} · {annotator.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {annotators.map((annotator) => {
              const position = item.versions.findIndex((version) => version.annotatorIds.includes(annotator.id));
              const inGold = position !== -1 && position === item.goldVersion;
              return (
                <td key={annotator.id} className={inGold ? styles.inGold : undefined} data-testid="version">
                  {position === -1 ? (
                    <span className={styles.none}>none</span>
                  ) : (
                    <>
                      <span>{versionText(item, position, rows)}</span>
                      {inGold && <span className={styles.goldTag}> in gold</span>}
                      <Button size="compact" disabled={busy} onClick={stop(() => onAccept(annotator.id))}>
                        Accept
                      </Button>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      {item.goldVersion === null && item.goldValue !== null && (
        <p className={styles.decision} data-testid="gold-value">
          The gold holds: {valueText(item, item.goldValue, rows)}
        </p>
      )}
      <p className={styles.decision} data-testid="decision">
        {decisionText(item.decision, nameOf)}
        {item.decision && (
          <Button size="compact" disabled={busy} onClick={stop(onUndo)}>
            Undo
          </Button>
        )}
        {onRegroup && !regroupForm && (
          <Button size="compact" disabled={busy} onClick={stop(onRegroup)}>
            Regroup…
          </Button>
        )}
      </p>
      {regroupForm}
    </li>
  );
}

function decisionText(decision: AdjudicationDecision | null, nameOf: (id: string | null) => string): string {
  if (!decision) return "Undecided";
  switch (decision.decision) {
    case "accepted":
      return `Accepted ${nameOf(decision.annotatorId)}'s version (${decision.reviewerName})`;
    case "rejected":
      return `Rejected${decision.reason ? `: ${decision.reason}` : ""} (${decision.reviewerName})`;
    case "regrouped":
      return `Regrouped by the reviewer (${decision.reviewerName})`;
  }
}
