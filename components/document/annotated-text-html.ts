// The document page's annotated text as one HTML string, written from the
// annotations both on the server and in the browser (AnnotatedText.tsx): as
// inner HTML, React neither rebuilds nor hydrates its thousands of elements;
// the page's interactions read its data attributes by event delegation
// (DocumentInteractions.tsx).

import type { HighlightParagraph } from "@/lib/annotation/highlight-segments";
import { markAttributes } from "./SpanMark";

/** Paragraphs of segments, each wrapped in one `mark` per highlight covering it, outermost first (as SpanMark draws them). */
export function annotatedTextHtml(content: string, paragraphs: readonly HighlightParagraph[]): string {
  const html: string[] = [];
  for (const paragraph of paragraphs) {
    html.push("<p>");
    for (const segment of paragraph.segments) {
      for (const mark of segment.marks) {
        const { className, layer, data } = markAttributes(mark, segment);
        html.push(`<mark class='${escapeHtml(className)}'`);
        if (layer !== undefined) html.push(` style='--layer:${layer}'`);
        for (const [name, value] of Object.entries(data)) html.push(value === "" ? ` ${name}` : ` ${name}='${escapeHtml(value)}'`);
        html.push(">");
      }
      html.push(escapeHtml(content.slice(segment.start, segment.end)));
      for (let i = 0; i < segment.marks.length; i++) html.push("</mark>");
    }
    html.push("</p>");
  }
  return html.join("");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values: the five characters HTML gives a meaning. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
