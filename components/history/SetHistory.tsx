import { PageLink } from "@/components/ui/PageLink";
import type { HistoryPage } from "@/lib/annotation-sets/set-history";
import styles from "./SetHistory.module.css";

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** A set's changes, newest first, each a link to the set as that change left it; version 0 is where the set began. */
export function SetHistory({
  page,
  href,
  shownVersion,
}: {
  page: HistoryPage;
  href: (query: { version?: number; before?: number }) => string;
  shownVersion: number;
}) {
  return (
    <section className={styles.history} aria-labelledby="history-heading">
      <h2 id="history-heading" className={styles.heading}>
        Changes
      </h2>
      {page.entries.length === 0 && <p className={styles.empty}>No change has been saved to this set yet.</p>}
      <ol className={styles.entries} data-testid="history-entries">
        {page.entries.map((entry) => (
          <li key={entry.version} data-version={entry.version}>
            <PageLink href={href({ version: entry.version })} aria-current={entry.version === shownVersion ? "true" : undefined}>
              <span className={styles.version}>v{entry.version}</span>
              <span className={styles.what}>{entry.description}</span>
              <span className={styles.who}>
                {entry.author ?? "imported"} · <time dateTime={entry.at.toISOString()}>{WHEN.format(entry.at)} UTC</time>
              </span>
            </PageLink>
          </li>
        ))}
        {page.olderBefore === null && (
          <li data-version={0}>
            <PageLink href={href({ version: 0 })} aria-current={shownVersion === 0 ? "true" : undefined}>
              <span className={styles.version}>v0</span>
              <span className={styles.what}>The set as it began</span>
            </PageLink>
          </li>
        )}
      </ol>
      {page.olderBefore !== null && (
        <PageLink className={styles.more} href={href({ before: page.olderBefore })}>
          Older changes
        </PageLink>
      )}
    </section>
  );
}
