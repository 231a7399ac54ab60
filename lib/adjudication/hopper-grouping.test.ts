import assert from "node:assert/strict";
import { test } from "node:test";
import { groupOf, mergeAll, moveToGroup, splitAll } from "./hopper-grouping";

const grouping = [["a", "b"], ["c"]];

test("moving an event takes it out of its hopper, into another or one of its own; an emptied hopper disappears", () => {
  assert.deepEqual(moveToGroup(grouping, "b", 1), [["a"], ["c", "b"]]);
  assert.deepEqual(moveToGroup(grouping, "b", "own"), [["a"], ["c"], ["b"]]);
  assert.deepEqual(moveToGroup(grouping, "c", 0), [["a", "b", "c"]]);
  assert.deepEqual(moveToGroup(grouping, "c", "own"), [["a", "b"], ["c"]], "alone already: a hopper of its own again");
  assert.deepEqual(moveToGroup(grouping, "a", 0), grouping, "where it is");
  assert.deepEqual(moveToGroup(grouping, "z", 0), grouping, "not in the cluster");
  assert.equal(groupOf(grouping, "c"), 1);
  assert.equal(groupOf(grouping, "z"), -1);
});

test("merging puts every event in one hopper, splitting each in its own", () => {
  assert.deepEqual(mergeAll(grouping), [["a", "b", "c"]]);
  assert.deepEqual(splitAll(grouping), [["a"], ["b"], ["c"]]);
});
