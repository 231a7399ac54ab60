import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ANN, BOB, offsetsOf } from "@/lib/adjudication/test-sets";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { assignTestDocument, closeTestWorld, createTestWorld, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { db } from "@/lib/db/client";
import { createDocument } from "@/lib/documents/store";
import { decide, openAdjudication, type AdjudicationResult, type DocumentAdjudication } from "./adjudication-store";

const key = offsetsOf;
const ROLE = `argument:${key("stole")}:${key("Hackers")}`;
const SPAN = `span:${key("paid")}+${key("paid a ransom")}`;
const SUBTYPE = `subtype:${key("leaked")}`;
const GROUPING = `hoppers:${key("stole")},${key("leaked")}`;

let world: TestWorld;
let documentId: string;

before(async () => {
  world = await createTestWorld();
  documentId = await createDocument({
    projectId: world.projectId,
    name: "made-up",
    casie: ANN.document,
    warnings: [],
    withGoldSet: false,
    replace: false,
  });
  for (const [user, set] of [
    [world.ann, ANN],
    [world.bob, BOB],
  ] as const) {
    await assignTestDocument(documentId, user);
    await importIntoEmptySet((await openAnnotatorSet(user, documentId))!.setId, set.document, null);
  }
});
after(() => closeTestWorld(world));

function adjudicationOf(result: AdjudicationResult): DocumentAdjudication {
  assert.ok(result.ok, result.ok ? "" : result.message);
  return result.adjudication;
}

const goldHoppers = (adjudication: DocumentAdjudication) =>
  adjudication.gold.hoppers.map((hopper) => hopper.events.map((event) => event.nugget.text));

test("annotators and people outside the project learn nothing of the adjudication", async () => {
  for (const user of [world.ann, world.bob, world.outsider]) {
    assert.deepEqual(await openAdjudication(user, documentId), { ok: false, reason: "not-found", message: "No such document." });
    const decided = await decide(user, documentId, { action: "reject", itemId: ROLE });
    assert.equal(decided.ok || decided.reason, "not-found");
  }
  assert.equal(await db().annotationSet.count({ where: { documentId, kind: "GOLD" } }), 0, "nothing was created for them");
});

test("a reviewer sees exactly the disagreements, over a gold started with what the annotators agree on", async () => {
  const opened = adjudicationOf(await openAdjudication(world.reviewer, documentId));
  assert.deepEqual(
    opened.state.items.map((item) => item.id),
    [ROLE, SPAN, SUBTYPE, GROUPING],
  );
  assert.equal(opened.state.undecided, 4);
  assert.deepEqual(goldHoppers(opened), [["stole"]]);
  assert.deepEqual(
    opened.state.annotators.map((annotator) => annotator.name),
    ["ann", "bob"],
  );
  const again = adjudicationOf(await openAdjudication(world.admin, documentId));
  assert.equal(again.goldVersion, opened.goldVersion, "the agreed part is written once");
});

test("two reviewers deciding different items at once both keep their decision, in the gold and in the record", async () => {
  const [results] = await Promise.all([
    Promise.all([
      decide(world.reviewer, documentId, { action: "accept", itemId: SPAN, annotatorId: world.bob.id }),
      decide(world.admin, documentId, { action: "accept", itemId: SUBTYPE, annotatorId: world.ann.id }),
      decide(world.reviewer, documentId, { action: "accept", itemId: ROLE, annotatorId: world.bob.id }),
    ]),
  ]);
  for (const result of results) adjudicationOf(result);
  const now = adjudicationOf(await openAdjudication(world.reviewer, documentId));
  const byId = new Map(now.state.items.map((item) => [item.id, item]));
  assert.deepEqual(
    [SPAN, SUBTYPE, ROLE].map((id) => [byId.get(id)!.decision?.decision, byId.get(id)!.goldVersion]),
    [
      ["accepted", 1],
      ["accepted", 0],
      ["accepted", 1],
    ],
  );
  assert.equal(byId.get(SUBTYPE)!.decision!.reviewerName, "admin");
  assert.equal(now.state.undecided, 1);
  const stole = now.gold.hoppers.flatMap((hopper) => hopper.events).find((event) => event.nugget.text === "stole")!;
  assert.deepEqual(
    stole.arguments.map((argument) => `${argument.role.type}:${argument.text}`),
    ["Compromised-Data:data", "Victim:Hackers"],
  );
});

test("a document is marked adjudicated only once nothing is undecided; a rejection is a decision, with its reason", async () => {
  const early = await decide(world.reviewer, documentId, { action: "mark-adjudicated" });
  assert.deepEqual(early, { ok: false, reason: "conflict", message: "1 disagreement is still undecided." });
  const rejected = adjudicationOf(await decide(world.reviewer, documentId, { action: "reject", itemId: GROUPING, reason: "  they are two leaks  " }));
  const grouping = rejected.state.items.find((item) => item.id === GROUPING)!;
  assert.deepEqual(
    [grouping.decision?.decision, grouping.decision?.reason, grouping.decision?.annotatorId],
    ["rejected", "they are two leaks", null],
  );
  assert.equal(rejected.state.undecided, 0);
  const unknown = await decide(world.reviewer, documentId, { action: "accept", itemId: "span:0-1", annotatorId: world.ann.id });
  assert.equal(unknown.ok || unknown.reason, "conflict");
  const marked = adjudicationOf(await decide(world.reviewer, documentId, { action: "mark-adjudicated" }));
  assert.equal(marked.adjudicated, true);
  assert.equal((await db().annotationSet.findFirstOrThrow({ where: { documentId, kind: "GOLD" } })).status, "ADJUDICATED");
});
