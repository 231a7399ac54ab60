"use client";

import { useMemo } from "react";
import { collectHighlightMarks, highlightParagraphs } from "@/lib/annotation/highlight-segments";
import { annotatedTextHtml } from "./annotated-text-html";
import styles from "./AnnotatedText.module.css";
import layout from "./text-layout.module.css";
import { useKeepsServerHtml } from "./use-server-html";
import { decodeViewHoppers, type ViewHoppers } from "./view-hoppers";

/**
 * The document text, laid out as the editor lays it out. Each segment is wrapped in one element per mark covering it,
 * outermost first; a mark cut into several segments has one element per piece, all with the same `data-span`.
 * Written as one HTML string from `hoppers` (encodeViewHoppers), which the page's React payload carries once; hydrating
 * it touches no element of it and builds nothing (use-server-html.ts).
 */
export function AnnotatedText({ content, hoppers }: { content: string; hoppers: ViewHoppers }) {
  const keep = useKeepsServerHtml(content, hoppers);
  const html = useMemo(() => (keep ? "" : textHtml(content, hoppers)), [keep, content, hoppers]);
  return (
    <div
      className={`${layout.text} ${styles.text}`}
      data-testid="document-text"
      dangerouslySetInnerHTML={{ __html: html }}
      suppressHydrationWarning
    />
  );
}

function textHtml(content: string, hoppers: ViewHoppers): string {
  return annotatedTextHtml(content, highlightParagraphs(content, collectHighlightMarks(content, decodeViewHoppers(hoppers))));
}
