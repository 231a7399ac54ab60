// The workload balancing of "each selected document to N annotators".

import assert from "node:assert/strict";
import { test } from "node:test";
import { planBalancedAssignments, type AnnotatorLoad } from "./balance";

const people = (...loads: [string, number][]): AnnotatorLoad[] => loads.map(([annotatorId, assigned]) => ({ annotatorId, assigned }));
const pairs = (plan: ReturnType<typeof planBalancedAssignments>) =>
  plan.assignments.map(({ documentId, annotatorId }) => `${documentId}:${annotatorId}`);

test("documents go to the annotators with the fewest assignments, ties to the first listed", () => {
  const plan = planBalancedAssignments({
    documentIds: ["d1", "d2", "d3"],
    annotators: people(["ann", 0], ["bob", 0], ["cat", 0]),
    existing: new Map(),
    perDocument: 2,
  });
  assert.deepEqual(pairs(plan), ["d1:ann", "d1:bob", "d2:cat", "d2:ann", "d3:bob", "d3:cat"]);
  assert.deepEqual(plan.shortDocumentIds, []);
});

test("current workload counts: the busiest annotator gets work last", () => {
  const plan = planBalancedAssignments({
    documentIds: ["d1", "d2", "d3", "d4"],
    annotators: people(["ann", 5], ["bob", 2], ["cat", 0]),
    existing: new Map(),
    perDocument: 1,
  });
  assert.deepEqual(pairs(plan), ["d1:cat", "d2:cat", "d3:bob", "d4:cat"]);
});

test("nobody gets a document twice; existing assignments count towards N", () => {
  const plan = planBalancedAssignments({
    documentIds: ["d1", "d2", "d1"],
    annotators: people(["ann", 1], ["bob", 0], ["cat", 3]),
    existing: new Map([
      ["d1", new Set(["bob"])],
      ["d2", new Set(["ann", "bob"])],
    ]),
    perDocument: 2,
  });
  assert.deepEqual(pairs(plan), ["d1:ann"]);
  const all = planBalancedAssignments({ documentIds: ["d1"], annotators: people(["ann", 0], ["bob", 0]), existing: new Map(), perDocument: 2 });
  assert.equal(new Set(pairs(all)).size, all.assignments.length);
});

test("too few annotators: each document gets as many as there are, and is reported short", () => {
  const plan = planBalancedAssignments({
    documentIds: ["d1", "d2"],
    annotators: people(["ann", 0], ["bob", 0]),
    existing: new Map(),
    perDocument: 3,
  });
  assert.deepEqual(pairs(plan), ["d1:ann", "d1:bob", "d2:ann", "d2:bob"]);
  assert.deepEqual(plan.shortDocumentIds, ["d1", "d2"]);
  assert.deepEqual(planBalancedAssignments({ documentIds: ["d1"], annotators: [], existing: new Map(), perDocument: 1 }), {
    assignments: [],
    shortDocumentIds: ["d1"],
  });
});

test("the same input always gives the same plan, and loads end up at most one apart when all start equal", () => {
  const documentIds = Array.from({ length: 100 }, (_, i) => `d${i}`);
  const input = { documentIds, annotators: people(["a", 0], ["b", 0], ["c", 0], ["d", 0], ["e", 0]), existing: new Map(), perDocument: 3 };
  const plan = planBalancedAssignments(input);
  assert.deepEqual(planBalancedAssignments(input), plan);
  const counts = new Map<string, number>();
  for (const { annotatorId } of plan.assignments) counts.set(annotatorId, (counts.get(annotatorId) ?? 0) + 1);
  assert.equal(plan.assignments.length, 300);
  assert.ok(Math.max(...counts.values()) - Math.min(...counts.values()) <= 1);
});
