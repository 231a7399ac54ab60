import assert from "node:assert/strict";
import { test } from "node:test";
import { deleteEventOperation } from "@/lib/annotation/editor-commands";
import { applyOperation } from "@/lib/annotation/operation-kinds";
import { clinicDocument } from "@/lib/annotation/test-documents";
import { commentTargetExists, commentTargetsOf, describeCommentTarget, formatCommentTarget, parseCommentTarget } from "./comment-target";

test("targets round-trip through their stored form, and nothing else parses", () => {
  for (const text of [null, "event:E7", "argument:E7:T30", "hopper:0"]) {
    const target = parseCommentTarget(text);
    assert.ok(target, String(text));
    assert.equal(formatCommentTarget(target), text);
  }
  for (const text of ["", "event:7", "event:E7 ", "argument:E7", "hopper:-1", "hopper:x", "span:T1", "event:E1234567890", "__proto__"]) {
    assert.equal(parseCommentTarget(text), null, text);
  }
  assert.equal(describeCommentTarget(parseCommentTarget("argument:E7:T30")!), "E7's argument T30");
});

test("a target exists while the set has it, and not once it is deleted", () => {
  const document = clinicDocument();
  const e1 = parseCommentTarget("event:E1")!;
  const argument = parseCommentTarget("argument:E1:T2")!;
  assert.ok(commentTargetExists(document, e1));
  assert.ok(commentTargetExists(document, argument));
  assert.ok(commentTargetExists(document, parseCommentTarget("hopper:3")!));
  assert.ok(!commentTargetExists(document, parseCommentTarget("hopper:2")!));
  assert.ok(!commentTargetExists(document, parseCommentTarget("argument:E1:T5")!));
  const deleted = applyOperation(document, deleteEventOperation(document, "E1"));
  assert.ok(!commentTargetExists(deleted, e1));
  assert.ok(!commentTargetExists(deleted, argument));
});

test("the targets a set has are exactly those that exist in it, each once", () => {
  const document = clinicDocument();
  const targets = commentTargetsOf(document);
  assert.equal(new Set(targets).size, targets.length);
  for (const text of targets) assert.ok(commentTargetExists(document, parseCommentTarget(text)!), text);
  const events = document.hoppers.flatMap((hopper) => hopper.events);
  const argumentCount = events.reduce((sum, event) => sum + event.arguments.length, 0);
  assert.equal(targets.length, document.hoppers.length + events.length + argumentCount);
  assert.ok(targets.includes("argument:E1:T2") && targets.includes("hopper:3"));
  assert.ok(!commentTargetsOf(applyOperation(document, deleteEventOperation(document, "E1"))).includes("event:E1"));
});
