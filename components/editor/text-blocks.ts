// The editor's text as the article's own paragraphs (one per line break of the
// content, as the document page shows them), each cut into blocks of a few
// sentences. Blocks are inline: they change nothing on screen or in a copied
// selection, but each can be memoized, so an edit re-renders only the blocks
// whose highlights changed, not a whole article of one paragraph. Blocks depend
// on the content only, so they keep their keys while annotations change.

import type { HighlightMark, HighlightParagraph, HighlightSegment } from "@/lib/annotation/highlight-segments";

export interface TextBlock {
  start: number;
  end: number;
  segments: HighlightSegment[];
  /** Changes exactly when the block's rendering does: the memo key. */
  signature: string;
}

/** A paragraph of the content (text between line breaks) and its blocks. */
export interface TextParagraph {
  start: number;
  end: number;
  blocks: TextBlock[];
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

/** Each paragraph's segments regrouped into blocks cut at `starts`; a segment crossing a cut is split in two. */
export function textParagraphs(paragraphs: readonly HighlightParagraph[], starts: readonly number[]): TextParagraph[] {
  let next = 0;
  return paragraphs.map((paragraph) => {
    const blocks: TextBlock[] = [];
    while (next < starts.length && starts[next] < paragraph.start) next++;
    let block = newBlock(paragraph.start);
    for (const segment of paragraph.segments) {
      let piece = segment;
      while (next + 1 < starts.length && starts[next + 1] < paragraph.end && starts[next + 1] < piece.end) {
        const cut = starts[++next];
        if (cut > piece.start) block.segments.push({ ...piece, end: cut });
        blocks.push(finish(block, cut));
        block = newBlock(cut);
        piece = { ...piece, start: Math.max(piece.start, cut) };
      }
      block.segments.push(piece);
    }
    blocks.push(finish(block, paragraph.end));
    next++;
    return { start: paragraph.start, end: paragraph.end, blocks };
  });
}

function newBlock(start: number): TextBlock {
  return { start, end: start, segments: [], signature: "" };
}

function finish(block: TextBlock, end: number): TextBlock {
  block.end = end;
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
