import assert from "node:assert/strict";
import { test } from "node:test";
import { ARTICLE } from "@/lib/agreement/test-sets";
import { findDisagreements } from "./disagreements";
import { itemTitle, versionText } from "./item-text";
import { itemMarks, markedSegments } from "./text-marks";
import { ANN, BOB } from "./test-sets";

test("each disagreement and each version reads as words, events named by their nugget", () => {
  const model = findDisagreements([ANN, BOB]);
  assert.deepEqual(
    model.items.map((item) => [itemTitle(item, model.rows, ARTICLE), item.versions.map((_, position) => versionText(item, position, model.rows))]),
    [
      ["Argument “Hackers” of “stole”", ["Attacker (Person)", "Victim (Person)"]],
      ["Nugget span of “paid”", ["“paid”", "“paid a ransom”"]],
      ["Type and subtype of “leaked”", ["Attack / Databreach", "Attack / Ransom"]],
      ["Hopper grouping of “stole”, “leaked”", ["{“stole”, “leaked”}", "{“stole”} {“leaked”}"]],
    ],
  );
});

test("the text is cut at every item's boundaries, each piece naming the items over it", () => {
  assert.deepEqual(
    markedSegments(10, [
      { id: "a", startOffset: 2, endOffset: 6 },
      { id: "b", startOffset: 4, endOffset: 8 },
      { id: "out", startOffset: 8, endOffset: 12 },
    ]),
    [
      { start: 0, end: 2, itemIds: [] },
      { start: 2, end: 4, itemIds: ["a"] },
      { start: 4, end: 6, itemIds: ["a", "b"] },
      { start: 6, end: 8, itemIds: ["b"] },
      { start: 8, end: 10, itemIds: [] },
    ],
  );
  assert.deepEqual(markedSegments(0, []), []);
});

test("a hopper cluster is marked on each of its events, not over the text between them", () => {
  const model = findDisagreements([ANN, BOB]);
  const grouping = model.items.find((item) => item.kind === "hoppers")!;
  assert.deepEqual(
    itemMarks([grouping], model.rows).map((mark) => ARTICLE.slice(mark.startOffset, mark.endOffset)),
    ["stole", "leaked"],
  );
});
