import type { CSSProperties, ReactNode } from "react";
import type { HighlightMark, HighlightSegment } from "@/lib/annotation/highlight-segments";
import styles from "./SpanMark.module.css";
import { typeColorClass } from "./type-colors";

/**
 * One highlighted piece of a nugget or argument, as the document view and the
 * editor both draw it; its data attributes are what lighting rules and tests select on.
 */
export function SpanMark({ mark, segment, children }: { mark: HighlightMark; segment: HighlightSegment; children: ReactNode }) {
  return (
    <mark
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
      {children}
    </mark>
  );
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
