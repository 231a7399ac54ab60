import type { CSSProperties, ReactNode } from "react";
import type { HighlightMark, HighlightSegment } from "@/lib/annotation/highlight-segments";
import styles from "./SpanMark.module.css";
import { typeColorClass } from "./type-colors";

/** A mark element's attributes, as both the React element and the document page's HTML (annotated-text-html.ts) write them. */
export interface MarkAttributes {
  className: string;
  /** Arguments: the underline layer (`--layer`). */
  layer: number | undefined;
  data: Record<string, string>;
  title: string;
}

/** The attributes of one highlighted piece of a nugget or argument: its data attributes are what lighting rules and tests select on. */
export function markAttributes(mark: HighlightMark, segment: HighlightSegment): MarkAttributes {
  const data: Record<string, string> = { "data-span": mark.spanIndex, "data-kind": mark.kind, "data-events": mark.eventIndices.join(" ") };
  if (segment.start === mark.startOffset) data["data-start"] = "";
  if (segment.end === mark.endOffset) data["data-end"] = "";
  if (!mark.textMatches) data["data-mismatch"] = "";
  return {
    className: `${mark.kind === "nugget" ? styles.nugget : styles.argument} ${typeColorClass(mark.uses[0].eventType)}`,
    layer: mark.kind === "argument" ? mark.layer : undefined,
    data,
    title: describeMark(mark),
  };
}

/** One highlighted piece of a nugget or argument, as the editor draws it. */
export function SpanMark({ mark, segment, children }: { mark: HighlightMark; segment: HighlightSegment; children: ReactNode }) {
  const { className, layer, data, title } = markAttributes(mark, segment);
  return (
    <mark className={className} style={layer === undefined ? undefined : ({ "--layer": layer } as CSSProperties)} {...data} title={title}>
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
