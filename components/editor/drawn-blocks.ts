// Which blocks of the editor's text are drawn with their highlights. A long
// text's far blocks first show their characters only (one `data-offset`
// element each, so selection, find and offsets work on them as on any other):
// the server renders and the browser hydrates a few screens of marks, not
// thousands. Once the editor is ready the rest are drawn, those near the
// viewport first (use-drawn-blocks.ts). Pure: no React.

import type { TextParagraph } from "./text-blocks";

/** Drawn from the start: the blocks starting within this many characters (a few screens; all of a typical article). */
export const EAGER_CHARACTERS = 4000;

/** Every block, or the starts of those drawn beyond the eager ones. */
export type DrawnBlocks = "all" | ReadonlySet<number>;

export const EAGER_ONLY: DrawnBlocks = new Set<number>();

export function isDrawn(drawn: DrawnBlocks, start: number): boolean {
  return drawn === "all" || start < EAGER_CHARACTERS || drawn.has(start);
}

/** The starts of the blocks not drawn yet, in text order. */
export function undrawnStarts(paragraphs: readonly TextParagraph[], drawn: DrawnBlocks): number[] {
  if (drawn === "all") return [];
  return paragraphs.flatMap((paragraph) => paragraph.blocks.filter((block) => !isDrawn(drawn, block.start)).map((block) => block.start));
}

/** `drawn` with the blocks starting at `starts` drawn too; "all" once none is left. */
export function withDrawn(paragraphs: readonly TextParagraph[], drawn: DrawnBlocks, starts: readonly number[]): DrawnBlocks {
  if (drawn === "all") return drawn;
  const next = new Set(drawn);
  for (const start of starts) if (start >= EAGER_CHARACTERS) next.add(start);
  if (next.size === drawn.size) return drawn;
  return undrawnStarts(paragraphs, next).length === 0 ? "all" : next;
}

/** The start of the block holding `offset`, if any. */
export function blockAt(paragraphs: readonly TextParagraph[], offset: number): number | null {
  for (const paragraph of paragraphs) {
    if (offset < paragraph.start || offset >= paragraph.end) continue;
    for (const block of paragraph.blocks) if (offset >= block.start && offset < block.end) return block.start;
  }
  return null;
}
