import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { POST } from "@/app/api/documents/[documentId]/adjudication/route";
import { ANN, BOB, offsetsOf } from "@/lib/adjudication/test-sets";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { assignTestDocument, closeTestWorld, createTestWorld, sessionCookie, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { ORIGIN } from "@/lib/annotation-sets/test-requests";
import type { CurrentUser } from "@/lib/auth/access";
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

/** A document Ann and Bob annotated as lib/adjudication/test-sets.ts has it. */
async function annotatedByAnnAndBob(name: string): Promise<string> {
  const casie = { ...ANN.document, sourcefile: `${name}.txt` };
  const id = await createDocument({ projectId: world.projectId, name, casie, warnings: [], withGoldSet: false, replace: false });
  for (const [user, set] of [
    [world.ann, ANN],
    [world.bob, BOB],
  ] as const) {
    await assignTestDocument(id, user);
    await importIntoEmptySet((await openAnnotatorSet(user, id))!.setId, set.document, null);
  }
  return id;
}

before(async () => {
  world = await createTestWorld();
  documentId = await annotatedByAnnAndBob("made-up");
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

test("a reviewer regroups a hopper cluster as no annotator did, and a grouping that is no partition is refused", async () => {
  const id = await annotatedByAnnAndBob("regrouped");
  const opened = adjudicationOf(await openAdjudication(world.reviewer, id));
  const [stole, leaked] = opened.state.items.find((item) => item.id === GROUPING)!.rowKeys;
  const bad = await decide(world.reviewer, id, { action: "regroup", itemId: GROUPING, groups: [[stole]] });
  assert.deepEqual(bad.ok || bad.reason, "invalid");
  const notACluster = await decide(world.reviewer, id, { action: "regroup", itemId: SPAN, groups: [[stole]] });
  assert.deepEqual(notACluster.ok || notACluster.reason, "conflict");

  const regrouped = adjudicationOf(await decide(world.reviewer, id, { action: "regroup", itemId: GROUPING, groups: [[leaked], [stole]] }));
  const item = regrouped.state.items.find((candidate) => candidate.id === GROUPING)!;
  assert.deepEqual([item.decision?.decision, item.decision?.annotatorId, item.goldVersion], ["regrouped", null, 1]);
  assert.deepEqual(goldHoppers(regrouped), [["stole"], ["leaked"]], "the event the gold lacked was created, in a hopper of its own");
});

test("undoing a decision takes back what it changed in the gold, keeps what others saved since, and leaves the item undecided", async () => {
  const id = await annotatedByAnnAndBob("undone");
  adjudicationOf(await openAdjudication(world.reviewer, id));
  adjudicationOf(await decide(world.reviewer, id, { action: "accept", itemId: ROLE, annotatorId: world.bob.id }));
  // Another reviewer decides something else afterwards: the undo must not take it back.
  adjudicationOf(await decide(world.admin, id, { action: "accept", itemId: GROUPING, annotatorId: world.ann.id }));
  const undone = adjudicationOf(await decide(world.reviewer, id, { action: "undo", itemId: ROLE }));
  const byId = new Map(undone.state.items.map((item) => [item.id, item]));
  assert.equal(byId.get(ROLE)!.decision, null);
  assert.equal(byId.get(ROLE)!.goldVersion, null, "neither role is in the gold any more");
  assert.equal(byId.get(GROUPING)!.decision?.decision, "accepted");
  assert.deepEqual(goldHoppers(undone), [["stole", "leaked"]]);
  const stole = undone.gold.hoppers[0].events.find((event) => event.nugget.text === "stole")!;
  assert.deepEqual(
    stole.arguments.map((argument) => `${argument.role.type}:${argument.text}`),
    ["Compromised-Data:data"],
  );
  assert.equal(undone.state.undecided, 3);

  const twice = await decide(world.reviewer, id, { action: "undo", itemId: ROLE });
  assert.equal(twice.ok || twice.reason, "conflict", "there is nothing left to undo");
  // A rejection that changed nothing is undone too: the item is undecided again.
  adjudicationOf(await decide(world.reviewer, id, { action: "reject", itemId: SUBTYPE, reason: "neither" }));
  const reopened = adjudicationOf(await decide(world.reviewer, id, { action: "undo", itemId: SUBTYPE }));
  assert.equal(reopened.state.items.find((item) => item.id === SUBTYPE)!.decision, null);
  assert.equal(reopened.goldVersion, undone.goldVersion, "undoing a rejection that changed nothing changes nothing");
});

async function post(user: CurrentUser, id: string, body: unknown): Promise<[number, { error?: string; message?: string }]> {
  const request = new Request(`${ORIGIN}/api/documents/${id}/adjudication`, {
    method: "POST",
    headers: { host: "hopper.test", origin: ORIGIN, "content-type": "application/json", cookie: await sessionCookie(user) },
    body: JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ documentId: id }) });
  return [response.status, (await response.json()) as { error?: string; message?: string }];
}

test("the route checks every decision's shape and size before anything is read, and says what is wrong", async () => {
  const id = await annotatedByAnnAndBob("hostile");
  const rowKey = key("stole");
  for (const body of [
    { action: "regroup", itemId: GROUPING },
    { action: "regroup", itemId: GROUPING, groups: [] },
    { action: "regroup", itemId: GROUPING, groups: [[]] },
    { action: "regroup", itemId: GROUPING, groups: [[1, 2]] },
    { action: "regroup", itemId: GROUPING, groups: [[rowKey]], annotatorId: world.ann.id },
    { action: "regroup", itemId: GROUPING, groups: Array.from({ length: 5001 }, () => [rowKey]) },
    { action: "regroup", itemId: GROUPING, groups: [["x".repeat(2001)]] },
    { action: "undo" },
    { action: "undo", itemId: "" },
    { action: "redo", itemId: ROLE },
  ]) {
    const [status, answer] = await post(world.reviewer, id, body);
    assert.equal(status, 400, JSON.stringify(body).slice(0, 200));
    assert.ok(answer.error, "a machine-readable reason");
  }
  assert.equal(await db().annotationSet.count({ where: { documentId: id, kind: "GOLD" } }), 0, "nothing was started for a bad request");
  const [partition] = await post(world.reviewer, id, { action: "regroup", itemId: GROUPING, groups: [[rowKey]] });
  assert.equal(partition, 400, "a grouping leaving an event out");
  const [nothing] = await post(world.reviewer, id, { action: "undo", itemId: ROLE });
  assert.equal(nothing, 409, "nothing to undo");
  const [annotator] = await post(world.ann, id, { action: "undo", itemId: ROLE });
  assert.equal(annotator, 404, "an annotator learns nothing");
});
