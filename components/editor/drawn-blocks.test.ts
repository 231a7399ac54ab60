import assert from "node:assert/strict";
import { test } from "node:test";
import { paragraphRanges } from "@/lib/annotation/highlight-segments";
import { blockAt, EAGER_CHARACTERS, EAGER_ONLY, isDrawn, undrawnStarts, withDrawn } from "./drawn-blocks";
import { blockStarts, textParagraphs } from "./text-blocks";

const sentence = (n: number) => `Sentence number ${n} says something about an attack on a clinic and its patients. `;
/** Two paragraphs of about 3 × EAGER_CHARACTERS each, cut into blocks. */
const content = [1, 2]
  .map((p) =>
    Array.from({ length: 150 }, (_, i) => sentence(p * 1000 + i))
      .join("")
      .trim(),
  )
  .join("\n");
const ranges = paragraphRanges(content);
const paragraphs = textParagraphs(ranges, blockStarts(content, ranges), []);
const starts = paragraphs.flatMap((paragraph) => paragraph.blocks.map((block) => block.start));

test("the blocks within the first characters are drawn from the start, the others once drawn", () => {
  const far = starts.filter((start) => start >= EAGER_CHARACTERS);
  assert.ok(far.length > 10 && far.length < starts.length);
  assert.deepEqual(undrawnStarts(paragraphs, EAGER_ONLY), far);
  assert.ok(starts.filter((start) => start < EAGER_CHARACTERS).every((start) => isDrawn(EAGER_ONLY, start)));

  const some = withDrawn(paragraphs, EAGER_ONLY, [far[3], far[0]]);
  assert.ok(isDrawn(some, far[0]) && isDrawn(some, far[3]) && !isDrawn(some, far[1]));
  assert.deepEqual(
    undrawnStarts(paragraphs, some),
    far.filter((_, i) => i !== 0 && i !== 3),
  );
  assert.equal(withDrawn(paragraphs, some, [far[0], starts[0]]), some, "nothing new: the same value");
  assert.equal(withDrawn(paragraphs, some, far), "all");
  assert.deepEqual(undrawnStarts(paragraphs, "all"), []);
});

test("the block holding an offset", () => {
  const [, second] = paragraphs;
  const block = second.blocks[2];
  assert.equal(blockAt(paragraphs, block.start), block.start);
  assert.equal(blockAt(paragraphs, block.end - 1), block.start);
  assert.equal(blockAt(paragraphs, content.indexOf("\n")), null, "a line break is in no block");
  assert.equal(blockAt(paragraphs, content.length), null);
});
