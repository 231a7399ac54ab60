import { PageLink } from "@/components/ui/PageLink";
import { Notice } from "@/components/ui/Notice";
import styles from "./Queue.module.css";

/** What an annotator opening a document that is not theirs to annotate sees instead of the editor. */
export function NotAssignedNotice({ why, documentId }: { why: string; documentId: string }) {
  return (
    <div className={styles.panel} data-testid="not-assigned">
      <h1>Not assigned to you</h1>
      <Notice tone="info">{why} A project manager hands out the documents to annotate.</Notice>
      <div className={styles.actions}>
        <PageLink href="/">Your documents</PageLink>
        <PageLink href={`/documents/${documentId}`}>Read the document</PageLink>
      </div>
    </div>
  );
}
