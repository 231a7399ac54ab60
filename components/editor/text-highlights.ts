// The editor text's highlights, kept from one edit to the next: each edit
// collects the marks of the events it changed again (HighlightMarks), keeps the
// unchanged ones as the same objects, and re-segments only the blocks whose
// marks changed (text-blocks.ts). Pure: no React.

import { HighlightMarks, paragraphRanges, type HighlightMark } from "@/lib/annotation/highlight-segments";
import type { CasieHopper } from "@/lib/casie/types";
import { EAGER_CHARACTERS } from "./drawn-blocks";
import { blockStarts, textParagraphs, type TextParagraph } from "./text-blocks";

export class TextHighlights {
  private readonly ranges: { start: number; end: number }[];
  private readonly starts: number[];
  /** Where the blocks drawn from the start end (drawn-blocks.ts): the first block start past EAGER_CHARACTERS. */
  private readonly eagerEnd: number;
  private readonly collected: HighlightMarks;
  private marks: HighlightMark[] = [];
  private last: TextParagraph[] = [];

  constructor(content: string) {
    this.ranges = paragraphRanges(content);
    this.starts = blockStarts(content, this.ranges);
    this.eagerEnd = this.starts.find((start) => start >= EAGER_CHARACTERS) ?? Infinity;
    this.collected = new HighlightMarks(content);
  }

  /**
   * The paragraphs with `hoppers`' highlights; blocks and paragraphs the change since the last call left alone are the
   * same objects, and so is the list when it left them all alone. `eagerOnly`: the highlights of the blocks drawn from
   * the start only, as the editor hydrates a long text; the others have none until a call without it.
   */
  paragraphs(hoppers: CasieHopper[], { eagerOnly = false } = {}): TextParagraph[] {
    this.marks = this.collected.collect(hoppers, eagerOnly ? this.eagerEnd : Infinity);
    this.last = textParagraphs(this.ranges, this.starts, this.marks, this.last);
    return this.last;
  }

  /** The mark of span `spanIndex` as a `kind`, as of the last call to `paragraphs`. */
  mark(spanIndex: string, kind: string): HighlightMark | undefined {
    return this.marks.find((mark) => mark.spanIndex === spanIndex && mark.kind === kind);
  }
}
