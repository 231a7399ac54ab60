"use client";

import { useMemo } from "react";
import { collectHighlightMarks, highlightParagraphs } from "@/lib/annotation/highlight-segments";
import type { CasieHopper } from "@/lib/casie/types";
import { annotatedTextHtml } from "./annotated-text-html";
import styles from "./AnnotatedText.module.css";
import layout from "./text-layout.module.css";

/**
 * The document text, laid out as the editor lays it out. Each segment is wrapped in one element per mark covering it,
 * outermost first; a mark cut into several segments has one element per piece, all with the same `data-span`.
 * A client component given the annotations, not their HTML: the page's React payload then carries the text and
 * annotations once as data (a server component's HTML string would travel twice, in the HTML and in the payload).
 * The same HTML string is written on the server and in the browser, so hydrating it touches no element of it.
 */
export function AnnotatedText({ content, hoppers }: { content: string; hoppers: CasieHopper[] }) {
  const html = useMemo(() => annotatedTextHtml(content, highlightParagraphs(content, collectHighlightMarks(content, hoppers))), [content, hoppers]);
  return <div className={`${layout.text} ${styles.text}`} data-testid="document-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
