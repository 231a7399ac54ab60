// An annotated text as HTML strings, written from its highlight segments, for
// the document page's text (AnnotatedText.tsx) and the editor's blocks
// (TextBlockView.tsx): as inner HTML, React neither builds nor hydrates their
// thousands of elements; the pages read their data attributes by event
// delegation (DocumentInteractions.tsx, EditorText.tsx).

import type { HighlightParagraph, HighlightSegment } from "@/lib/annotation/highlight-segments";
import { markAttributes } from "./mark-attributes";

/** Paragraphs of segments (segmentsHtml), one `p` each. */
export function annotatedTextHtml(content: string, paragraphs: readonly HighlightParagraph[]): string {
  return paragraphs.map((paragraph) => `<p>${segmentsHtml(content, paragraph.segments, false)}</p>`).join("");
}

/**
 * Segments, each wrapped in one `mark` per highlight covering it, outermost first. With `offsets`, each segment's
 * characters sit in one `data-offset` element, what lib/annotation/text-offsets.ts reads.
 */
export function segmentsHtml(content: string, segments: readonly HighlightSegment[], offsets: boolean): string {
  const html: string[] = [];
  for (const segment of segments) {
    for (const mark of segment.marks) {
      const { className, layer, data } = markAttributes(mark, segment);
      html.push(`<mark class='${escapeHtml(className)}'`);
      if (layer !== undefined) html.push(` style='--layer:${layer}'`);
      for (const [name, value] of Object.entries(data)) html.push(value === "" ? ` ${name}` : ` ${name}='${escapeHtml(value)}'`);
      html.push(">");
    }
    const text = escapeHtml(content.slice(segment.start, segment.end));
    html.push(offsets ? `<span data-offset='${segment.start}'>${text}</span>` : text);
    for (let i = 0; i < segment.marks.length; i++) html.push("</mark>");
  }
  return html.join("");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values: the five characters HTML gives a meaning. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
