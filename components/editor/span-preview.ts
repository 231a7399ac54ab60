// Which span a command would make, so the text can show it before it is made:
// a snapped selection is not what was selected, and CASIE spans often stop
// short of the punctuation around them ("Google" in "Google’s").

import { findSpan } from "@/lib/annotation/document-lookup";
import type { TextRange } from "@/lib/annotation/word-snapping";
import type { EditorSnapshot } from "./editor-state";
import { rangeOf } from "./editor-store";

/**
 * The span to draw in the text: the one an open new-event or new-argument
 * popup will use; else, with snapping on, the span N or A would make of the
 * selection when snapping changes it (an unchanged selection shows itself).
 */
export function previewedSpan(state: Pick<EditorSnapshot, "document" | "selection" | "snapping" | "popup">): TextRange | null {
  const { document, selection, snapping, popup } = state;
  if (popup?.kind === "createEvent") return popup.range;
  if (popup?.kind === "addArgument") {
    const { target } = popup;
    if ("start" in target) return target;
    const span = findSpan(document, target.reuseSpanIndex);
    return span ? { start: span.startOffset, end: span.endOffset } : null;
  }
  const text = selection.text;
  if (popup || !snapping || !text) return null;
  const range = rangeOf(document.content, text, true);
  const same = range && range.start === Math.min(text.anchor, text.focus) && range.end === Math.max(text.anchor, text.focus);
  return same ? null : range;
}
