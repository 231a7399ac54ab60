import type { ItemState } from "@/lib/adjudication/adjudication-state";
import type { EventRow } from "@/lib/adjudication/event-rows";
import { itemTitle, versionText } from "@/lib/adjudication/item-text";
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
}: {
  item: ItemState;
  annotators: { id: string; name: string }[];
  rows: EventRow[];
  content: string;
  current: boolean;
  busy: boolean;
  onChoose: () => void;
  onAccept: (annotatorId: string) => void;
}) {
  const nameOf = (id: string | null) => annotators.find((annotator) => annotator.id === id)?.name ?? "an annotator";
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
                      <Button
                        size="compact"
                        disabled={busy}
                        onClick={(event) => {
                          event.stopPropagation();
                          onAccept(annotator.id);
                        }}
                      >
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
      <p className={styles.decision} data-testid="decision">
        {item.decision === null
          ? "Undecided"
          : item.decision.decision === "accepted"
            ? `Accepted ${nameOf(item.decision.annotatorId)}'s version (${item.decision.reviewerName})`
            : `Rejected${item.decision.reason ? `: ${item.decision.reason}` : ""} (${item.decision.reviewerName})`}
      </p>
    </li>
  );
}
