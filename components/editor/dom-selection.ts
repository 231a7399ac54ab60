// The browser's selection inside the text, read and written as character
// offsets (lib/annotation/text-offsets.ts does the DOM walking).

import { domPointFromOffset, offsetsFromRange } from "@/lib/annotation/text-offsets";
import type { TextSelection } from "./editor-state";

/** The selection inside `root` as offsets with its direction; null when it is not (wholly) inside. */
export function readDomSelection(root: HTMLElement): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !root.contains(anchorNode) || !root.contains(focusNode)) return null;
  const offsets = offsetsFromRange(root, selection.getRangeAt(0));
  if (!offsets) return null;
  return isBackward(selection) ? { anchor: offsets.end, focus: offsets.start } : { anchor: offsets.start, focus: offsets.end };
}

/** Shows `text` as the browser's selection in `root`, unless it already is. */
export function writeDomSelection(root: HTMLElement, text: TextSelection | null): void {
  const selection = window.getSelection();
  if (!selection) return;
  const current = readDomSelection(root);
  if (!text) {
    if (current) selection.removeAllRanges();
    return;
  }
  if (current && current.anchor === text.anchor && current.focus === text.focus) return;
  const forward = text.anchor <= text.focus;
  const anchor = domPointFromOffset(root, text.anchor, forward ? "forward" : "backward");
  const focus = domPointFromOffset(root, text.focus, forward ? "backward" : "forward");
  if (anchor && focus) selection.setBaseAndExtent(anchor.node as Node, anchor.offset, focus.node as Node, focus.offset);
}

/** The screen box of the position at `offset` (for the caret), relative to the viewport. */
export function caretRect(root: HTMLElement, offset: number): DOMRect | null {
  const point = domPointFromOffset(root, offset, "forward");
  if (!point) return null;
  const node = point.node as Node;
  const range = document.createRange();
  range.setStart(node, point.offset);
  range.collapse(true);
  const rect = range.getClientRects()[0];
  if (rect) return rect;
  // Some engines give a collapsed range at a node's edge no box: measure the character after it instead.
  const length = node.textContent?.length ?? 0;
  if (point.offset >= length) return null;
  range.setEnd(node, point.offset + 1);
  const next = range.getClientRects()[0];
  return next ? new DOMRect(next.left, next.top, 0, next.height) : null;
}

/** The screen box of a range of offsets (to place a popup next to it). */
export function rangeRect(root: HTMLElement, start: number, end: number): DOMRect | null {
  const range = domRange(root, start, end);
  if (!range) return null;
  const rects = range.getClientRects();
  return rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
}

/** The screen boxes of a range of offsets, one per line (and element) it crosses, relative to the viewport. */
export function rangeRects(root: HTMLElement, start: number, end: number): DOMRect[] {
  return [...(domRange(root, start, end)?.getClientRects() ?? [])].filter((rect) => rect.width > 0);
}

function domRange(root: HTMLElement, start: number, end: number): Range | null {
  const from = domPointFromOffset(root, start, "forward");
  const to = domPointFromOffset(root, end, "backward");
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node as Node, from.offset);
  range.setEnd(to.node as Node, to.offset);
  return range;
}

function isBackward(selection: Selection): boolean {
  if (selection.isCollapsed) return false;
  const range = document.createRange();
  range.setStart(selection.anchorNode!, selection.anchorOffset);
  range.setEnd(selection.focusNode!, selection.focusOffset);
  // A range whose end comes before its start collapses.
  return range.collapsed;
}
