import type { HighlightMark, HighlightSegment } from "@/lib/annotation/highlight-segments";
import styles from "./marks.module.css";
import { typeColorClass } from "./type-colors";

/** A mark element's attributes, as the editor's and the document page's HTML (annotated-text-html.ts) write them. */
export interface MarkAttributes {
  className: string;
  /** Arguments above the first: the underline layer (`--layer`, 0 when unset). */
  layer: number | undefined;
  data: Record<string, string>;
}

/**
 * The attributes of one highlighted piece of a nugget or argument: its data attributes are what lighting rules and tests select on.
 * No tooltip: a long text has thousands of marks, so their titles are set on hover (describeMark here, mark-titles.ts on the document page).
 */
export function markAttributes(mark: HighlightMark, segment: HighlightSegment): MarkAttributes {
  const data: Record<string, string> = { "data-span": mark.spanIndex, "data-kind": mark.kind, "data-events": mark.eventIndices.join(" ") };
  if (segment.start === mark.startOffset) data["data-start"] = "";
  if (segment.end === mark.endOffset) data["data-end"] = "";
  if (!mark.textMatches) data["data-mismatch"] = "";
  return {
    className: `${mark.kind === "nugget" ? styles.nugget : styles.argument} ${typeColorClass(mark.uses[0].eventType)}`,
    layer: mark.kind === "argument" && mark.layer > 0 ? mark.layer : undefined,
    data,
  };
}

/** The tooltip: what the span is for each event using it. */
export function describeMark(mark: HighlightMark): string {
  const uses = mark.uses.map((use) =>
    mark.kind === "nugget"
      ? nuggetUse(use.eventIndex, `${use.eventType} / ${use.eventSubtype}`)
      : argumentUse(use.eventIndex, use.role!, use.entityType!),
  );
  return markTitle(mark.spanIndex, uses, mark.textMatches ? null : mark.text);
}

/** A nugget's use in a tooltip: `type` is "Type / Subtype". */
export function nuggetUse(eventIndex: string, type: string): string {
  return `nugget of ${eventIndex} (${type})`;
}

export function argumentUse(eventIndex: string, role: string, entityType: string): string {
  return `${role} of ${eventIndex} (${entityType})`;
}

/** `storedText`: the span's text when the content at its offsets differs from it. */
export function markTitle(spanIndex: string, uses: string[], storedText: string | null): string {
  const mismatch = storedText === null ? "" : `\nThe text at these offsets is not the stored text “${storedText}”.`;
  return `${spanIndex}: ${uses.join("; ")}${mismatch}`;
}
