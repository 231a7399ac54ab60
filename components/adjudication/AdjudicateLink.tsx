import { PageLink } from "@/components/ui/PageLink";
import type { DocumentSet } from "@/lib/documents/document-sets";
import styles from "./Adjudication.module.css";

/** For reviewers, on a document two or more annotators worked on: the way to its adjudication. */
export function AdjudicateLink({ documentId, sets }: { documentId: string; sets: DocumentSet[] }) {
  if (sets.filter((set) => set.kind === "ANNOTATOR" && set.status !== "NEW").length < 2) return null;
  return (
    <p className={styles.adjudicateLink}>
      <PageLink href={`/documents/${documentId}/adjudicate`}>Adjudicate the annotators&rsquo; sets</PageLink>
    </p>
  );
}
