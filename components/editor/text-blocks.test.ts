import assert from "node:assert/strict";
import { test } from "node:test";
import { collectHighlightMarks, highlightParagraphs } from "@/lib/annotation/highlight-segments";
import { clinicDocument } from "@/lib/annotation/test-documents";
import { blockStarts, textBlocks } from "./text-blocks";

const sentence = (n: number) => `Sentence number ${n} says something about an attack on a clinic and its patients. `;

test("long paragraphs are cut after sentence ends, short ones stay whole", () => {
  const content =
    Array.from({ length: 20 }, (_, i) => sentence(i))
      .join("")
      .trim() + "\nA short second paragraph.";
  const starts = blockStarts(content, highlightParagraphs(content, []));
  assert.ok(starts.length > 2);
  for (const start of starts.slice(1, -1)) assert.match(content.slice(start), /^Sentence number \d+/);
  assert.equal(starts.at(-1), content.indexOf("A short"));
});

test("blocks cover the text exactly, a mark cut by a block boundary keeps its span on both sides", () => {
  const content = Array.from({ length: 12 }, (_, i) => sentence(i))
    .join("")
    .trim();
  const cut = blockStarts(content, highlightParagraphs(content, []))[1];
  const crossing = { index: "T1", startOffset: cut - 10, endOffset: cut + 8, text: content.slice(cut - 10, cut + 8) };
  const hoppers = [{ index: 0, events: [{ index: "E1", type: "Attack", subtype: "Databreach", realis: "Actual", nugget: crossing, arguments: [] }] }];
  const blocks = textBlocks(
    highlightParagraphs(content, collectHighlightMarks(content, hoppers)),
    blockStarts(content, highlightParagraphs(content, [])),
  );
  const text = blocks.flatMap((block) => block.segments.map((segment) => content.slice(segment.start, segment.end))).join("");
  assert.equal(text, content);
  const pieces = blocks.flatMap((block) => block.segments.filter((segment) => segment.marks.some((mark) => mark.spanIndex === "T1")));
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
  const { content } = document;
  const starts = blockStarts(content, highlightParagraphs(content, []));
  const render = (hoppers: typeof document.hoppers) => textBlocks(highlightParagraphs(content, collectHighlightMarks(content, hoppers)), starts);
  assert.deepEqual(
    render(document.hoppers).map((b) => b.signature),
    render(document.hoppers).map((b) => b.signature),
  );
  const fewer = document.hoppers.slice(1);
  assert.notDeepEqual(
    render(document.hoppers).map((b) => b.signature),
    render(fewer).map((b) => b.signature),
  );
});
