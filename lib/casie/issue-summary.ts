// Issues as report lines: misplaced spans (often hundreds) collapse into one.

import { SPAN_SHIFT_CODES } from "./issue-codes";
import { summarizeSpanShifts } from "./span-shift";
import type { CasieIssue } from "./types";

const SPAN_PLACEMENT_CODES: ReadonlySet<string> = new Set([...Object.values(SPAN_SHIFT_CODES), "span-text-mismatch"]);

/**
 * One line per issue, e.g. `warning unknown-realis at $.cyberevent.hopper[0].events[1].realis
 * (line 1, column 5120): expected ...`, except misplaced spans, which share a
 * first line such as `12 spans shifted by +1`.
 */
export function summarizeIssues(issues: readonly CasieIssue[]): string[] {
  const lines: string[] = [];
  const spans = summarizeSpanShifts(issues);
  if (spans) lines.push(spans);
  for (const issue of issues) {
    if (SPAN_PLACEMENT_CODES.has(issue.code)) continue;
    const where = issue.line === undefined ? "" : ` (line ${issue.line}, column ${issue.column})`;
    lines.push(`${issue.severity} ${issue.code} at ${issue.path}${where}: ${issue.message}`);
  }
  return lines;
}
