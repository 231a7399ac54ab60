import assert from "node:assert/strict";
import { test } from "node:test";
import type { CasieEvent, CasieSpan } from "@/lib/casie/types";
import { EAGER_CHARACTERS } from "./drawn-blocks";
import { TextHighlights } from "./text-highlights";

const content = Array.from({ length: 150 }, (_, i) => `Sentence number ${i} says something about an attack on a clinic and its patients. `)
  .join("")
  .trim();

function span(index: string, startOffset: number, length = 8): CasieSpan {
  return { index, startOffset, endOffset: startOffset + length, text: content.slice(startOffset, startOffset + length) };
}

/** One event per 1,000 characters: its nugget there, and an argument 20 characters on. */
function hoppers() {
  const events: CasieEvent[] = [];
  for (let at = 100, i = 1; at < content.length - 100; at += 1000, i++) {
    events.push({
      index: `E${i}`,
      type: "Attack",
      subtype: "Databreach",
      realis: "Actual",
      nugget: span(`T${2 * i}`, at),
      arguments: [{ ...span(`T${2 * i + 1}`, at + 20), entityType: "Organization", role: { type: "Victim" } }],
    });
  }
  return [{ index: 0, events }];
}

const blocks = (paragraphs: ReturnType<TextHighlights["paragraphs"]>) => paragraphs.flatMap((paragraph) => paragraph.blocks);

test("eager only, the blocks drawn from the start have their highlights and the others none, until the rest are collected", () => {
  const highlights = new TextHighlights(content);
  const annotations = hoppers();
  const eager = blocks(highlights.paragraphs(annotations, { eagerOnly: true }));
  const firstFar = eager.findIndex((block) => block.start >= EAGER_CHARACTERS);
  assert.ok(firstFar > 0 && firstFar < eager.length - 1, "the text has eager and far blocks");
  assert.ok(eager.slice(0, firstFar).some((block) => block.marks.length > 0));
  assert.ok(eager.slice(0, firstFar).at(-1)!.end > EAGER_CHARACTERS, "the last eager block runs past the eager characters");
  assert.deepEqual(
    eager.slice(firstFar).map((block) => block.marks.length),
    eager.slice(firstFar).map(() => 0),
  );
  const far = annotations[0].events.find((event) => event.nugget.startOffset >= eager[firstFar].start)!.nugget;
  assert.equal(highlights.mark(far.index, "nugget"), undefined);

  const all = blocks(highlights.paragraphs(annotations));
  assert.deepEqual(all.slice(0, firstFar), eager.slice(0, firstFar), "the eager blocks are the same objects");
  assert.equal(all.flatMap((block) => block.marks).filter((mark) => mark.kind === "nugget").length, annotations[0].events.length);
  assert.equal(highlights.mark(far.index, "nugget")!.startOffset, far.startOffset);
});

test("a call that changes nothing gives the same paragraphs, so nothing laid out against them runs again", () => {
  const highlights = new TextHighlights(content);
  const annotations = hoppers();
  const first = highlights.paragraphs(annotations);
  assert.equal(highlights.paragraphs(annotations), first);
  assert.equal(highlights.paragraphs([{ ...annotations[0], events: [...annotations[0].events] }]), first);
});

test("a short text is drawn whole from the start: eager only gives all its highlights", () => {
  const short = content.slice(0, 1500);
  const highlights = new TextHighlights(short);
  const annotations = [{ index: 0, events: hoppers()[0].events.slice(0, 2) }];
  const eager = highlights.paragraphs(annotations, { eagerOnly: true });
  assert.equal(blocks(eager).flatMap((block) => block.marks).length, 4);
  assert.equal(highlights.paragraphs(annotations), eager);
});
