// Opening, saving and reloading annotation sets against a real database:
// versions, the operation log, merging concurrent edits, refusing conflicting
// ones, and byte-identical reloads.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { applyOperation } from "@/lib/annotation/apply-operation";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { serializeCasieDocument, type CasieSpan } from "@/lib/casie";
import { db } from "@/lib/db/client";
import { annotationRowsFromHoppers } from "@/lib/documents/annotation-rows";
import { openAnnotatorSet } from "./open-annotator-set";
import { operationsSince } from "./operation-log";
import { AnnotationSetNotFoundError, saveOperations } from "./save-operations";
import { loadAnnotationSet } from "./set-state";
import { ANNOTATE_BOTH, CONTENT, closeTestWorld, createTestDocument, createTestWorld, E1, setRealis, span, type TestWorld } from "./test-fixtures";

let world: TestWorld;

before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

/** Ann's set on a new document, holding E1 and E2 at version 1. */
async function annotatedSet(): Promise<string> {
  const opened = await openAnnotatorSet(world.ann, await createTestDocument(world.projectId));
  assert.ok(opened);
  const saved = await saveOperations({ setId: opened.setId, baseVersion: 0, operations: [ANNOTATE_BOTH], userId: world.ann.id });
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
  db().annotationOperation.findMany({ where: { setId }, orderBy: { version: "asc" }, select: { version: true, userId: true, operation: true } });

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

test("a save bumps the version by its operations, logs each one and starts the set", async () => {
  const { setId } = (await openAnnotatorSet(world.admin, world.documentId))!;
  const operations: AnnotationOperation[] = [ANNOTATE_BOTH, setRealis("E2", "Actual", "Generic")];
  assert.deepEqual(await saveOperations({ setId, baseVersion: 0, operations, userId: world.admin.id }), {
    status: "saved",
    version: 2,
    remoteOperations: [],
  });
  const set = await db().annotationSet.findUniqueOrThrow({ where: { id: setId } });
  assert.deepEqual([set.version, set.status], [2, "IN_PROGRESS"]);
  assert.deepEqual(await logOf(setId), [
    { version: 1, userId: world.admin.id, operation: operations[0] },
    { version: 2, userId: world.admin.id, operation: operations[1] },
  ]);
  assert.deepEqual(await operationsSince(setId, 1), { version: 2, operations: [operations[1]] });
  assert.deepEqual(await operationsSince(setId, 2), { version: 2, operations: [] });
  assert.equal(await operationsSince("00000000-0000-4000-8000-000000000000", 0), null);
});

test("a reload shows exactly what was saved", async () => {
  const setId = await annotatedSet();
  const operations = [setRealis("E1", "Actual", "Other"), { kind: "setHopperRelation", hopperIndex: 0, from: null, to: "coref" } as const];
  const before = (await loadAnnotationSet(setId))!;
  const expected = operations.reduce(applyOperation, before.document);
  await saveOperations({ setId, baseVersion: before.version, operations, userId: world.ann.id });
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
      { kind: "createHopper", index: 1, position: 1, relation: "coref" },
      { kind: "moveEvent", eventIndex: "E2", from: { hopperIndex: 0, position: 1 }, to: { hopperIndex: 1, position: 0 } },
    ],
    // Back to hopper 0 and hopper 1 gone, in one save: the event must survive its old hopper's deletion.
    [
      { kind: "moveEvent", eventIndex: "E2", from: { hopperIndex: 1, position: 0 }, to: { hopperIndex: 0, position: 0 } },
      { kind: "deleteHopper", index: 1, position: 1, relation: "coref" },
    ],
    [{ kind: "deleteEvent", event: { ...E1, arguments: [] }, place: { hopperIndex: 0, position: 1 } }],
  ];
  for (const operations of steps) {
    const before = (await loadAnnotationSet(setId))!;
    const expected = operations.reduce(applyOperation, before.document);
    const result = await saveOperations({ setId, baseVersion: before.version, operations, userId: world.ann.id });
    assert.equal(result.status, "saved", result.status === "conflict" ? result.message : "");
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

test("a save made on an older version merges with the edits saved since", async () => {
  const setId = await annotatedSet();
  const tabA = setRealis("E1", "Actual", "Generic");
  const tabB: AnnotationOperation = { kind: "setEventAttributes", eventIndex: "E2", from: { type: "Attack" }, to: { type: "Vulnerability" } };
  assert.equal((await saveOperations({ setId, baseVersion: 1, operations: [tabA], userId: world.ann.id })).status, "saved");
  assert.deepEqual(await saveOperations({ setId, baseVersion: 1, operations: [tabB], userId: world.ann.id }), {
    status: "saved",
    version: 3,
    remoteOperations: [tabA],
  });
  const events = (await loadAnnotationSet(setId))!.document.hoppers[0].events;
  assert.deepEqual(
    events.map((event) => [event.index, event.type, event.realis]),
    [
      ["E1", "Attack", "Generic"],
      ["E2", "Vulnerability", "Actual"],
    ],
  );
});

test("a conflicting save is refused with the set as it is now, and nothing is written", async () => {
  const setId = await annotatedSet();
  const tabA = setRealis("E1", "Actual", "Generic");
  await saveOperations({ setId, baseVersion: 1, operations: [tabA], userId: world.ann.id });
  const before = (await loadAnnotationSet(setId))!;
  const logBefore = await logOf(setId);

  const result = await saveOperations({
    setId,
    baseVersion: 1,
    operations: [setRealis("E2", "Actual", "Other"), setRealis("E1", "Actual", "Other")],
    userId: world.ann.id,
  });
  assert.deepEqual(result, {
    status: "conflict",
    message: "Edit 2 of 2 does not fit the changes saved since version 1: E1's realis is Generic now, not Actual.",
    version: 2,
    document: before.document,
    remoteOperations: [tabA],
  });
  assert.deepEqual(await loadAnnotationSet(setId), before);
  assert.deepEqual(await logOf(setId), logBefore);
});

test("a save on a version the set never had is a conflict", async () => {
  const setId = await annotatedSet();
  const result = await saveOperations({ setId, baseVersion: 5, operations: [setRealis("E1", "Actual", "Generic")], userId: null });
  assert.equal(result.status, "conflict");
  assert.match(result.status === "conflict" ? result.message : "", /version 5, but the set is at version 1/);
  assert.equal(await realisOf(setId, "E1"), "Actual");
});

test("saves racing on one version: one of a conflicting pair wins, a compatible pair both land", async () => {
  const setId = await annotatedSet();
  for (let round = 0; round < 5; round++) {
    const { version } = (await loadAnnotationSet(setId))!;
    const current = await realisOf(setId, "E1");
    const results = await Promise.all(
      ["Generic", "Other"].map((to) =>
        saveOperations({ setId, baseVersion: version, operations: [setRealis("E1", current, to)], userId: world.ann.id }),
      ),
    );
    assert.deepEqual(results.map((result) => result.status).sort(), ["conflict", "saved"]);
    const winner = results.findIndex((result) => result.status === "saved");
    assert.equal(await realisOf(setId, "E1"), ["Generic", "Other"][winner]);
    assert.equal((await loadAnnotationSet(setId))!.version, version + 1);
    // Put E1 back so the next round races from the same value.
    await saveOperations({ setId, baseVersion: version + 1, operations: [setRealis("E1", ["Generic", "Other"][winner], current)], userId: null });
  }

  const { version } = (await loadAnnotationSet(setId))!;
  const compatible = await Promise.all([
    saveOperations({ setId, baseVersion: version, operations: [setRealis("E1", "Actual", "Generic")], userId: world.ann.id }),
    saveOperations({ setId, baseVersion: version, operations: [setRealis("E2", "Actual", "Other")], userId: world.ann.id }),
  ]);
  assert.deepEqual(compatible.map((result) => [result.status, result.version]).sort(), [
    ["saved", version + 1],
    ["saved", version + 2],
  ]);
  assert.deepEqual([await realisOf(setId, "E1"), await realisOf(setId, "E2")], ["Generic", "Other"]);
  const log = await logOf(setId);
  assert.deepEqual(
    log.map((entry) => entry.version),
    Array.from({ length: log.length }, (_, i) => i + 1),
  );
});

test("saving to a set that does not exist throws AnnotationSetNotFoundError", async () => {
  const save = (setId: string) => saveOperations({ setId, baseVersion: 0, operations: [setRealis("E1", "Actual", "Generic")], userId: null });
  await assert.rejects(save("00000000-0000-4000-8000-000000000000"), AnnotationSetNotFoundError);
  await assert.rejects(save("nope"), AnnotationSetNotFoundError);
});
