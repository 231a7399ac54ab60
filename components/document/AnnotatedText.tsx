import type { HighlightParagraph } from "@/lib/annotation/highlight-segments";
import { annotatedTextHtml } from "./annotated-text-html";
import styles from "./AnnotatedText.module.css";
import layout from "./text-layout.module.css";

/**
 * The document text, rendered once on the server, laid out as the editor lays it out. Each segment is wrapped in one
 * element per mark covering it, outermost first; a mark cut into several
 * segments has one element per piece, all with the same `data-span`.
 */
export function AnnotatedText({ content, paragraphs }: { content: string; paragraphs: HighlightParagraph[] }) {
  return (
    <div
      className={`${layout.text} ${styles.text}`}
      data-testid="document-text"
      dangerouslySetInnerHTML={{ __html: annotatedTextHtml(content, paragraphs) }}
    />
  );
}
