// Which of a document's annotation sets the document page may show to whom.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openAnnotatorSet } from "@/lib/annotation-sets/open-annotator-set";
import { closeTestWorld, createTestWorld, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { visibleDocumentSets } from "./document-sets";

let world: TestWorld;

before(async () => {
  world = await createTestWorld();
  // Ann and Bob both annotate the document that came with a gold set.
  await openAnnotatorSet(world.ann, world.goldDocumentId);
  await openAnnotatorSet(world.bob, world.goldDocumentId);
});
after(() => closeTestWorld(world));

const listed = async (user: TestWorld["ann"]) =>
  (await visibleDocumentSets(user, world.goldDocumentId)).map((set) => (set.kind === "GOLD" ? "gold" : set.annotatorName));

test("an annotator sees only their own set: never the gold set, never another annotator's", async () => {
  assert.deepEqual(await listed(world.ann), ["ann"]);
  assert.deepEqual(await listed(world.bob), ["bob"]);
});

test("reviewers and admins see the gold set first, then the annotators' sets", async () => {
  assert.deepEqual(await listed(world.reviewer), ["gold", "ann", "bob"]);
  assert.deepEqual(await listed(world.admin), ["gold", "ann", "bob"]);
});

test("someone outside the project, or a document that does not exist, gets nothing", async () => {
  assert.deepEqual(await listed(world.outsider), []);
  assert.deepEqual(await visibleDocumentSets(world.reviewer, "not-an-id"), []);
  assert.deepEqual(await visibleDocumentSets(world.reviewer, "00000000-0000-4000-8000-000000000000"), []);
});
