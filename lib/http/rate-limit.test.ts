import assert from "node:assert/strict";
import { test } from "node:test";
import { tokenBucket } from "./rate-limit";

test("a burst up to the capacity passes, then requests pass at the rate, each account on its own", () => {
  let now = 0;
  const limit = tokenBucket({ capacity: 3, perSecond: 2 }, () => now);
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limit.take("ann")),
    [0, 0, 0, 0.5],
  );
  assert.equal(limit.take("bob"), 0, "another account has its own bucket");
  now = 500;
  assert.equal(limit.take("ann"), 0, "half a second later, one more");
  assert.equal(limit.take("ann"), 0.5);
  now = 10_000;
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limit.take("ann")),
    [0, 0, 0, 0.5],
    "never more than the capacity saved up",
  );
});
