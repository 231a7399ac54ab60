import assert from "node:assert/strict";
import { test } from "node:test";
import { maximumWeightAssignment } from "./optimal-assignment";

test("the assignment with the largest total, where taking the largest weight first would not give it", () => {
  assert.deepEqual(
    maximumWeightAssignment([
      [0.9, 0.8],
      [0.7, 0],
    ]),
    [1, 0],
  );
});

test("rectangular matrices: extra rows get no column, extra columns stay unused", () => {
  assert.deepEqual(maximumWeightAssignment([[1], [3], [2]]), [-1, 0, -1]);
  assert.deepEqual(maximumWeightAssignment([[1, 5, 2]]), [1]);
  assert.deepEqual(maximumWeightAssignment([]), []);
});
