import { PageLink } from "@/components/ui/PageLink";
import type { ListedThread, ThreadFilter } from "@/lib/comments/comment-store";
import styles from "./ThreadList.module.css";

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const THREAD_FILTERS: { filter: ThreadFilter; label: string }[] = [
  { filter: "open", label: "Open" },
  { filter: "mine", label: "Mine" },
  { filter: "mentions", label: "Mentioning me" },
  { filter: "all", label: "All" },
];

/** A project's comment threads the viewer may see, with filters; each leads to the set it is on. */
export function ThreadList({
  projectId,
  projectName,
  threads,
  filter,
  viewerId,
}: {
  projectId: string;
  projectName: string;
  threads: ListedThread[];
  filter: ThreadFilter;
  viewerId: string;
}) {
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <PageLink href={`/projects/${projectId}`}>{projectName}</PageLink> / comments
      </nav>
      <h1>Comments</h1>
      <nav aria-label="Filter threads" className={styles.filters}>
        {THREAD_FILTERS.map((option) => (
          <PageLink
            key={option.filter}
            href={`/projects/${projectId}/comments?filter=${option.filter}`}
            aria-current={option.filter === filter ? "page" : undefined}
          >
            {option.label}
          </PageLink>
        ))}
      </nav>
      {threads.length === 0 && <p className={styles.empty}>No thread here.</p>}
      <ol className={styles.threads} data-testid="thread-list">
        {threads.map((thread) => {
          const own = thread.setKind === "ANNOTATOR" && thread.setAnnotatorId === viewerId;
          const href = own ? `/documents/${thread.documentId}/annotate` : `/documents/${thread.documentId}?set=${thread.setId}`;
          const last = thread.comments[thread.comments.length - 1];
          return (
            <li key={thread.id} data-thread={thread.id}>
              <PageLink href={href}>
                {thread.documentName}, on {thread.about}
              </PageLink>{" "}
              <span className={styles.meta}>
                {own ? "your set" : thread.setKind === "GOLD" ? "gold set" : `${thread.setAnnotatorName ?? "an annotator"}'s set`} ·{" "}
                {thread.comments.length === 1 ? "1 comment" : `${thread.comments.length} comments`} · last by {last.author},{" "}
                {WHEN.format(new Date(last.createdAt))} UTC
                {thread.resolved ? " · resolved" : ""}
              </span>
              <blockquote className={styles.quote}>{thread.comments[0].body.slice(0, 200)}</blockquote>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
