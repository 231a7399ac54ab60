import assert from "node:assert/strict";
import { test } from "node:test";
import { collectHighlightMarks, HighlightMarks, highlightParagraphs, paragraphRanges } from "@/lib/annotation/highlight-segments";
import { blockStarts, textParagraphs } from "./text-blocks";

const sentence = (n: number) => `Sentence number ${n} says something about an attack on a clinic and its patients. `;

/** `marks`: those of the layout `previous` was, to keep the marks an edit left alone. */
function layout(
  content: string,
  hoppers: Parameters<typeof collectHighlightMarks>[1] = [],
  previous?: ReturnType<typeof textParagraphs>,
  marks = new HighlightMarks(content),
) {
  const paragraphs = paragraphRanges(content);
  return textParagraphs(paragraphs, blockStarts(content, paragraphs), marks.collect(hoppers), previous);
}

test("paragraphs are the content's own, between its line breaks; an article without line breaks is one paragraph", () => {
  const article = Array.from({ length: 20 }, (_, i) => sentence(i))
    .join("")
    .trim();
  assert.deepEqual(
    layout(article).map(({ start, end }) => [start, end]),
    [[0, article.length]],
  );
  const twoParagraphs = `${article}\nA short second paragraph.\r\nA third.`;
  assert.deepEqual(
    layout(twoParagraphs).map(({ start, end }) => twoParagraphs.slice(start, end).slice(0, 12)),
    ["Sentence num", "A short seco", "A third."],
  );
});

test("long paragraphs are cut into blocks after sentence ends, short ones stay one block", () => {
  const content =
    Array.from({ length: 20 }, (_, i) => sentence(i))
      .join("")
      .trim() + "\nA short second paragraph.";
  const [first, second] = layout(content);
  assert.ok(first.blocks.length > 2);
  for (const block of first.blocks.slice(1)) assert.match(content.slice(block.start), /^Sentence number \d+/);
  assert.deepEqual(
    second.blocks.map((block) => content.slice(block.start, block.end)),
    ["A short second paragraph."],
  );
});

test("blocks cover their paragraph exactly, a mark cut by a block boundary keeps its span on both sides", () => {
  const content = Array.from({ length: 12 }, (_, i) => sentence(i))
    .join("")
    .trim();
  const cut = blockStarts(content, highlightParagraphs(content, []))[1];
  const crossing = { index: "T1", startOffset: cut - 10, endOffset: cut + 8, text: content.slice(cut - 10, cut + 8) };
  const hoppers = [{ index: 0, events: [{ index: "E1", type: "Attack", subtype: "Databreach", realis: "Actual", nugget: crossing, arguments: [] }] }];
  const [paragraph] = layout(content, hoppers);
  const text = paragraph.blocks.flatMap((block) => block.segments.map((segment) => content.slice(segment.start, segment.end))).join("");
  assert.equal(text, content);
  const pieces = paragraph.blocks.flatMap((block) => block.segments.filter((segment) => segment.marks.some((mark) => mark.spanIndex === "T1")));
  assert.deepEqual(
    pieces.map((piece) => [piece.start, piece.end]),
    [
      [cut - 10, cut],
      [cut, cut + 8],
    ],
  );
});

test("an edit gives new blocks only where highlights changed; the others are the same objects", () => {
  const content = Array.from({ length: 30 }, (_, i) => sentence(i))
    .join("")
    .trim();
  const span = (n: number) => {
    const start = content.indexOf(`number ${n} `);
    return { index: `T${n}`, startOffset: start, endOffset: start + 6, text: "number" };
  };
  const event = (n: number, type = "Attack") => ({ index: `E${n}`, type, subtype: "Databreach", realis: "Actual", nugget: span(n), arguments: [] });
  const hoppers = [0, 10].map((n) => ({ index: n, events: [event(n)] }));
  const marks = new HighlightMarks(content);
  const first = layout(content, hoppers, undefined, marks);
  assert.ok(first[0].blocks.length > 2);
  assert.equal(layout(content, hoppers, first, marks)[0], first[0], "nothing changed: the same paragraph");

  const changed = [hoppers[0], { index: 10, events: [event(10, "Vulnerability")] }];
  const second = layout(content, changed, first, marks);
  const [firstBlocks, secondBlocks] = [first[0].blocks, second[0].blocks];
  const touched = secondBlocks.filter((block, i) => block !== firstBlocks[i]);
  assert.equal(touched.length, 1);
  assert.ok(touched[0].start <= span(10).startOffset && span(10).endOffset <= touched[0].end);
  assert.deepEqual(
    touched[0].segments.flatMap((segment) => segment.marks.map((mark) => mark.uses[0].eventType)),
    ["Vulnerability"],
  );
  // The segments are those of the whole text's highlighting, cut at block boundaries.
  const whole = highlightParagraphs(content, collectHighlightMarks(content, changed))[0].segments.filter((segment) => segment.marks.length);
  const pieces = secondBlocks.flatMap((block) => block.segments.filter((segment) => segment.marks.length));
  assert.deepEqual(
    pieces.map((segment) => [segment.start, segment.end, segment.marks.map((mark) => mark.spanIndex)]),
    whole.map((segment) => [segment.start, segment.end, segment.marks.map((mark) => mark.spanIndex)]),
  );
});

test("laid out again with nothing changed, the paragraphs are the previous list itself", () => {
  const content = Array.from({ length: 12 }, (_, i) => sentence(i))
    .join("")
    .trim();
  const marks = new HighlightMarks(content);
  const first = layout(content, [], undefined, marks);
  assert.equal(layout(content, [], first, marks), first);
});
