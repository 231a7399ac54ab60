import { hasMismatchedMarks } from "@/lib/annotation/highlight-segments";
import { commentTargetsOf } from "@/lib/comments/comment-target";
import type { CasieDocument } from "@/lib/casie/types";
import type { DocumentSet } from "@/lib/documents/document-sets";
import type { GoldDocument } from "@/lib/documents/load";
import { AnnotatedText } from "./AnnotatedText";
import { DocumentHeading } from "./DocumentHeading";
import { DocumentInteractions } from "./DocumentInteractions";
import styles from "./DocumentView.module.css";
import { EventPanel } from "./EventPanel";
import { ImportWarnings } from "./ImportWarnings";
import { Legend } from "./Legend";
import { LiveComments, LivePresence, LiveSetProvider } from "./LiveSet";
import { SetSwitcher } from "./SetSwitcher";
import layout from "./text-layout.module.css";
import { encodeViewHoppers } from "./view-hoppers";

interface Props {
  /** The document's text, metadata and import warnings (its gold annotations are never read here). */
  document: GoldDocument;
  /** The sets the viewer may see, and the one shown with its annotations; none shown: the text alone. */
  sets: DocumentSet[];
  /** At `version`: the page follows the set live (LiveSet.tsx). */
  shown: { set: DocumentSet; document: CasieDocument; version: number } | null;
  viewerId: string;
  /** Admins and reviewers: the gold file's download and import warnings. */
  showGoldDetails: boolean;
}

/** A document with the annotations of one set the viewer may see (their own, for annotators), or its text alone. */
export function DocumentView({ document, sets, shown, viewerId, showGoldDetails }: Props) {
  const { content } = document.casie;
  const hoppers = shown?.document.hoppers ?? [];
  const eventTypes = [...new Set(hoppers.flatMap((h) => h.events.map((e) => e.type)))];
  // What the text and the event panel are drawn from: one string, which the page's payload holds once.
  const viewHoppers = encodeViewHoppers(hoppers);
  const switcher = <SetSwitcher documentId={document.id} sets={sets} shownId={shown?.set.setId ?? null} viewerId={viewerId} />;
  if (!shown) {
    return (
      <div className={`${layout.page} ${styles.view}`}>
        <DocumentHeading document={document} showDownload={showGoldDetails} />
        {switcher}
        <div className={layout.columns}>
          <AnnotatedText content={content} hoppers={viewHoppers} />
        </div>
      </div>
    );
  }
  return (
    <div className={`${layout.page} ${styles.view}`} data-document-view="">
      <LiveSetProvider setId={shown.set.setId} version={shown.version} targets={commentTargetsOf(shown.document)}>
        <DocumentInteractions />
        <DocumentHeading document={document} showDownload={showGoldDetails} />
        {showGoldDetails && <ImportWarnings warnings={document.warnings} />}
        {switcher}
        <LivePresence />
        <div className={layout.columns}>
          <article aria-label="Document text">
            <Legend eventTypes={eventTypes} hasMismatches={hasMismatchedMarks(content, hoppers)} />
            <AnnotatedText content={content} hoppers={viewHoppers} />
          </article>
          <aside className={styles.panel} aria-label="Events" data-event-panel="">
            <EventPanel
              hoppers={viewHoppers}
              eventCount={hoppers.reduce((n, hopper) => n + hopper.events.length, 0)}
              hopperCount={hoppers.length}
              empty={shown.set.kind === "GOLD" ? "This document has no gold annotations." : "This set has no annotations yet."}
            />
            <LiveComments />
          </aside>
        </div>
      </LiveSetProvider>
    </div>
  );
}
