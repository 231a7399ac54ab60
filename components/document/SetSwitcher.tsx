import { PageLink } from "@/components/ui/PageLink";
import type { DocumentSet } from "@/lib/documents/document-sets";
import styles from "./SetSwitcher.module.css";

/** How a set is named to the viewer. */
export function setLabel(set: DocumentSet, viewerId: string): string {
  if (set.kind === "GOLD") return "Gold";
  return set.annotatorId === viewerId ? "Your annotations" : (set.annotatorName ?? "An annotator");
}

/**
 * Which annotations the page shows, and the other sets the viewer may see
 * (annotators only ever their own: annotation is blind).
 */
export function SetSwitcher({
  documentId,
  sets,
  shownId,
  viewerId,
}: {
  documentId: string;
  sets: DocumentSet[];
  shownId: string | null;
  viewerId: string;
}) {
  if (sets.length === 0) {
    return (
      <p className={styles.note} role="note">
        You have not annotated this document yet: choose <strong>Annotate</strong> to start. Annotation is blind, so the gold set and other
        annotators&apos; sets are not shown.
      </p>
    );
  }
  if (sets.length === 1 && sets[0].annotatorId === viewerId) {
    return (
      <p className={styles.note} role="note" data-testid="shown-set">
        Showing your annotations (version {sets[0].version}). Annotation is blind, so the gold set and other annotators&apos; sets are not shown.{" "}
        <HistoryLink documentId={documentId} setId={sets[0].setId} />
      </p>
    );
  }
  return (
    <div className={styles.row}>
      <nav aria-label="Annotation sets" className={styles.switcher} data-testid="set-switcher">
        <span className={styles.label}>Annotations:</span>
        <ul>
          {sets.map((set) => (
            <li key={set.setId}>
              <PageLink
                href={`/documents/${documentId}?set=${set.setId}`}
                aria-current={set.setId === shownId ? "page" : undefined}
                data-set={set.setId}
                data-kind={set.kind}
              >
                {setLabel(set, viewerId)} <span className={styles.version}>v{set.version}</span>
              </PageLink>
            </li>
          ))}
        </ul>
      </nav>
      {shownId && <HistoryLink documentId={documentId} setId={shownId} />}
      {sets.some((set) => set.setId === shownId && set.kind === "GOLD" && set.editable) && (
        <PageLink className={styles.history} href={`/documents/${documentId}/gold`}>
          Edit gold
        </PageLink>
      )}
    </div>
  );
}

/** The way to how the shown set came to be. */
function HistoryLink({ documentId, setId }: { documentId: string; setId: string }) {
  return (
    <PageLink className={styles.history} href={`/documents/${documentId}/history?set=${setId}`}>
      History
    </PageLink>
  );
}
