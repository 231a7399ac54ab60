// Highlighting computed from offsets, Recogito-style: the text is cut into
// contiguous segments at every span boundary and each segment lists the marks
// (nuggets, arguments) covering it, so nested, overlapping and shared spans can
// all be drawn without ever nesting DOM elements across each other.

import type { CasieEvent, CasieHopper, CasieSpan } from "@/lib/casie/types";
import { MinHeap } from "./min-heap";

export type MarkKind = "nugget" | "argument";

/** One event's use of a span: as its nugget, or as one of its arguments. */
export interface SpanUse {
  eventIndex: string;
  hopperIndex: number;
  eventType: string;
  eventSubtype: string;
  /** Arguments only: the role the span plays in the event. */
  role?: string;
  /** Arguments only: the span's entity type. */
  entityType?: string;
}

/** A highlighted span of one kind; a `T` used both as nugget and as argument gives two marks. */
export interface HighlightMark {
  /** `T<n>`. */
  spanIndex: string;
  kind: MarkKind;
  /** Clamped to the content. */
  startOffset: number;
  endOffset: number;
  /** The span's stored text. */
  text: string;
  /** False when the content at the offsets is not the stored text (e.g. a span shifted by one). */
  textMatches: boolean;
  /** In document order; several when events share the span. */
  uses: SpanUse[];
  /** The distinct events in `uses`. */
  eventIndices: string[];
  /** 0, 1, 2...: distinct for overlapping marks of the same kind, so their underlines can be stacked. */
  layer: number;
}

export interface HighlightSegment {
  start: number;
  end: number;
  /** Outermost first: earlier start, then later end, then arguments before nuggets. */
  marks: HighlightMark[];
}

export interface HighlightParagraph {
  start: number;
  end: number;
  segments: HighlightSegment[];
}

/** The marks of a document's annotations, one per distinct (kind, T, offsets); empty and out-of-range spans are skipped. */
export function collectHighlightMarks(content: string, hoppers: CasieHopper[]): HighlightMark[] {
  return new HighlightMarks(content).collect(hoppers);
}

/** Whether some mark collectHighlightMarks would give has other text at its offsets than its span stores, without collecting them. */
export function hasMismatchedMarks(content: string, hoppers: readonly CasieHopper[]): boolean {
  return hoppers.some((hopper) =>
    hopper.events.some((event) =>
      [event.nugget, ...event.arguments].some((span) => markRange(content, span) !== null && !textMatches(content, span)),
    ),
  );
}

/** One use of a span by an event, as marks are collected: `key` names the mark it goes to. */
interface MarkEntry {
  key: string;
  span: CasieSpan;
  kind: MarkKind;
  use: SpanUse;
}

/**
 * The marks of a text's annotations (collectHighlightMarks), collected again after each edit at the cost of what
 * changed: an event's uses are kept while the event is the same object (operations copy only what they change),
 * and a mark whose text, uses (equal) and layer are as before is the object it was, so what is drawn from it can be reused.
 */
export class HighlightMarks {
  private readonly entries = new WeakMap<CasieEvent, { hopperIndex: number; entries: MarkEntry[] }>();
  private previous = new Map<string, HighlightMark>();

  constructor(private readonly content: string) {}

  /**
   * `before`: only the marks of spans starting before it, for a text drawn up to there so far (the editor's first
   * screens). Collected again in full later, the marks already given are kept as they were.
   */
  collect(hoppers: CasieHopper[], before = Infinity): HighlightMark[] {
    const groups = new Map<string, MarkEntry[]>();
    for (const hopper of hoppers) {
      for (const event of hopper.events) {
        if (!startsBefore(event, before)) continue;
        for (const entry of this.entriesOf(event, hopper.index)) {
          if (entry.span.startOffset >= before) continue;
          const group = groups.get(entry.key);
          if (group) group.push(entry);
          else groups.set(entry.key, [entry]);
        }
      }
    }
    const kept = new Set<HighlightMark>();
    const list: HighlightMark[] = [];
    for (const [key, group] of groups) {
      const old = this.previous.get(key);
      if (old && old.text === group[0].span.text && sameList(old.uses, group, (use, entry) => sameUse(use, entry.use))) {
        kept.add(old);
        list.push(old);
      } else {
        const mark = newMark(this.content, group);
        if (mark) list.push(mark);
      }
    }
    const layers = new Map([...layersOf(list.filter((m) => m.kind === "nugget")), ...layersOf(list.filter((m) => m.kind === "argument"))]);
    const marks = list.map((mark) => {
      const layer = layers.get(mark)!;
      if (!kept.has(mark)) mark.layer = layer;
      return mark.layer === layer ? mark : { ...mark, layer };
    });
    this.previous = new Map(marks.map((mark) => [`${mark.kind} ${mark.spanIndex} ${mark.startOffset} ${mark.endOffset}`, mark]));
    return marks;
  }

  private entriesOf(event: CasieEvent, hopperIndex: number): MarkEntry[] {
    const cached = this.entries.get(event);
    if (cached && cached.hopperIndex === hopperIndex) return cached.entries;
    const entry = (span: CasieSpan, kind: MarkKind, use: SpanUse): MarkEntry => ({
      key: `${kind} ${span.index} ${span.startOffset} ${span.endOffset}`,
      span,
      kind,
      use,
    });
    const use = { eventIndex: event.index, hopperIndex, eventType: event.type, eventSubtype: event.subtype };
    const entries = [
      entry(event.nugget, "nugget", use),
      ...event.arguments.map((argument) => entry(argument, "argument", { ...use, role: argument.role.type, entityType: argument.entityType })),
    ];
    this.entries.set(event, { hopperIndex, entries });
    return entries;
  }
}

/** Whether some span of `event` starts before `offset`. */
function startsBefore(event: CasieEvent, offset: number): boolean {
  return event.nugget.startOffset < offset || event.arguments.some((argument) => argument.startOffset < offset);
}

/** The mark of a span's uses (`group`, all with the same kind, index and offsets), or null when it is empty or past the content. */
function newMark(content: string, group: readonly MarkEntry[]): HighlightMark | null {
  const { span, kind } = group[0];
  const range = markRange(content, span);
  if (!range) return null;
  const uses = group.map((entry) => entry.use);
  return {
    spanIndex: span.index,
    kind,
    ...range,
    text: span.text,
    textMatches: textMatches(content, span),
    uses,
    eventIndices: [...new Set(uses.map((use) => use.eventIndex))],
    layer: 0,
  };
}

/** A span's offsets clamped to the content, or null when nothing of it is in the content. */
function markRange(content: string, span: CasieSpan): { startOffset: number; endOffset: number } | null {
  const startOffset = Math.max(0, Math.min(span.startOffset, content.length));
  const endOffset = Math.min(span.endOffset, content.length);
  return endOffset <= startOffset ? null : { startOffset, endOffset };
}

function textMatches(content: string, span: CasieSpan): boolean {
  return content.slice(span.startOffset, span.endOffset) === span.text;
}

function sameUse(a: SpanUse, b: SpanUse): boolean {
  return (
    a === b ||
    (a.eventIndex === b.eventIndex &&
      a.hopperIndex === b.hopperIndex &&
      a.eventType === b.eventType &&
      a.eventSubtype === b.eventSubtype &&
      a.role === b.role &&
      a.entityType === b.entityType)
  );
}

function sameList<A, B>(a: readonly A[], b: readonly B[], same: (a: A, b: B) => boolean): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i]));
}

/**
 * The content as paragraphs (split at line breaks; one paragraph when there are
 * none, as in the corpus) of contiguous segments, cut at every mark boundary.
 * O(n log n) in the number of marks, plus the size of the output.
 */
export function highlightParagraphs(content: string, marks: HighlightMark[]): HighlightParagraph[] {
  const paragraphs = paragraphRanges(content).map((range): HighlightParagraph => ({ ...range, segments: [] }));
  const boundarySet = new Set<number>();
  for (const p of paragraphs) boundarySet.add(p.start).add(p.end);
  for (const m of marks) boundarySet.add(m.startOffset).add(m.endOffset);
  const boundaries = Float64Array.from(boundarySet).sort();

  const byStart = [...marks].sort(compareMarks);
  const byEnd = new MinHeap<HighlightMark>((a, b) => a.endOffset - b.endOffset);
  const active: HighlightMark[] = [];
  let nextMark = 0;
  let paragraph = 0;

  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i];
    const end = boundaries[i + 1];
    while (byEnd.size > 0 && byEnd.peek()!.endOffset <= start) {
      active.splice(active.indexOf(byEnd.pop()!), 1);
    }
    while (nextMark < byStart.length && byStart[nextMark].startOffset <= start) {
      const mark = byStart[nextMark++];
      active.splice(insertionIndex(active, mark), 0, mark);
      byEnd.push(mark);
    }
    while (paragraph < paragraphs.length && paragraphs[paragraph].end <= start) paragraph++;
    // Segments between paragraphs are the line breaks themselves: not rendered.
    if (paragraph < paragraphs.length && paragraphs[paragraph].start <= start) {
      paragraphs[paragraph].segments.push({ start, end, marks: active.slice() });
    }
  }
  return paragraphs;
}

/**
 * The segments of `start`–`end` under `marks` (those overlapping it, in any order): cut at every mark boundary
 * inside it, each listing its marks outermost first. For a block of a few sentences: quadratic in its marks.
 */
export function highlightSegments(start: number, end: number, marks: readonly HighlightMark[]): HighlightSegment[] {
  const boundarySet = new Set<number>([start, end]);
  for (const mark of marks) {
    if (mark.startOffset > start && mark.startOffset < end) boundarySet.add(mark.startOffset);
    if (mark.endOffset > start && mark.endOffset < end) boundarySet.add(mark.endOffset);
  }
  const boundaries = Float64Array.from(boundarySet).sort();
  const sorted = [...marks].sort(compareMarks);
  const segments: HighlightSegment[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const from = boundaries[i];
    const to = boundaries[i + 1];
    segments.push({ start: from, end: to, marks: sorted.filter((mark) => mark.startOffset <= from && mark.endOffset >= to) });
  }
  return segments;
}

/** Non-empty stretches of text between line breaks (`\n`, or `\r\n`). */
export function paragraphRanges(content: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const lineBreak = content.indexOf("\n", start);
    const lineEnd = lineBreak === -1 ? content.length : lineBreak;
    const end = lineEnd > start && content[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd;
    if (end > start) ranges.push({ start, end });
    if (lineBreak === -1) return ranges;
    start = lineBreak + 1;
  }
}

/** Render order: outer marks first, nuggets innermost so their fill and weight show on top. */
function compareMarks(a: HighlightMark, b: HighlightMark): number {
  return (
    a.startOffset - b.startOffset ||
    b.endOffset - a.endOffset ||
    (a.kind === b.kind ? 0 : a.kind === "argument" ? -1 : 1) ||
    a.spanIndex.localeCompare(b.spanIndex, "en", { numeric: true })
  );
}

function insertionIndex(sorted: HighlightMark[], mark: HighlightMark): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareMarks(sorted[middle], mark) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Interval partitioning: each mark takes the lowest layer no overlapping mark holds. */
function layersOf(marks: readonly HighlightMark[]): Map<HighlightMark, number> {
  const layerOf = new Map<HighlightMark, number>();
  const busy = new MinHeap<HighlightMark>((a, b) => a.endOffset - b.endOffset);
  const free = new MinHeap<number>((a, b) => a - b);
  let layers = 0;
  for (const mark of [...marks].sort(compareMarks)) {
    while (busy.size > 0 && busy.peek()!.endOffset <= mark.startOffset) free.push(layerOf.get(busy.pop()!)!);
    layerOf.set(mark, free.size > 0 ? free.pop()! : layers++);
    busy.push(mark);
  }
  return layerOf;
}
