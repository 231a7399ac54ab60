// Saves that refuse what no annotator's edit can produce, as a hostile client
// would send it: each kind of value outside the tagset, the text or the
// format is refused with a clear message and a code, and nothing is written;
// what restores a value the set held is accepted; whatever a save contains,
// the set still serializes to valid CASIE JSON.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET } from "@/app/api/annotation-sets/[setId]/route";
import { POST } from "@/app/api/annotation-sets/[setId]/operations/route";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { LoadResponse } from "@/lib/annotation/sync-protocol";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import type { CasieEvent } from "@/lib/casie/types";
import { db } from "@/lib/db/client";
import { importIntoEmptySet } from "./import-into-set";
import { openAnnotatorSet } from "./open-annotator-set";
import { CONTENT, closeTestWorld, createTestDocument, createTestWorld, E1, E2, span, type TestWorld } from "./test-fixtures";
import { answer, getRequest, postRequest, testWindow } from "./test-requests";

let world: TestWorld;
before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

const save = testWindow("hostile-window");
const versionOf = async (setId: string) => (await db().annotationSet.findUniqueOrThrow({ where: { id: setId } })).version;

/** Ann's fresh, empty set on a new document. */
async function freshSet(): Promise<string> {
  return (await openAnnotatorSet(world.ann, await createTestDocument(world.projectId)))!.setId;
}

const create = (event: CasieEvent, extra: Partial<Extract<AnnotationOperation, { kind: "createEvent" }>> = {}): AnnotationOperation => ({
  kind: "createEvent",
  event,
  place: { hopperIndex: 0, position: 0 },
  newHopper: { index: 0, position: 0 },
  ...extra,
});

async function saveOn(setId: string, operations: unknown[], baseVersion?: number): Promise<[number, Record<string, unknown>]> {
  return answer(await POST(...(await postRequest(world.ann, setId, save(baseVersion ?? (await versionOf(setId)), operations)))));
}

async function download(setId: string): Promise<string> {
  const [, body] = await answer(await GET(...(await getRequest(world.ann, setId))));
  return serializeCasieDocument((body as unknown as LoadResponse).document);
}

test("a new event's values must be in the project's tagset: each refusal names the value and what was expected", async () => {
  const setId = await freshSet();
  const cases: [Partial<CasieEvent>, RegExp][] = [
    [{ type: "Espionage" }, /the event type "Espionage" is not in the project's tagset \(Attack, Vulnerability-related\)/],
    [{ subtype: "Phishingg" }, /"Phishingg" is not a subtype of Attack in the project's tagset \(Databreach, Phishing, Ransom\)/],
    [{ subtype: "PatchVulnerability" }, /"PatchVulnerability" is not a subtype of Attack/],
    [{ realis: "General" }, /the realis "General" is not in the project's tagset \(Actual, Generic, Other\)/],
    [{ realis: "" }, /the realis "" is not in the project's tagset/],
    [{ realis: "   " }, /the realis " {3}" is not in the project's tagset/],
    [{ index: "E1a" }, /a new event's index must be E followed by a number, not "E1a"/],
  ];
  for (const [change, message] of cases) {
    const [status, body] = await saveOn(setId, [create({ ...E1, ...change })]);
    assert.equal(status, 422, JSON.stringify(body));
    assert.equal(body.status, "refused");
    assert.match(String(body.message), message);
    assert.equal(body.code, change.index ? "index-shape" : "value-not-in-tagset");
  }
  assert.equal(await versionOf(setId), 0, "nothing was written");
});

test("arguments: a role the subtype does not allow, an entity type outside the tagset, a malformed entity link", async () => {
  const setId = await freshSet();
  const attacker = E1.arguments[0];
  const cases: [object, string, RegExp][] = [
    [{ role: { type: "Price" } }, "role-not-allowed", /the role "Price" is not allowed for Attack\/Databreach events \(Attack-Pattern, Attacker/],
    [{ entityType: "Alien" }, "value-not-in-tagset", /the entity type "Alien" is not in the project's tagset/],
    [{ externalReference: { wikidataid: "X1" } }, "value-not-in-tagset", /"X1" is not a Wikidata id/],
    [{ externalReference: { dbpediaURI: "javascript:alert(1)" } }, "value-not-in-tagset", /is not a DBpedia resource URI/],
  ];
  for (const [change, code, message] of cases) {
    const [status, body] = await saveOn(setId, [create({ ...E1, arguments: [{ ...attacker, ...change }] })]);
    assert.deepEqual([status, body.code], [422, code], JSON.stringify(body));
    assert.match(String(body.message), message);
  }
  assert.equal(await versionOf(setId), 0);
});

test("spans: an empty nugget, text that is not the content at its offsets (even one character off), a new index of another shape", async () => {
  const setId = await freshSet();
  const stole = span("T1", "stole");
  const cases: [object, string, RegExp][] = [
    [{ endOffset: stole.startOffset, text: "" }, "empty-span", /T1 would be empty/],
    [{ text: "STOLE" }, "span-not-text", /T1's text "STOLE" is not the content at .*, which is "stole"/],
    [{ startOffset: stole.startOffset + 1, endOffset: stole.endOffset + 1 }, "span-not-text", /is not the content at .*and the set never held it/],
    [{ index: "Tx" }, "index-shape", /a new span's index must be T followed by a number, not "Tx"/],
  ];
  for (const [change, code, message] of cases) {
    const [status, body] = await saveOn(setId, [create({ ...E2, nugget: { ...stole, ...change } })]);
    assert.deepEqual([status, body.code], [422, code], JSON.stringify(body));
    assert.match(String(body.message), message);
  }
  const negative = await saveOn(setId, [create(E2, { place: { hopperIndex: -1, position: 0 }, newHopper: { index: -1, position: 0 } })]);
  assert.deepEqual([negative[0], negative[1].code], [422, "index-shape"]);
  assert.equal(await versionOf(setId), 0);
});

test("sizes and shapes the format cannot hold are refused before anything is applied", async () => {
  const setId = await freshSet();
  for (const [event, message] of [
    [{ ...E1, type: "x".repeat(10_000) }, /event\.type: Too big/],
    [{ ...E1, index: "evil'idx" }, /event\.index: an index is/],
    [{ ...E1, index: "__proto__" }, /event\.index: an index is/],
  ] as const) {
    const [status, body] = await saveOn(setId, [create(event)]);
    assert.equal(status, 400, JSON.stringify(body));
    assert.match(String(body.error), message);
    assert.equal(body.code, "invalid-request");
  }
  const [status] = await saveOn(setId, [create({ ...E1, type: "x".repeat(1024 * 1024) })]);
  assert.equal(status, 413);
});

test("an empty batch or a change that changes nothing makes no new version", async () => {
  const setId = await freshSet();
  assert.equal((await saveOn(setId, [create(E2)]))[0], 200);
  const version = await versionOf(setId);
  const [batchStatus, batch] = await saveOn(setId, [{ kind: "batch", label: "nothing", operations: [] }]);
  assert.deepEqual([batchStatus, batch.code], [400, "invalid-request"]);
  for (const operation of [
    { kind: "setEventAttributes", eventIndex: "E2", from: {}, to: {} },
    { kind: "setEventAttributes", eventIndex: "E2", from: { realis: "Actual" }, to: { realis: "Actual" } },
    { kind: "setHopperRelation", hopperIndex: 0, from: null, to: null },
    { kind: "moveEvent", eventIndex: "E2", from: { hopperIndex: 0, position: 0 }, to: { hopperIndex: 0, position: 0 } },
  ]) {
    const [status, body] = await saveOn(setId, [operation]);
    assert.deepEqual([status, body.code], [422, "changes-nothing"], JSON.stringify(operation));
  }
  assert.equal(await versionOf(setId), version);
});

test("a layout that would rewrite the file is refused; one that writes valid JSON keeps the download valid and equal to the set", async () => {
  const setId = await freshSet();
  const keys = ["index", "type", "realis", "nugget", "subtype", "note"];
  const injection = '1}]}]}, "content": "REPLACED", "x": {"y": [{"z": [{"w": 1';
  for (const extra of [{ note: injection }, { note: "}{ not json" }]) {
    const [status, body] = await saveOn(setId, [create({ ...E2, layout: { keys, extra } })]);
    assert.deepEqual([status, body.code], [400, "invalid-request"], JSON.stringify(body));
  }
  const [duplicateStatus] = await saveOn(setId, [create({ ...E2, layout: { keys: [...keys, "index"], extra: { note: "1" } } })]);
  assert.equal(duplicateStatus, 400);
  assert.equal(await versionOf(setId), 0);

  assert.equal((await saveOn(setId, [create({ ...E2, layout: { keys, extra: { note: '{"by": "ann"}' } } })]))[0], 200);
  const text = await download(setId);
  const parsed = JSON.parse(text) as { content: string; cyberevent: { hopper: { events: { note: unknown }[] }[] } };
  assert.equal(parsed.content, CONTENT);
  assert.deepEqual(parsed.cyberevent.hopper[0].events[0].note, { by: "ann" });
});

test("a value outside the tagset is accepted where it restores what the set held: undoing the deletion of an imported event", async () => {
  const setId = await freshSet();
  const imported: CasieEvent = { ...E1, realis: "General", arguments: [{ ...E1.arguments[0], entityType: "Crew" }] };
  await importIntoEmptySet(
    setId,
    { content: CONTENT, sourcefile: "imported.txt", hoppers: [{ index: 0, relation: "Coref", events: [imported] }] },
    null,
  );
  const place = { hopperIndex: 0, position: 0 };
  const slot = { index: 0, position: 0, relation: "Coref" };
  assert.equal((await saveOn(setId, [{ kind: "deleteEvent", event: imported, place, deletedHopper: slot }]))[0], 200);
  const [status, body] = await saveOn(setId, [{ kind: "createEvent", event: imported, place, newHopper: slot }]);
  assert.equal(status, 200, JSON.stringify(body));
  // The same values are still new to another set.
  const [otherStatus, other] = await saveOn(await freshSet(), [{ kind: "createEvent", event: imported, place, newHopper: slot }]);
  assert.deepEqual([otherStatus, other.code], [422, "value-not-in-tagset"]);
});
