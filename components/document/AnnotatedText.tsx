import { Fragment, type CSSProperties, type ReactNode } from "react";
import type { HighlightMark, HighlightParagraph, HighlightSegment } from "@/lib/annotation/highlight-segments";
import styles from "./AnnotatedText.module.css";
import { typeColorClass } from "./type-colors";

/**
 * The document text, rendered once on the server. Each segment is wrapped in one
 * element per mark covering it, outermost first; a mark cut into several
 * segments has one element per piece, all with the same `data-span`.
 */
export function AnnotatedText({ content, paragraphs }: { content: string; paragraphs: HighlightParagraph[] }) {
  return (
    <div className={styles.text} data-testid="document-text">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start}>{paragraph.segments.map((segment) => renderSegment(content, segment))}</p>
      ))}
    </div>
  );
}

function renderSegment(content: string, segment: HighlightSegment): ReactNode {
  let node: ReactNode = content.slice(segment.start, segment.end);
  for (let i = segment.marks.length - 1; i >= 0; i--) {
    const mark = segment.marks[i];
    node = (
      <mark
        key={i === 0 ? segment.start : undefined}
        className={`${mark.kind === "nugget" ? styles.nugget : styles.argument} ${typeColorClass(mark.uses[0].eventType)}`}
        style={mark.kind === "argument" ? ({ "--layer": mark.layer } as CSSProperties) : undefined}
        data-span={mark.spanIndex}
        data-kind={mark.kind}
        data-events={mark.eventIndices.join(" ")}
        data-start={segment.start === mark.startOffset ? "" : undefined}
        data-end={segment.end === mark.endOffset ? "" : undefined}
        data-mismatch={mark.textMatches ? undefined : ""}
        title={describeMark(mark)}
      >
        {node}
      </mark>
    );
  }
  return segment.marks.length ? node : <Fragment key={segment.start}>{node}</Fragment>;
}

/** The tooltip: what the span is for each event using it. */
function describeMark(mark: HighlightMark): string {
  const uses = mark.uses.map((use) =>
    mark.kind === "nugget"
      ? `nugget of ${use.eventIndex} (${use.eventType} / ${use.eventSubtype})`
      : `${use.role} of ${use.eventIndex} (${use.entityType})`,
  );
  const mismatch = mark.textMatches ? "" : `\nThe text at these offsets is not the stored text “${mark.text}”.`;
  return `${mark.spanIndex}: ${uses.join("; ")}${mismatch}`;
}
