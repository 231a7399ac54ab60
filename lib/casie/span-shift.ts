// Spans whose `text` is not where their offsets say. In the corpus (33 documents)
// the text sits one character earlier: such data is reported, never silently changed.

import { SPAN_SHIFT_CODES } from "./issue-codes";
import type { CasieIssue } from "./types";

/**
 * How far the offsets are from where `text` actually is: 0 when
 * content.slice(start, end) === text, +1 when the text is one character earlier
 * (the offsets are one too high), -1 when it is one character later; null when
 * no one-character shift explains the difference.
 */
export function findSpanShift(content: string, start: number, end: number, text: string): 0 | 1 | -1 | null {
  if (content.slice(start, end) === text) return 0;
  if (start >= 1 && content.slice(start - 1, end - 1) === text) return 1;
  if (end + 1 <= content.length && content.slice(start + 1, end + 1) === text) return -1;
  return null;
}

/**
 * One line for an import report about a document's misplaced spans, e.g.
 * `12 spans shifted by +1`; null when every span's text matches its offsets.
 */
export function summarizeSpanShifts(issues: readonly CasieIssue[]): string | null {
  const count = (code: string) => issues.filter((issue) => issue.code === code).length;
  const parts: string[] = [];
  const plural = (n: number) => (n === 1 ? "span" : "spans");
  for (const shift of [1, -1] as const) {
    const n = count(SPAN_SHIFT_CODES[shift]);
    if (n) parts.push(`${n} ${plural(n)} shifted by ${shift > 0 ? "+1" : "-1"}`);
  }
  const mismatched = count("span-text-mismatch");
  if (mismatched) parts.push(`${mismatched} ${plural(mismatched)} whose text is not at ${mismatched === 1 ? "its" : "their"} offsets`);
  return parts.length ? parts.join(", ") : null;
}
