import assert from "node:assert/strict";
import { test } from "node:test";
import { createLineLocator } from "./text-position";

test("createLineLocator gives 1-based lines and columns", () => {
  const locate = createLineLocator("ab\ncd\n\nef");
  assert.deepEqual(locate(0), { line: 1, column: 1 });
  assert.deepEqual(locate(2), { line: 1, column: 3 });
  assert.deepEqual(locate(3), { line: 2, column: 1 });
  assert.deepEqual(locate(6), { line: 3, column: 1 });
  assert.deepEqual(locate(8), { line: 4, column: 2 });
});
