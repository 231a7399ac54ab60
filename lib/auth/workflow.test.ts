// The workflow's state machine: every move from every status, by every kind of user.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { SetStatus } from "@/generated/prisma/enums";
import { projectPermissions, type Actor } from "./policy";
import { documentStatus, setMove, type SetMove } from "./workflow";

const ann: Actor = { id: "ann", role: "ANNOTATOR" };
const bob: Actor = { id: "bob", role: "ANNOTATOR" };
const reviewer: Actor = { id: "rita", role: "REVIEWER" };
const manager: Actor = { id: "max", role: "ANNOTATOR" };
const admin: Actor = { id: "ada", role: "ADMIN" };
const permissions = (actor: Actor) => projectPermissions(actor, actor === manager ? "MANAGER" : actor.role === "ANNOTATOR" ? "ANNOTATOR" : null);

const annSet = (status: SetStatus) => ({ kind: "ANNOTATOR" as const, annotatorId: "ann", status, assigned: true });
const outcome = (move: SetMove, actor: Actor, status: SetStatus) => {
  const result = setMove(move, actor, permissions(actor), annSet(status));
  return result.allowed ? result.to : "no";
};

test("an annotator edits and submits their own set; a submitted set is read-only to them until reopened", () => {
  assert.equal(outcome("edit", ann, "NEW"), "IN_PROGRESS");
  assert.equal(outcome("edit", ann, "IN_PROGRESS"), "IN_PROGRESS");
  assert.equal(outcome("submit", ann, "IN_PROGRESS"), "SUBMITTED");
  assert.equal(outcome("submit", ann, "NEW"), "SUBMITTED");
  assert.equal(outcome("edit", ann, "SUBMITTED"), "no");
  assert.equal(outcome("submit", ann, "SUBMITTED"), "no");
  assert.equal(outcome("reopen", ann, "SUBMITTED"), "no");
  const refused = setMove("edit", ann, permissions(ann), annSet("SUBMITTED"));
  assert.deepEqual(refused, { allowed: false, why: "You submitted this set: ask a reviewer to reopen it." });
});

test("others: another annotator can do nothing; reviewers and managers reopen; admins edit an open set but not a submitted one", () => {
  for (const move of ["edit", "submit", "reopen"] as const) assert.equal(outcome(move, bob, "IN_PROGRESS"), "no");
  for (const actor of [reviewer, manager]) {
    assert.equal(outcome("reopen", actor, "SUBMITTED"), "IN_PROGRESS");
    assert.equal(outcome("reopen", actor, "IN_PROGRESS"), "no");
    assert.equal(outcome("edit", actor, "IN_PROGRESS"), "no");
    assert.equal(outcome("submit", actor, "IN_PROGRESS"), "no");
  }
  assert.equal(outcome("edit", admin, "IN_PROGRESS"), "IN_PROGRESS");
  assert.equal(outcome("edit", admin, "SUBMITTED"), "no");
  assert.equal(outcome("reopen", admin, "SUBMITTED"), "IN_PROGRESS");
});

test("the gold set is adjudicated by reviewers only", () => {
  const gold = { kind: "GOLD" as const, annotatorId: null, status: "IMPORTED" as const, assigned: false };
  assert.deepEqual(setMove("adjudicate", reviewer, permissions(reviewer), gold), { allowed: true, to: "ADJUDICATED" });
  assert.equal(setMove("adjudicate", ann, permissions(ann), gold).allowed, false);
  assert.equal(setMove("adjudicate", reviewer, permissions(reviewer), annSet("SUBMITTED")).allowed, false);
  assert.equal(setMove("edit", ann, projectPermissions(ann, null), annSet("NEW")).allowed, false, "no longer a member");
});

test("reviewers, managers and admins edit the gold set in every status, which an edit keeps; annotators never; nobody in an archived project", () => {
  const gold = (status: SetStatus) => ({ kind: "GOLD" as const, annotatorId: null, status, assigned: false });
  for (const status of ["NEW", "IMPORTED", "ADJUDICATED"] as const) {
    for (const actor of [reviewer, manager, admin])
      assert.deepEqual(setMove("edit", actor, permissions(actor), gold(status)), { allowed: true, to: status });
    assert.deepEqual(setMove("edit", ann, permissions(ann), gold(status)), {
      allowed: false,
      why: "Only the project's reviewers, managers and administrators edit the gold set.",
    });
  }
  const projectReviewer: Actor = { id: "rob", role: "ANNOTATOR" };
  assert.equal(
    setMove("edit", projectReviewer, projectPermissions(projectReviewer, "REVIEWER"), gold("IMPORTED")).allowed,
    true,
    "a reviewer by membership",
  );
  for (const actor of [reviewer, admin]) {
    const archived = projectPermissions(actor, null, true);
    assert.deepEqual(setMove("edit", actor, archived, gold("IMPORTED")), { allowed: false, why: "The project is archived: it is read-only." });
  }
});

test("withdrawn, an annotator's set is read-only to them and cannot be submitted or reopened; reviewers annotate unassigned", () => {
  const withdrawn = (status: SetStatus) => ({ ...annSet(status), assigned: false });
  assert.deepEqual(setMove("edit", ann, permissions(ann), withdrawn("IN_PROGRESS")), {
    allowed: false,
    why: "This document is no longer assigned to you: your work on it is kept for the reviewers.",
  });
  assert.equal(setMove("submit", ann, permissions(ann), withdrawn("IN_PROGRESS")).allowed, false);
  assert.equal(setMove("reopen", reviewer, permissions(reviewer), withdrawn("SUBMITTED")).allowed, false);
  const ownReviewerSet = { kind: "ANNOTATOR" as const, annotatorId: reviewer.id, status: "NEW" as const, assigned: false };
  assert.deepEqual(setMove("edit", reviewer, permissions(reviewer), ownReviewerSet), { allowed: true, to: "IN_PROGRESS" });
  assert.equal(setMove("submit", reviewer, permissions(reviewer), ownReviewerSet).allowed, false, "only assigned work is submitted");
});

test("a document's status follows from its assignments and sets", () => {
  assert.equal(documentStatus({ assigned: 0, submitted: 0, goldAdjudicated: false }), "unassigned");
  assert.equal(documentStatus({ assigned: 2, submitted: 1, goldAdjudicated: false }), "in-annotation");
  assert.equal(documentStatus({ assigned: 2, submitted: 2, goldAdjudicated: false }), "ready-for-adjudication");
  assert.equal(documentStatus({ assigned: 2, submitted: 0, goldAdjudicated: true }), "adjudicated");
});
