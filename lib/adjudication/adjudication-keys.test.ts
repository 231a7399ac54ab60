import assert from "node:assert/strict";
import { test } from "node:test";
import { adjudicationCommand, nextUndecided } from "./adjudication-keys";

const press = (key: string, modifiers: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

test("digits accept an annotator's version, R rejects, G regroups, U undoes, N and Shift+N go through the undecided; chords are the browser's", () => {
  assert.deepEqual(adjudicationCommand(press("1")), { kind: "accept", annotator: 0 });
  assert.deepEqual(adjudicationCommand(press("9")), { kind: "accept", annotator: 8 });
  assert.equal(adjudicationCommand(press("0")), null);
  assert.deepEqual(adjudicationCommand(press("r")), { kind: "reject" });
  assert.deepEqual(adjudicationCommand(press("g")), { kind: "regroup" });
  assert.deepEqual(adjudicationCommand(press("U", { shiftKey: true })), { kind: "undo" });
  assert.deepEqual(adjudicationCommand(press("n")), { kind: "next" });
  assert.deepEqual(adjudicationCommand(press("N", { shiftKey: true })), { kind: "previous" });
  assert.equal(adjudicationCommand(press("r", { ctrlKey: true })), null);
  assert.equal(adjudicationCommand(press("1", { metaKey: true })), null);
});

test("next and previous undecided go round, and stop when everything is decided", () => {
  const undecided = [true, false, true, false];
  assert.equal(nextUndecided(undecided, 0, 1), 2);
  assert.equal(nextUndecided(undecided, 2, 1), 0);
  assert.equal(nextUndecided(undecided, 0, -1), 2);
  assert.equal(nextUndecided(undecided, 1, -1), 0);
  assert.equal(nextUndecided([false, false], 0, 1), null);
  assert.equal(nextUndecided([], 0, 1), null);
});
