import { Fragment, type ReactNode } from "react";
import type { HighlightParagraph, HighlightSegment } from "@/lib/annotation/highlight-segments";
import styles from "./AnnotatedText.module.css";
import { SpanMark } from "./SpanMark";
import layout from "./text-layout.module.css";

/**
 * The document text, rendered once on the server, laid out as the editor lays it out. Each segment is wrapped in one
 * element per mark covering it, outermost first; a mark cut into several
 * segments has one element per piece, all with the same `data-span`.
 */
export function AnnotatedText({ content, paragraphs }: { content: string; paragraphs: HighlightParagraph[] }) {
  return (
    <div className={`${layout.text} ${styles.text}`} data-testid="document-text">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start}>{paragraph.segments.map((segment) => renderSegment(content, segment))}</p>
      ))}
    </div>
  );
}

function renderSegment(content: string, segment: HighlightSegment): ReactNode {
  let node: ReactNode = content.slice(segment.start, segment.end);
  for (let i = segment.marks.length - 1; i >= 0; i--) {
    node = (
      <SpanMark key={i === 0 ? segment.start : undefined} mark={segment.marks[i]} segment={segment}>
        {node}
      </SpanMark>
    );
  }
  return segment.marks.length ? node : <Fragment key={segment.start}>{node}</Fragment>;
}
