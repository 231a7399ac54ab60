// Between DOM positions and character offsets into `content`, as Recogito's text
// annotator does it. The editor renders the text as segments: each
// text-bearing element carries `data-offset` (the offset of its first
// character), highlights nest inside it, and UI-only nodes (badges, labels)
// carry `data-annotatable="false"`, so their text counts for nothing.
// Offsets grow in document order, as the text is rendered: a position is then
// found by bisecting each level's children and by walking only the
// `data-offset` element holding it, so a long text costs no more than a short one.
// Written against the few node members used, so it runs (and is tested) without
// a browser; real DOM nodes fit the interface.

/** The members of a DOM node this module reads. */
export interface DomNodeLike {
  readonly nodeType: number;
  readonly parentNode: DomNodeLike | null;
  readonly childNodes: ArrayLike<DomNodeLike>;
  readonly textContent: string | null;
  /** Elements only. */
  getAttribute?(name: string): string | null;
}

/** A DOM position: a character in a text node, or a child index in an element (as in Range and Selection). */
export interface DomPoint {
  node: DomNodeLike;
  offset: number;
}

/** What a DOM Range or a Selection (anchor and focus, possibly reversed) gives. */
export interface DomRangeLike {
  startContainer: DomNodeLike;
  startOffset: number;
  endContainer: DomNodeLike;
  endOffset: number;
}

/**
 * Where a position between two characters leans when the DOM position falls
 * between rendered pieces of text (on a badge, on a line break): "forward" to
 * the next character, as a selection's start does; "backward" to the previous
 * one, as its end does.
 */
export type Affinity = "forward" | "backward";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A text node that holds annotatable text, with the offsets of its text. */
interface TextRun {
  node: DomNodeLike;
  start: number;
  end: number;
}

/** The character offset of a DOM position, or null when it is outside `root` or `root` renders no annotatable text. */
export function offsetFromDomPoint(root: DomNodeLike, node: DomNodeLike, offsetInNode: number, affinity: Affinity = "forward"): number | null {
  const skipped = outermostSkipped(root, node);
  if (skipped === undefined) return null;
  if (skipped === null && node.nodeType === TEXT_NODE) {
    const run = runOf(root, node);
    if (run) return run.start + Math.max(0, Math.min(offsetInNode, run.end - run.start));
  }
  // A position on text that counts for nothing (a badge's, or text outside every `data-offset` element) moves to
  // just before or after the outermost such node, as `affinity` says.
  const counted = skipped ?? (node.nodeType === TEXT_NODE ? node : null);
  const [parent, index] = counted
    ? [counted.parentNode!, indexIn(counted.parentNode!, counted) + (affinity === "forward" ? 1 : 0)]
    : [node, Math.max(0, Math.min(offsetInNode, node.childNodes.length))];
  // The nearest annotatable text on each side of the position.
  if (affinity === "forward") return runAfter(root, parent, index)?.start ?? runBefore(root, parent, index)?.end ?? null;
  return runBefore(root, parent, index)?.end ?? runAfter(root, parent, index)?.start ?? null;
}

/**
 * The offsets a selection covers, start ≤ end whichever way it was made; null
 * when an end is outside `root`. Ends on UI-only nodes or between rendered
 * pieces of text move to the nearest annotatable character inside the selection.
 */
export function offsetsFromRange(root: DomNodeLike, range: DomRangeLike): { start: number; end: number } | null {
  const at = (node: DomNodeLike, offset: number, affinity: Affinity) => offsetFromDomPoint(root, node, offset, affinity);
  const start = at(range.startContainer, range.startOffset, "forward");
  const end = at(range.endContainer, range.endOffset, "backward");
  if (start === null || end === null) return null;
  if (start <= end) return { start, end };
  // Either a reversed selection (focus before anchor), or both ends in one gap between pieces of text.
  const reversedStart = at(range.endContainer, range.endOffset, "forward")!;
  const reversedEnd = at(range.startContainer, range.startOffset, "backward")!;
  if (reversedStart <= reversedEnd) return { start: reversedStart, end: reversedEnd };
  return { start: end, end };
}

/**
 * The DOM position of a character offset (to restore a selection), or null when no rendered text holds it. Inside
 * a run of text, that run; at a boundary between two, the one starting there going forward, the one ending there
 * going back. Found by bisecting each level's children on their first character's offset.
 */
export function domPointFromOffset(root: DomNodeLike, offset: number, affinity: Affinity = "forward"): DomPoint | null {
  let run = lastRunStartingBy(root, offset);
  while (run && run.end === run.start) run = runBefore(root, run.node.parentNode!, indexIn(run.node.parentNode!, run.node));
  if (!run) return null;
  if (run.start === offset && affinity === "backward") {
    let previous = runBefore(root, run.node.parentNode!, indexIn(run.node.parentNode!, run.node));
    while (previous && previous.end === previous.start)
      previous = runBefore(root, previous.node.parentNode!, indexIn(previous.node.parentNode!, previous.node));
    if (previous?.end === offset) return { node: previous.node, offset: offset - previous.start };
  }
  if (offset > run.end) return null;
  return { node: run.node, offset: offset - run.start };
}

/** The last text run (in document order) whose text starts at or before `offset`: the child to descend into is bisected at each level. */
function lastRunStartingBy(root: DomNodeLike, offset: number): TextRun | null {
  let node = root;
  for (;;) {
    if (node.nodeType === TEXT_NODE) return runOf(root, node);
    const children = node.childNodes;
    let low = 0;
    let high = children.length - 1;
    let found: DomNodeLike | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      // Children without annotatable text (line breaks, badges) are stepped over to the next one that has some.
      let probe = middle;
      let start: number | null = null;
      for (; probe <= high && start === null; probe++) start = firstRunIn(root, children[probe])?.start ?? null;
      probe--;
      if (start === null || start > offset) high = middle - 1;
      else {
        found = children[probe];
        low = probe + 1;
      }
    }
    if (!found) return null;
    node = found;
  }
}

/** The first run after the position before `parent`'s child `index`, in document order, without leaving `root`. */
function runAfter(root: DomNodeLike, parent: DomNodeLike, index: number): TextRun | null {
  for (;;) {
    const children = parent.childNodes;
    for (let i = index; i < children.length; i++) {
      const run = firstRunIn(root, children[i]);
      if (run) return run;
    }
    if (parent === root || !parent.parentNode) return null;
    index = indexIn(parent.parentNode, parent) + 1;
    parent = parent.parentNode;
  }
}

/** The last run before the position before `parent`'s child `index`, in document order, without leaving `root`. */
function runBefore(root: DomNodeLike, parent: DomNodeLike, index: number): TextRun | null {
  for (;;) {
    for (let i = index - 1; i >= 0; i--) {
      const run = lastRunIn(root, parent.childNodes[i]);
      if (run) return run;
    }
    if (parent === root || !parent.parentNode) return null;
    index = indexIn(parent.parentNode, parent);
    parent = parent.parentNode;
  }
}

/** The first run inside `node` (itself included); `node` is not inside a UI-only node. */
function firstRunIn(root: DomNodeLike, node: DomNodeLike): TextRun | null {
  if (node.nodeType === TEXT_NODE) return runOf(root, node);
  if (isSkipped(node)) return null;
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const run = firstRunIn(root, children[i]);
    if (run) return run;
  }
  return null;
}

/** The last run inside `node` (itself included); `node` is not inside a UI-only node. */
function lastRunIn(root: DomNodeLike, node: DomNodeLike): TextRun | null {
  if (node.nodeType === TEXT_NODE) return runOf(root, node);
  if (isSkipped(node)) return null;
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) {
    const run = lastRunIn(root, children[i]);
    if (run) return run;
  }
  return null;
}

/**
 * The run of a text node inside `root`: its offsets count from its nearest `data-offset` element, only that
 * element is walked. Null when the text counts for nothing (in a UI-only node, outside every `data-offset` element).
 */
function runOf(root: DomNodeLike, text: DomNodeLike): TextRun | null {
  let owner: DomNodeLike | null = null;
  for (let current = text.parentNode; ; current = current.parentNode) {
    if (!current) return null;
    if (current !== root && isSkipped(current)) return null;
    if (owner === null && dataOffset(current) !== null) owner = current;
    if (current === root) break;
  }
  if (!owner) return null;
  let found: TextRun | null = null;
  /** Returns the offset after `node`'s text. */
  const visit = (node: DomNodeLike, offset: number): number => {
    if (found) return offset;
    if (node.nodeType === TEXT_NODE) {
      const end = offset + (node.textContent ?? "").length;
      if (node === text) found = { node, start: offset, end };
      return end;
    }
    if (isSkipped(node)) return offset;
    let next = dataOffset(node) ?? offset;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) next = visit(children[i], next);
    return next;
  };
  visit(owner, dataOffset(owner)!);
  return found;
}

/**
 * The outermost UI-only node holding `node` (itself included, `root` excluded), null when there is none, and
 * undefined when `node` is not inside `root`.
 */
function outermostSkipped(root: DomNodeLike, node: DomNodeLike): DomNodeLike | null | undefined {
  let skipped: DomNodeLike | null = null;
  for (let current = node; current !== root; current = current.parentNode) {
    if (isSkipped(current)) skipped = current;
    if (!current.parentNode) return undefined;
  }
  return skipped;
}

function indexIn(parent: DomNodeLike, child: DomNodeLike): number {
  return Array.prototype.indexOf.call<ArrayLike<DomNodeLike>, [DomNodeLike], number>(parent.childNodes, child);
}

function isSkipped(node: DomNodeLike): boolean {
  return node.nodeType === ELEMENT_NODE && node.getAttribute?.("data-annotatable") === "false";
}

function dataOffset(node: DomNodeLike): number | null {
  if (node.nodeType !== ELEMENT_NODE) return null;
  const value = node.getAttribute?.("data-offset");
  return value != null && /^\d+$/.test(value) ? Number(value) : null;
}
