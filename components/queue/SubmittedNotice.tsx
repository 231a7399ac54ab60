import { PageLink } from "@/components/ui/PageLink";
import { Notice } from "@/components/ui/Notice";
import styles from "./Queue.module.css";

/** What an annotator opening a set they submitted sees instead of the editor: it is read-only to them. */
export function SubmittedNotice({ documentId, setId, documentName }: { documentId: string; setId: string; documentName: string }) {
  return (
    <div className={styles.panel} data-testid="submitted">
      <h1>{documentName}: submitted</h1>
      <Notice tone="success">You submitted this document. It is read-only to you until a reviewer reopens it.</Notice>
      <div className={styles.actions}>
        <PageLink href={`/queue/next?afterSet=${setId}`}>Open next</PageLink>
        <PageLink href={`/documents/${documentId}`}>View your annotations</PageLink>
        <PageLink href="/">Your documents</PageLink>
      </div>
    </div>
  );
}
