// The markers of open comment threads in an annotated text (the editor's or
// the document page's: both draw spans with mark-attributes.ts's data attributes). Set
// from outside React on the marks' elements, like the lighting: the text's
// rendering never depends on the threads.

import { parseCommentTarget, type CommentTarget } from "@/lib/comments/comment-target";

export interface MarkedThread {
  target: string | null;
  resolved: boolean;
}

/** The last piece of each span a thread is about: an event's nugget, an argument's span; hoppers and the document have none in the text. */
function targetSelector(target: CommentTarget | null): string | null {
  switch (target?.kind) {
    case "event":
      return `[data-kind="nugget"][data-events~="${CSS.escape(target.eventIndex)}"][data-end]`;
    case "argument":
      return `[data-kind="argument"][data-span="${CSS.escape(target.spanIndex)}"][data-events~="${CSS.escape(target.eventIndex)}"][data-end]`;
    case "hopper":
    case "document":
    case undefined:
      return null;
  }
}

/** Sets `data-threads` (how many open threads) on the marks under `root` that open threads are about, and clears it elsewhere. */
export function markThreadTargets(root: ParentNode, threads: readonly MarkedThread[]): void {
  const counts = new Map<Element, number>();
  for (const thread of threads) {
    const selector = thread.resolved ? null : targetSelector(parseCommentTarget(thread.target));
    if (!selector) continue;
    for (const element of root.querySelectorAll(selector)) counts.set(element, (counts.get(element) ?? 0) + 1);
  }
  for (const marked of root.querySelectorAll("[data-threads]")) {
    if (!counts.has(marked)) marked.removeAttribute("data-threads");
  }
  for (const [element, count] of counts) {
    if (element.getAttribute("data-threads") !== String(count)) element.setAttribute("data-threads", String(count));
  }
}
