import assert from "node:assert/strict";
import { test } from "node:test";
import type { CasieDocument, CasieEvent } from "@/lib/casie/types";
import { createIndexAllocator, nextEventIndex, nextHopperIndex, nextSpanIndex } from "./index-allocation";
import { blankDocument, clinicDocument } from "./test-documents";

function withIndexes(events: string[], spans: string[], hoppers: number[]): CasieDocument {
  const event = (index: string, i: number): CasieEvent => ({
    index,
    type: "Attack",
    subtype: "Ransom",
    realis: "Actual",
    nugget: { index: spans[i] ?? `T${i}x`, startOffset: 0, endOffset: 1, text: "a" },
    arguments: spans
      .slice(events.length)
      .map((index) => ({ index, startOffset: 0, endOffset: 1, text: "a", entityType: "Person", role: { type: "Victim" } })),
  });
  return { content: "a", sourcefile: "a.txt", hoppers: hoppers.map((index, i) => ({ index, events: i === 0 ? events.map(event) : [] })) };
}

test("an empty document starts at E1, T1 and hopper 0", () => {
  const doc = blankDocument("Some text.");
  assert.deepEqual([nextEventIndex(doc), nextSpanIndex(doc), nextHopperIndex(doc)], ["E1", "T1", 0]);
});

test("new indexes continue after the highest in use, leaving gaps alone", () => {
  const doc = clinicDocument();
  // Events E1, E2, E3, E5; spans up to T9 (T9 is a nugget, T8 an argument); hoppers 0, 1, 3.
  assert.deepEqual([nextEventIndex(doc), nextSpanIndex(doc), nextHopperIndex(doc)], ["E6", "T10", 4]);
});

test("arguments count for spans; odd and huge indexes neither collide nor round", () => {
  const doc = withIndexes(["E2", "E10a", "X7", "E007"], ["T1", "T2", "T3", "T4", "T12", "Tx99"], [5, 2]);
  assert.equal(nextEventIndex(doc), "E8");
  assert.equal(nextSpanIndex(doc), "T13");
  assert.equal(nextHopperIndex(doc), 6);
  const huge = withIndexes(["E99999999999999999999"], ["T1"], [0]);
  assert.equal(nextEventIndex(huge), "E100000000000000000000");
});

test("an allocator hands out distinct indexes, and stays clear of reserved ones", () => {
  const allocate = createIndexAllocator(clinicDocument(), { events: ["E20"], spans: ["T15", "odd"], hoppers: [9] });
  assert.deepEqual([allocate.event(), allocate.event()], ["E21", "E22"]);
  assert.deepEqual([allocate.span(), allocate.span()], ["T16", "T17"]);
  assert.deepEqual([allocate.hopper(), allocate.hopper()], [10, 11]);
});

test("allocation is stable: the same document gives the same indexes", () => {
  assert.deepEqual([nextEventIndex(clinicDocument()), nextEventIndex(clinicDocument())], ["E6", "E6"]);
});
