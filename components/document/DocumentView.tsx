import { collectHighlightMarks, highlightParagraphs } from "@/lib/annotation/highlight-segments";
import type { GoldDocument } from "@/lib/documents/load";
import { AnnotatedText } from "./AnnotatedText";
import { DocumentHeading } from "./DocumentHeading";
import { DocumentInteractions } from "./DocumentInteractions";
import styles from "./DocumentView.module.css";
import { EventPanel } from "./EventPanel";
import { ImportWarnings } from "./ImportWarnings";
import { Legend } from "./Legend";
import layout from "./text-layout.module.css";

/**
 * A document with its gold annotations, or, when `showGold` is false
 * (annotators work blind), its text alone.
 */
export function DocumentView({ document, showGold }: { document: GoldDocument; showGold: boolean }) {
  const { content, hoppers } = document.casie;
  if (!showGold) {
    return (
      <div className={`${layout.page} ${styles.view}`}>
        <DocumentHeading document={document} showDownload={false} />
        <p className={styles.note} role="note">
          Gold annotations are hidden: annotators see the text only, so that their own annotations are made without them.
        </p>
        <div className={layout.columns}>
          <AnnotatedText content={content} paragraphs={highlightParagraphs(content, [])} />
        </div>
      </div>
    );
  }

  const marks = collectHighlightMarks(content, hoppers);
  const eventTypes = [...new Set(hoppers.flatMap((h) => h.events.map((e) => e.type)))];
  return (
    <DocumentInteractions className={`${layout.page} ${styles.view}`}>
      <DocumentHeading document={document} showDownload />
      <ImportWarnings warnings={document.warnings} />
      <div className={layout.columns}>
        <article aria-label="Document text">
          <Legend eventTypes={eventTypes} hasMismatches={marks.some((m) => !m.textMatches)} />
          <AnnotatedText content={content} paragraphs={highlightParagraphs(content, marks)} />
        </article>
        <aside className={styles.panel} aria-label="Events" data-event-panel="">
          <EventPanel hoppers={hoppers} />
        </aside>
      </div>
    </DocumentInteractions>
  );
}
