// Opening, saving and reloading annotation sets against a real database:
// versions, the operation log, merging concurrent edits, refusing conflicting
// ones, and byte-identical reloads.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { applyOperation } from "@/lib/annotation/operation-kinds";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { serializeCasieDocument, type CasieSpan } from "@/lib/casie";
import { db } from "@/lib/db/client";
import { annotationRowsFromHoppers } from "@/lib/annotation-sets/annotation-rows";
import { openAnnotatorSet } from "./open-annotator-set";
import { operationsSince } from "./operation-log";
import { AnnotationSetNotFoundError, saveOperations, SetNotEditableError } from "./save-operations";
import { loadAnnotationSet } from "./set-state";
import {
  ANNOTATE_BOTH,
  CONTENT,
  closeTestWorld,
  createTestDocument,
  createTestWorld,
  E1,
  saveAs,
  setRealis,
  span,
  type TestWorld,
} from "./test-fixtures";

let world: TestWorld;

before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

/** Ann's set on a new document, holding E1 and E2 at version 1. */
async function annotatedSet(): Promise<string> {
  const opened = await openAnnotatorSet(world.ann, await createTestDocument(world.projectId));
  assert.ok(opened);
  const saved = await saveAs(opened.setId, 0, [ANNOTATE_BOTH], { userId: world.ann.id });
  assert.equal(saved.status, "saved");
  return opened.setId;
}

async function realisOf(setId: string, eventIndex: string): Promise<string> {
  const state = await loadAnnotationSet(setId);
  const event = state?.document.hoppers.flatMap((hopper) => hopper.events).find((e) => e.index === eventIndex);
  assert.ok(event, `${eventIndex} is in the set`);
  return event.realis;
}

const logOf = (setId: string) =>
  db().annotationOperation.findMany({
    where: { setId },
    orderBy: { version: "asc" },
    select: { version: true, userId: true, clientId: true, seq: true, format: true, operation: true },
  });

test("opening creates the user's empty set once, also when tabs open it at the same time", async () => {
  const opened = await Promise.all(Array.from({ length: 6 }, () => openAnnotatorSet(world.bob, world.goldDocumentId)));
  const setIds = new Set(opened.map((set) => set?.setId));
  assert.equal(setIds.size, 1);
  assert.deepEqual(
    await db().annotationSet.findMany({
      where: { documentId: world.goldDocumentId, kind: "ANNOTATOR" },
      select: { annotatorId: true, status: true, version: true },
    }),
    [{ annotatorId: world.bob.id, status: "NEW", version: 0 }],
  );
  // Blind: the document comes without the gold set's annotations.
  assert.deepEqual(opened[0]?.document.hoppers, []);
  assert.equal(opened[0]?.document.content, CONTENT);
  assert.equal((await openAnnotatorSet(world.bob, world.goldDocumentId))?.setId, opened[0]?.setId);
  assert.notEqual((await openAnnotatorSet(world.ann, world.goldDocumentId))?.setId, opened[0]?.setId);
});

test("opening gives null for an unknown document or one the user may not see", async () => {
  assert.equal(await openAnnotatorSet(world.outsider, world.documentId), null);
  assert.equal(await openAnnotatorSet(world.ann, "00000000-0000-4000-8000-000000000000"), null);
  assert.equal(await openAnnotatorSet(world.ann, "not-an-id"), null);
  assert.equal(await db().annotationSet.count({ where: { annotatorId: world.outsider.id } }), 0);
});

test("a save on the set's version bumps it by its operations, logs each with its window, number and format, and starts the set", async () => {
  const { setId } = (await openAnnotatorSet(world.admin, world.documentId))!;
  const operations: AnnotationOperation[] = [ANNOTATE_BOTH, setRealis("E2", "Actual", "Generic")];
  assert.deepEqual(await saveAs(setId, 0, operations, { userId: world.admin.id, clientId: "window-one" }), { status: "saved", version: 2 });
  const set = await db().annotationSet.findUniqueOrThrow({ where: { id: setId } });
  assert.deepEqual([set.version, set.status], [2, "IN_PROGRESS"]);
  assert.deepEqual(await logOf(setId), [
    { version: 1, userId: world.admin.id, clientId: "window-one", seq: 1, format: 1, operation: operations[0] },
    { version: 2, userId: world.admin.id, clientId: "window-one", seq: 2, format: 1, operation: operations[1] },
  ]);
  assert.deepEqual(await operationsSince(setId, 1), {
    version: 2,
    operations: [{ version: 2, clientId: "window-one", seq: 2, operation: operations[1] }],
    complete: true,
  });
  assert.deepEqual(await operationsSince(setId, 2), { version: 2, operations: [], complete: true });
  assert.equal(await operationsSince("00000000-0000-4000-8000-000000000000", 0), null);
});

test("the catch-up is paged by count and by size, always giving at least one operation", async () => {
  const setId = await annotatedSet();
  for (const [from, to] of [
    ["Actual", "Generic"],
    ["Generic", "Other"],
  ]) {
    const { version } = (await loadAnnotationSet(setId))!;
    await saveAs(setId, version, [setRealis("E1", from, to)]);
  }
  const first = await operationsSince(setId, 0, { operations: 2, bytes: 1_000_000 });
  assert.deepEqual([first?.version, first?.operations.map((logged) => logged.version), first?.complete], [3, [1, 2], false]);
  const rest = await operationsSince(setId, 2, { operations: 2, bytes: 1_000_000 });
  assert.deepEqual([rest?.operations.map((logged) => logged.version), rest?.complete], [[3], true]);
  // Version 1 is the whole annotation of the document, far over 50 bytes: alone on its page.
  const small = await operationsSince(setId, 0, { operations: 100, bytes: 50 });
  assert.deepEqual([small?.operations.map((logged) => logged.version), small?.complete], [[1], false]);
  const tiny = await operationsSince(setId, 1, { operations: 100, bytes: 200 });
  assert.deepEqual(
    tiny?.operations.map((logged) => logged.version),
    [2],
  );
});

test("a reload shows exactly what was saved", async () => {
  const setId = await annotatedSet();
  const operations = [setRealis("E1", "Actual", "Other"), { kind: "setHopperRelation", hopperIndex: 0, from: null, to: "Same" } as const];
  const before = (await loadAnnotationSet(setId))!;
  const expected = operations.reduce(applyOperation, before.document);
  await saveAs(setId, before.version, operations);
  const after = (await loadAnnotationSet(setId))!;
  assert.equal(after.version, before.version + 2);
  assert.equal(serializeCasieDocument(after.document), serializeCasieDocument(expected));
  assert.deepEqual(after.document, expected);
});

test("every kind of edit is stored exactly, with no row left behind", async () => {
  const setId = await annotatedSet();
  const attacker = E1.arguments[0];
  const victim = { ...span("T4", "Acme Corp."), entityType: "Organization", role: { type: "Victim" } };
  const bounds = ({ startOffset, endOffset, text }: CasieSpan) => ({ startOffset, endOffset, text });
  const steps: AnnotationOperation[][] = [
    [{ kind: "addArgument", eventIndex: "E2", position: 0, argument: victim }],
    [{ kind: "addArgument", eventIndex: "E2", position: 1, argument: attacker }],
    [
      {
        kind: "setArgumentAttributes",
        eventIndex: "E2",
        position: 0,
        from: { externalReference: null },
        to: { externalReference: { wikidataid: "Q1" } },
      },
    ],
    [{ kind: "removeArgument", eventIndex: "E1", position: 0, argument: attacker }],
    [{ kind: "setSpanBounds", spanIndex: "T2", from: bounds(attacker), to: bounds(span("T2", "Hackers stole")) }],
    [
      { kind: "createHopper", index: 1, position: 1, relation: "Same" },
      { kind: "moveEvent", eventIndex: "E2", from: { hopperIndex: 0, position: 1 }, to: { hopperIndex: 1, position: 0 } },
    ],
    // Back to hopper 0 and hopper 1 gone, in one save: the event must survive its old hopper's deletion.
    [
      { kind: "moveEvent", eventIndex: "E2", from: { hopperIndex: 1, position: 0 }, to: { hopperIndex: 0, position: 0 } },
      { kind: "deleteHopper", index: 1, position: 1, relation: "Same" },
    ],
    [{ kind: "deleteEvent", event: { ...E1, arguments: [] }, place: { hopperIndex: 0, position: 1 } }],
  ];
  for (const operations of steps) {
    const before = (await loadAnnotationSet(setId))!;
    const expected = operations.reduce(applyOperation, before.document);
    const result = await saveAs(setId, before.version, operations);
    assert.equal(result.status, "saved", JSON.stringify(result));
    const after = (await loadAnnotationSet(setId))!;
    assert.deepEqual(after.document, expected);
    const stored = await storedRowCounts(setId);
    const mapped = annotationRowsFromHoppers(setId, expected.hoppers);
    assert.deepEqual(stored, [mapped.spans.length, mapped.hoppers.length, mapped.events.length, mapped.arguments.length]);
  }
  const { document } = (await loadAnnotationSet(setId))!;
  assert.deepEqual(
    document.hoppers.map((hopper) => [hopper.index, hopper.events.map((event) => event.index)]),
    [[0, ["E2"]]],
  );
});

async function storedRowCounts(setId: string): Promise<number[]> {
  const where = { where: { setId } };
  return Promise.all([db().span.count(where), db().hopper.count(where), db().event.count(where), db().argument.count(where)]);
}

test("a save made on an older version is answered with what was saved since, and nothing is written", async () => {
  const setId = await annotatedSet();
  const tabA = setRealis("E1", "Actual", "Generic");
  assert.deepEqual(await saveAs(setId, 1, [tabA], { clientId: "tab-a" }), { status: "saved", version: 2 });
  const before = await loadAnnotationSet(setId);
  const tabB: AnnotationOperation = { kind: "setEventAttributes", eventIndex: "E2", from: { type: "Attack" }, to: { type: "Vulnerability" } };
  assert.deepEqual(await saveAs(setId, 1, [tabB], { clientId: "tab-b" }), {
    status: "behind",
    version: 2,
    operations: [{ version: 2, clientId: "tab-a", seq: 1, operation: tabA }],
    complete: true,
  });
  assert.deepEqual(await loadAnnotationSet(setId), before);
});

test("an operation that does not fit the set's version is refused, naming it, and nothing is written", async () => {
  const setId = await annotatedSet();
  const before = (await loadAnnotationSet(setId))!;
  const logBefore = await logOf(setId);
  const result = await saveOperations({
    setId,
    baseVersion: 1,
    clientId: "tab-c",
    operations: [
      { seq: 4, operation: setRealis("E2", "Actual", "Other") },
      { seq: 5, operation: setRealis("E1", "Generic", "Other") },
    ],
    userId: world.ann.id,
  });
  assert.deepEqual(result, {
    status: "refused",
    version: 1,
    seq: 5,
    code: "operation-conflict",
    message: "Edit 2 of 2 does not fit the saved annotations: E1's realis is Actual now, not Generic.",
  });
  assert.deepEqual(await loadAnnotationSet(setId), before);
  assert.deepEqual(await logOf(setId), logBefore);
});

test("a retried save whose answer was lost is answered as the first time, and applied once", async () => {
  const setId = await annotatedSet();
  const request = {
    setId,
    baseVersion: 1,
    clientId: "tab-retry",
    operations: [{ seq: 1, operation: setRealis("E1", "Actual", "Generic") }],
    userId: null,
  };
  assert.deepEqual(await saveOperations(request), { status: "saved", version: 2 });
  await saveAs(setId, 2, [setRealis("E2", "Actual", "Other")], { clientId: "another-tab" });
  assert.deepEqual(await saveOperations(request), { status: "saved", version: 2 });
  assert.equal((await loadAnnotationSet(setId))!.version, 3);
  // Sent again on the current version (a client fault): refused, not applied twice.
  assert.deepEqual(await saveOperations({ ...request, baseVersion: 3, operations: [{ seq: 1, operation: setRealis("E1", "Generic", "Other") }] }), {
    status: "refused",
    version: 3,
    seq: 1,
    code: "duplicate-operation",
    message: "Edit 1 of this window is saved already.",
  });
  assert.equal(await realisOf(setId, "E1"), "Generic");
});

test("a save on a version the set never had asks the window to reload", async () => {
  const setId = await annotatedSet();
  const result = await saveAs(setId, 5, [setRealis("E1", "Actual", "Generic")]);
  assert.equal(result.status, "reload");
  assert.match(result.status === "reload" ? result.message : "", /version 5, but the set is at version 1/);
  assert.equal(await realisOf(setId, "E1"), "Actual");
});

test("saves racing on one version: exactly one lands, the others are told what they lack", async () => {
  const setId = await annotatedSet();
  for (let round = 0; round < 5; round++) {
    const { version } = (await loadAnnotationSet(setId))!;
    const current = await realisOf(setId, "E1");
    const targets = ["Generic", "Other", "Actual"].filter((value) => value !== current);
    const results = await Promise.all(targets.map((to, i) => saveAs(setId, version, [setRealis("E1", current, to)], { clientId: `racer-${i}` })));
    assert.deepEqual(results.map((result) => result.status).sort(), ["behind", "saved"]);
    const winner = results.findIndex((result) => result.status === "saved");
    assert.equal(await realisOf(setId, "E1"), targets[winner]);
    assert.equal((await loadAnnotationSet(setId))!.version, version + 1);
  }
  const log = await logOf(setId);
  assert.deepEqual(
    log.map((entry) => entry.version),
    Array.from({ length: log.length }, (_, i) => i + 1),
  );
});

test("the set's numbering starts from an imported file and rises past every number its saves use, deleted ones too", async () => {
  const gold = await db().annotationSet.findFirstOrThrow({ where: { documentId: world.goldDocumentId, kind: "GOLD" } });
  assert.deepEqual((await loadAnnotationSet(gold.id))!.numbering, { event: 2, span: 3, hopper: 0 });
  const setId = await annotatedSet();
  const E7 = { ...E1, index: "E7", nugget: { ...E1.nugget, index: "T9" }, arguments: [] };
  await saveAs(setId, 1, [{ kind: "createEvent", event: E7, place: { hopperIndex: 4, position: 0 }, newHopper: { index: 4, position: 1 } }]);
  await saveAs(setId, 2, [{ kind: "deleteEvent", event: E7, place: { hopperIndex: 4, position: 0 }, deletedHopper: { index: 4, position: 1 } }]);
  assert.deepEqual((await loadAnnotationSet(setId))!.numbering, { event: 7, span: 9, hopper: 4 });
});

test("saving to a set that does not exist throws AnnotationSetNotFoundError", async () => {
  const save = (setId: string) => saveAs(setId, 0, [setRealis("E1", "Actual", "Generic")]);
  await assert.rejects(save("00000000-0000-4000-8000-000000000000"), AnnotationSetNotFoundError);
  await assert.rejects(save("nope"), AnnotationSetNotFoundError);
});

test("a submitted set takes no more saves, also when it was submitted while a save was on its way", async () => {
  const setId = await annotatedSet();
  // The server holds the set at version 1 after this save; the submission then comes from elsewhere.
  assert.equal((await saveAs(setId, 1, [setRealis("E1", "Actual", "Generic")])).status, "saved");
  await db().annotationSet.update({ where: { id: setId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
  await assert.rejects(saveAs(setId, 2, [setRealis("E1", "Generic", "Other")]), SetNotEditableError);
  assert.equal(await realisOf(setId, "E1"), "Generic");
});
