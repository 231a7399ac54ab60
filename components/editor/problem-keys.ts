// Keys for the checks panel's list that stay with their problem: an edit that
// adds or removes one problem re-renders that item only, not every item after it.

import type { AnnotationProblem } from "@/lib/annotation/checks";

/** One key per problem, from what it is about and says; problems alike get `#2`, `#3`… in list order. */
export function problemKeys(problems: readonly AnnotationProblem[]): string[] {
  const seen = new Map<string, number>();
  return problems.map((problem) => {
    const base = [problem.code, problem.hopperIndex ?? "", problem.eventIndex ?? "", problem.spanIndex ?? "", problem.message].join("\u0000");
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}
