// The editor's text as the article's own paragraphs (one per line break of the
// content, as the document page shows them), each cut into blocks of a few
// sentences. Blocks are inline: they change nothing on screen or in a copied
// selection, but each is computed and rendered on its own, so an edit costs
// what it changes: a block whose marks are the same objects as before (see
// HighlightMarks in lib/annotation/highlight-segments.ts) is reused as it was,
// and React skips it. Blocks depend on the content only, so they keep their
// keys while annotations change.

import { highlightSegments, type HighlightMark, type HighlightSegment } from "@/lib/annotation/highlight-segments";

export interface TextBlock {
  start: number;
  end: number;
  /** The marks overlapping the block, in the order they were given: the same objects, the same block. */
  marks: readonly HighlightMark[];
  /** Cut when first read: a far block not drawn yet (drawn-blocks.ts) costs no segmenting. */
  readonly segments: HighlightSegment[];
}

/** A paragraph of the content (text between line breaks) and its blocks. */
export interface TextParagraph {
  start: number;
  end: number;
  blocks: TextBlock[];
}

interface Range {
  start: number;
  end: number;
}

const MIN_BLOCK_LENGTH = 400;
/** A sentence end: punctuation, closing quotes or brackets, white space, then what can start a sentence. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘([]?[A-Z0-9])/g;

/** Where blocks start inside each paragraph: every sentence end at least MIN_BLOCK_LENGTH after the previous cut. */
export function blockStarts(content: string, paragraphs: readonly Range[]): number[] {
  const starts: number[] = [];
  for (const paragraph of paragraphs) {
    starts.push(paragraph.start);
    let last = paragraph.start;
    const text = content.slice(paragraph.start, paragraph.end);
    for (const match of text.matchAll(SENTENCE_END)) {
      const cut = paragraph.start + match.index + match[0].length;
      if (cut - last >= MIN_BLOCK_LENGTH && paragraph.end - cut >= MIN_BLOCK_LENGTH / 4) {
        starts.push(cut);
        last = cut;
      }
    }
  }
  return starts;
}

/**
 * The paragraphs, cut into blocks at `starts`, with the segments of `marks` in each. A block of `previous` whose
 * marks are the same objects is reused, and so is a paragraph all of whose blocks are, and `previous` itself when
 * all its paragraphs are: only blocks an edit touched are segmented again, and an edit that touched none changes nothing.
 */
export function textParagraphs(
  paragraphs: readonly Range[],
  starts: readonly number[],
  marks: readonly HighlightMark[],
  previous: TextParagraph[] = [],
): TextParagraph[] {
  const ranges: Range[] = [];
  const firstBlock: number[] = [];
  let next = 0;
  for (const paragraph of paragraphs) {
    while (next < starts.length && starts[next] < paragraph.start) next++;
    firstBlock.push(ranges.length);
    let start = paragraph.start;
    while (++next < starts.length && starts[next] < paragraph.end) {
      ranges.push({ start, end: starts[next] });
      start = starts[next];
    }
    ranges.push({ start, end: paragraph.end });
  }
  firstBlock.push(ranges.length);

  // Each mark goes to every block it overlaps (a block search, then its neighbours).
  const blockMarks: HighlightMark[][] = ranges.map(() => []);
  for (const mark of marks) {
    for (let i = firstEndingAfter(ranges, mark.startOffset); i < ranges.length && ranges[i].start < mark.endOffset; i++) blockMarks[i].push(mark);
  }

  const before = new Map<number, TextBlock>();
  for (const paragraph of previous) for (const block of paragraph.blocks) before.set(block.start, block);
  const previousParagraphs = new Map(previous.map((paragraph) => [paragraph.start, paragraph]));
  const laidOut = paragraphs.map((paragraph, p) => {
    let reused = true;
    const blocks = ranges.slice(firstBlock[p], firstBlock[p + 1]).map((range, i) => {
      const own = blockMarks[firstBlock[p] + i];
      const old = before.get(range.start);
      if (old && old.end === range.end && sameList(old.marks, own)) return old;
      reused = false;
      return newBlock(range, own);
    });
    const old = previousParagraphs.get(paragraph.start);
    if (reused && old && old.end === paragraph.end && old.blocks.length === blocks.length) return old;
    return { start: paragraph.start, end: paragraph.end, blocks };
  });
  return sameList(laidOut, previous) ? previous : laidOut;
}

function newBlock({ start, end }: Range, marks: HighlightMark[]): TextBlock {
  let segments: HighlightSegment[] | undefined;
  return {
    start,
    end,
    marks,
    get segments() {
      return (segments ??= highlightSegments(start, end, marks));
    },
  };
}

/** The first range ending after `offset` (ranges sorted, not overlapping). */
function firstEndingAfter(ranges: readonly Range[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle].end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
