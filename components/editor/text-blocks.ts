// The editor's text as blocks of a few sentences. Corpus content has no line
// breaks (a whole article is one paragraph), which is hard to read and would make
// every edit re-render the whole text; cutting long paragraphs after sentence
// ends gives readable blocks that can each be memoized. Blocks depend on the
// content only, so they keep their keys while annotations change.

import type { HighlightMark, HighlightParagraph, HighlightSegment } from "@/lib/annotation/highlight-segments";

export interface TextBlock {
  start: number;
  end: number;
  /** Ends a paragraph of the content (a line break follows), not just a run of sentences. */
  paragraphEnd: boolean;
  segments: HighlightSegment[];
  /** Changes exactly when the block's rendering does: the memo key. */
  signature: string;
}

const MIN_BLOCK_LENGTH = 400;
/** A sentence end: punctuation, closing quotes or brackets, white space, then what can start a sentence. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘([]?[A-Z0-9])/g;

/** Where blocks start inside each paragraph: every sentence end at least MIN_BLOCK_LENGTH after the previous cut. */
export function blockStarts(content: string, paragraphs: readonly { start: number; end: number }[]): number[] {
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

/** The paragraphs' segments regrouped into blocks cut at `starts`; a segment crossing a cut is split in two. */
export function textBlocks(paragraphs: readonly HighlightParagraph[], starts: readonly number[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let next = 0;
  for (const paragraph of paragraphs) {
    while (next < starts.length && starts[next] < paragraph.start) next++;
    let block = newBlock(paragraph.start);
    for (const segment of paragraph.segments) {
      let piece = segment;
      while (next + 1 < starts.length && starts[next + 1] < paragraph.end && starts[next + 1] < piece.end) {
        const cut = starts[++next];
        if (cut > piece.start) block.segments.push({ ...piece, end: cut });
        blocks.push(finish(block, cut, false));
        block = newBlock(cut);
        piece = { ...piece, start: Math.max(piece.start, cut) };
      }
      block.segments.push(piece);
    }
    blocks.push(finish(block, paragraph.end, true));
    next++;
  }
  return blocks;
}

function newBlock(start: number): TextBlock {
  return { start, end: start, paragraphEnd: false, segments: [], signature: "" };
}

function finish(block: TextBlock, end: number, paragraphEnd: boolean): TextBlock {
  block.end = end;
  block.paragraphEnd = paragraphEnd;
  block.signature = block.segments.map(segmentSignature).join("|");
  return block;
}

function segmentSignature(segment: HighlightSegment): string {
  return `${segment.start}-${segment.end}${segment.marks.map(markSignature).join("")}`;
}

const markSignatures = new WeakMap<HighlightMark, string>();

/** Everything a mark's element shows: kind, span, layer, mismatch, and what each event uses it as. */
function markSignature(mark: HighlightMark): string {
  let signature = markSignatures.get(mark);
  if (signature === undefined) {
    const uses = mark.uses.map((use) => `${use.eventIndex}/${use.eventType}/${use.eventSubtype}/${use.role ?? ""}/${use.entityType ?? ""}`);
    signature = `[${mark.kind} ${mark.spanIndex} ${mark.startOffset}-${mark.endOffset} ${mark.layer}${mark.textMatches ? "" : "!"} ${uses.join(",")}]`;
    markSignatures.set(mark, signature);
  }
  return signature;
}
