import assert from "node:assert/strict";
import { test } from "node:test";
import type { AnnotationProblem } from "@/lib/annotation/checks";
import { problemKeys } from "./problem-keys";

const problem = (eventIndex: string, message = `${eventIndex} has no argument`): AnnotationProblem => ({
  code: "event-without-arguments",
  severity: "warning",
  message,
  eventIndex,
});

test("a problem keeps its key when another is added or removed before it", () => {
  const before = [problem("E1"), problem("E3")];
  const after = [problem("E1"), problem("E2"), problem("E3")];
  const [e1, e3] = problemKeys(before);
  const keys = problemKeys(after);
  assert.equal(keys[0], e1);
  assert.equal(keys[2], e3);
  assert.equal(new Set(keys).size, 3);
});

test("problems alike get distinct keys, in list order", () => {
  const keys = problemKeys([problem("E1"), problem("E1"), problem("E1")]);
  assert.equal(new Set(keys).size, 3);
  assert.deepEqual(problemKeys([problem("E1"), problem("E1")]), keys.slice(0, 2));
});
