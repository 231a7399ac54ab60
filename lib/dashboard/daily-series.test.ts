import assert from "node:assert/strict";
import { test } from "node:test";
import { dailySeries } from "./daily-series";

test("days without submissions count 0, from the first day to the last", () => {
  assert.deepEqual(dailySeries([]), []);
  assert.deepEqual(
    dailySeries([
      { day: "2026-02-27", count: 3 },
      { day: "2026-03-02", count: 1 },
    ]),
    [
      { day: "2026-02-27", count: 3 },
      { day: "2026-02-28", count: 0 },
      { day: "2026-03-01", count: 0 },
      { day: "2026-03-02", count: 1 },
    ],
  );
});
