// Between DOM positions and character offsets into `content`, as Recogito's text
// annotator does it. The editor renders the text as segments: each
// text-bearing element carries `data-offset` (the offset of its first
// character), highlights nest inside it, and UI-only nodes (badges, labels)
// carry `data-annotatable="false"`, so their text counts for nothing.
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

/** A text node that holds annotatable text, with the offsets of its text and its path of child indexes from the root. */
interface TextRun {
  node: DomNodeLike;
  start: number;
  end: number;
  path: number[];
}

/** The character offset of a DOM position, or null when it is outside `root` or `root` renders no annotatable text. */
export function offsetFromDomPoint(root: DomNodeLike, node: DomNodeLike, offsetInNode: number, affinity: Affinity = "forward"): number | null {
  return offsetAt(textRuns(root), root, node, offsetInNode, affinity);
}

/**
 * The offsets a selection covers, start ≤ end whichever way it was made; null
 * when an end is outside `root`. Ends on UI-only nodes or between rendered
 * pieces of text move to the nearest annotatable character inside the selection.
 */
export function offsetsFromRange(root: DomNodeLike, range: DomRangeLike): { start: number; end: number } | null {
  const runs = textRuns(root);
  const at = (node: DomNodeLike, offset: number, affinity: Affinity) => offsetAt(runs, root, node, offset, affinity);
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

/** The DOM position of a character offset (to restore a selection), or null when no rendered text holds it. */
export function domPointFromOffset(root: DomNodeLike, offset: number, affinity: Affinity = "forward"): DomPoint | null {
  const runs = textRuns(root).filter((run) => run.end > run.start);
  const inside = runs.find((run) => run.start < offset && offset < run.end);
  if (inside) return { node: inside.node, offset: offset - inside.start };
  const starting = runs.find((run) => run.start === offset);
  const ending = runs.findLast((run) => run.end === offset);
  const run = affinity === "forward" ? (starting ?? ending) : (ending ?? starting);
  if (!run) return null;
  return { node: run.node, offset: offset - run.start };
}

function offsetAt(runs: TextRun[], root: DomNodeLike, node: DomNodeLike, offsetInNode: number, affinity: Affinity): number | null {
  const run = node.nodeType === TEXT_NODE ? runs.find((candidate) => candidate.node === node) : undefined;
  if (run) return run.start + Math.max(0, Math.min(offsetInNode, run.end - run.start));
  const point = boundaryPath(root, node, offsetInNode, affinity);
  if (!point) return null;
  // The nearest annotatable text on each side of the position.
  let before: TextRun | undefined;
  let after: TextRun | undefined;
  for (const candidate of runs) {
    if (comparePaths(candidate.path, point) < 0) before = candidate;
    else {
      after = candidate;
      break;
    }
  }
  if (affinity === "forward") return after?.start ?? before?.end ?? null;
  return before?.end ?? after?.start ?? null;
}

/**
 * The position as a path of child indexes from the root, ending with the index
 * of the child it comes before. A position on text that counts for nothing (a
 * badge's, or text outside every `data-offset` element) moves to just before or
 * after the outermost such node, as `affinity` says.
 */
function boundaryPath(root: DomNodeLike, node: DomNodeLike, offsetInNode: number, affinity: Affinity): number[] | null {
  const path = pathTo(root, node);
  if (!path) return null;
  let outermostSkipped = -1;
  let current: DomNodeLike = node;
  for (let depth = path.length; depth > 0; depth--) {
    if (isSkipped(current)) outermostSkipped = depth;
    current = current.parentNode!;
  }
  if (outermostSkipped === -1 && node.nodeType === TEXT_NODE) outermostSkipped = path.length;
  if (outermostSkipped !== -1) {
    const skipped = path.slice(0, outermostSkipped);
    skipped[skipped.length - 1] += affinity === "forward" ? 1 : 0;
    return skipped;
  }
  return [...path, Math.max(0, Math.min(offsetInNode, node.childNodes.length))];
}

/** Child indexes from `root` down to `node`; null when `node` is not inside `root`. */
function pathTo(root: DomNodeLike, node: DomNodeLike): number[] | null {
  const path: number[] = [];
  let current = node;
  while (current !== root) {
    const parent = current.parentNode;
    if (!parent) return null;
    path.push(Array.prototype.indexOf.call(parent.childNodes, current));
    current = parent;
  }
  return path.reverse();
}

/** Document order; a node's own path sorts after the position just before it (its path's prefix). */
function comparePaths(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The annotatable text nodes in document order, with their offsets. */
function textRuns(root: DomNodeLike): TextRun[] {
  const runs: TextRun[] = [];
  /** Returns the offset after `node`'s text; null while outside every `data-offset` element. */
  const visit = (node: DomNodeLike, path: number[], offset: number | null): number | null => {
    if (node.nodeType === TEXT_NODE) {
      if (offset === null) return null;
      const end = offset + (node.textContent ?? "").length;
      runs.push({ node, start: offset, end, path });
      return end;
    }
    if (node !== root && isSkipped(node)) return offset;
    const own = dataOffset(node);
    let next = own ?? offset;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) next = visit(children[i], [...path, i], next);
    // Text after a `data-offset` element continues from its end only inside another one.
    return own !== null && offset === null ? null : next;
  };
  visit(root, [], null);
  return runs;
}

function isSkipped(node: DomNodeLike): boolean {
  return node.nodeType === ELEMENT_NODE && node.getAttribute?.("data-annotatable") === "false";
}

function dataOffset(node: DomNodeLike): number | null {
  if (node.nodeType !== ELEMENT_NODE) return null;
  const value = node.getAttribute?.("data-offset");
  return value != null && /^\d+$/.test(value) ? Number(value) : null;
}
