import assert from "node:assert/strict";
import { test } from "node:test";
import { collectHighlightMarks, highlightParagraphs } from "@/lib/annotation/highlight-segments";
import { clinicDocument } from "@/lib/annotation/test-documents";
import { blockStarts, textParagraphs } from "./text-blocks";

const sentence = (n: number) => `Sentence number ${n} says something about an attack on a clinic and its patients. `;

function layout(content: string, hoppers: Parameters<typeof collectHighlightMarks>[1] = []) {
  return textParagraphs(
    highlightParagraphs(content, collectHighlightMarks(content, hoppers)),
    blockStarts(content, highlightParagraphs(content, [])),
  );
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

test("a block's signature changes with its highlights and only then", () => {
  const document = clinicDocument();
  const signatures = (hoppers: typeof document.hoppers) => layout(document.content, hoppers).flatMap((p) => p.blocks.map((b) => b.signature));
  assert.deepEqual(signatures(document.hoppers), signatures(document.hoppers));
  assert.notDeepEqual(signatures(document.hoppers), signatures(document.hoppers.slice(1)));
});
