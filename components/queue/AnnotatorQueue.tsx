import { PageLink } from "@/components/ui/PageLink";
import type { QueueItem, QueueState } from "@/lib/assignments/queue";
import { countNoun } from "@/lib/count-noun";
import styles from "./Queue.module.css";

const GROUPS: { state: QueueState; title: string }[] = [
  { state: "in-progress", title: "In progress" },
  { state: "new", title: "New" },
  { state: "submitted", title: "Submitted" },
];

/** The signed-in annotator's assigned documents by state, with the one to open next. */
export function AnnotatorQueue({ queue, next }: { queue: QueueItem[]; next: QueueItem | null }) {
  return (
    <section aria-labelledby="queue-title" className={styles.queue} data-testid="queue">
      <div className={styles.heading}>
        <h1 id="queue-title">Your documents</h1>
        {next ? (
          <PageLink href={`/documents/${next.documentId}/annotate`} className={styles.openNext} data-testid="open-next">
            Open next: {next.documentName}
          </PageLink>
        ) : (
          <span className={styles.empty}>All submitted: nothing left to annotate.</span>
        )}
      </div>
      {GROUPS.map(({ state, title }) => {
        const items = queue.filter((item) => item.state === state);
        return (
          <section key={state} className={styles.group} aria-label={title} data-queue-state={state}>
            <h2>
              {title} ({countNoun(items.length, "document")})
            </h2>
            {items.length === 0 ? (
              <p className={styles.empty}>None.</p>
            ) : (
              <ul className={styles.list}>
                {items.map((item) => (
                  <li key={item.documentId} data-document={item.documentName}>
                    <PageLink href={state === "submitted" ? `/documents/${item.documentId}` : `/documents/${item.documentId}/annotate`}>
                      {item.documentName}
                    </PageLink>{" "}
                    {item.title}
                    <span className={styles.project}>{item.projectName}</span>
                    {item.reopenNote && (
                      <p className={styles.note} data-testid="queue-reopen-note">
                        Reopened: {item.reopenNote}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}
