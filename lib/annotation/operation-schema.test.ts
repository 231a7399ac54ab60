import assert from "node:assert/strict";
import { test } from "node:test";
import { invertOperation } from "@/lib/annotation/operation-kinds";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { annotationOperationSchema } from "./operation-schema";
import { MAX_OPERATIONS_PER_SAVE, saveRequestSchema } from "./sync-protocol";
import { E1, E2, setRealis } from "@/lib/annotation-sets/test-fixtures";

const layout = { keys: ["note"], extra: { note: '"kept"' } };

/** One of each operation, with every optional member somewhere. */
const EVERY_KIND: AnnotationOperation[] = [
  {
    kind: "createEvent",
    event: { ...E1, layout },
    place: { hopperIndex: 3, position: 0 },
    newHopper: { index: 3, position: 1, relation: "coref", layout },
  },
  { kind: "deleteEvent", event: E2, place: { hopperIndex: 0, position: 1 } },
  { kind: "setEventAttributes", eventIndex: "E1", from: { type: "Attack", subtype: "Ransom" }, to: { type: "Vulnerability", subtype: "Discover" } },
  {
    kind: "addArgument",
    eventIndex: "E2",
    position: 0,
    argument: {
      ...E1.arguments[0],
      externalReference: { wikidataid: "Q1", dbpediaURI: "http://dbpedia.org/x", layout },
      layout,
      role: { type: "Attacker", layout },
    },
  },
  { kind: "removeArgument", eventIndex: "E1", position: 0, argument: E1.arguments[0] },
  {
    kind: "setArgumentAttributes",
    eventIndex: "E1",
    position: 0,
    from: { role: "Attacker", externalReference: null },
    to: { role: "Victim", externalReference: { wikidataid: "Q2" } },
  },
  {
    kind: "setSpanBounds",
    spanIndex: "T1",
    from: { startOffset: 8, endOffset: 13, text: "stole" },
    to: { startOffset: 8, endOffset: 18, text: "stole data" },
  },
  { kind: "moveEvent", eventIndex: "E2", from: { hopperIndex: 0, position: 1 }, to: { hopperIndex: 1, position: 0 } },
  { kind: "createHopper", index: 1, position: 1 },
  { kind: "deleteHopper", index: 2, position: 0, relation: "coref", layout },
  { kind: "setHopperRelation", hopperIndex: 0, from: null, to: "coref" },
  { kind: "batch", label: "merge hoppers", operations: [{ kind: "batch", label: "inner", operations: [setRealis("E1", "Actual", "Other")] }] },
];

/** A save request as a window sends it: the operations numbered 1, 2, … */
const save = (baseVersion: unknown, operations: unknown[], extra: object = {}) => ({
  baseVersion,
  clientId: "window-1234",
  operations: operations.map((operation, i) => ({ seq: i + 1, operation })),
  ...extra,
});

const problemOf = (value: unknown) => {
  const parsed = saveRequestSchema.safeParse(value);
  assert.ok(!parsed.success, "expected a refusal");
  const issue = parsed.error.issues[0];
  return `${issue.path.join(".")}: ${issue.message}`;
};

test("accepts every kind of operation, and their inverses, unchanged", () => {
  for (const operation of [...EVERY_KIND, ...EVERY_KIND.map(invertOperation)]) {
    assert.deepEqual(annotationOperationSchema.parse(JSON.parse(JSON.stringify(operation))), operation);
  }
  assert.deepEqual(saveRequestSchema.parse(save(4, EVERY_KIND)), save(4, EVERY_KIND));
});

test("names the first problem of a malformed save", () => {
  assert.match(problemOf(save(0, [{ kind: "paint" }])), /^operations\.0\.operation\.kind: Invalid discriminator value/);
  assert.equal(problemOf(save(0, [{ ...setRealis("E1", "a", "b"), colour: "red" }])), 'operations.0.operation: Unrecognized key: "colour"');
  assert.equal(
    problemOf(save(0, [{ kind: "moveEvent", eventIndex: "E1", from: { hopperIndex: 0, position: -1 }, to: { hopperIndex: 0, position: 0 } }])),
    "operations.0.operation.from.position: Too small: expected number to be >=0",
  );
  assert.equal(
    problemOf(
      save(0, [{ kind: "createEvent", event: { ...E1, nugget: { ...E1.nugget, startOffset: 1.5 } }, place: { hopperIndex: 0, position: 0 } }]),
    ),
    "operations.0.operation.event.nugget.startOffset: Invalid input: expected int, received number",
  );
  assert.match(problemOf(save(0, [{ kind: "createHopper", index: 2 ** 31, position: 0 }])), /^operations\.0\.operation\.index: Too big/);
  assert.match(problemOf(save(-1, [setRealis("E1", "a", "b")])), /^baseVersion: Too small/);
  assert.match(problemOf(save(0, [])), /^operations: Too small/);
  assert.match(problemOf(save(0, Array(MAX_OPERATIONS_PER_SAVE + 1).fill(setRealis("E1", "a", "b")))), /^operations: Too big/);
  assert.match(problemOf(save(0, [setRealis("E1", "a", "b")], { extra: true })), /Unrecognized key: "extra"/);
  assert.match(problemOf(save(0, [setRealis("E1", "a", "b")], { clientId: "x" })), /^clientId: a client id is 8 to 64/);
  assert.match(
    problemOf({ ...save(0, []), operations: [2, 1].map((seq) => ({ seq, operation: setRealis("E1", "a", "b") })) }),
    /^operations: seq numbers must increase/,
  );
  assert.match(problemOf({ ...save(0, []), operations: [{ seq: 0, operation: setRealis("E1", "a", "b") }] }), /^operations\.0\.seq: Too small/);
  assert.match(problemOf(null), /expected object/);
});

test("refuses text the database could not store", () => {
  for (const realis of ["Act\u0000ual", "\ud800", "a\udc00b"]) {
    assert.equal(
      problemOf(save(0, [setRealis("E1", "Actual", realis)])),
      "operations.0.operation.to.realis: Text must not contain NUL characters or unpaired surrogates",
    );
  }
  assert.ok(saveRequestSchema.safeParse(save(0, [setRealis("E1", "Actual", "🔒 Zürich")])).success);
});

test("refuses batches nested beyond any real undo step, without exhausting the stack", () => {
  const nested = (depth: number): AnnotationOperation =>
    depth === 0 ? setRealis("E1", "a", "b") : { kind: "batch", label: "", operations: [nested(depth - 1)] };
  assert.ok(annotationOperationSchema.safeParse(nested(8)).success);
  assert.equal(annotationOperationSchema.safeParse(nested(9)).success, false);
  assert.equal(annotationOperationSchema.safeParse(nested(5000)).success, false);
});

test("a layout can only describe members that write valid JSON: one value each, unique keys, no own member as an extra", () => {
  const withEventLayout = (eventLayout: unknown) =>
    save(0, [
      { kind: "createEvent", event: { ...E1, layout: eventLayout }, place: { hopperIndex: 0, position: 0 }, newHopper: { index: 0, position: 0 } },
    ]);
  // The issue's repro: a value that would close the event and rewrite the document's content.
  const injection = '1}]}]}, "content": "REPLACED", "x": {"y": [{"z": [{"w": 1';
  const keys = ["index", "type", "realis", "nugget", "subtype", "note"];
  assert.match(
    problemOf(withEventLayout({ keys, extra: { note: injection } })),
    /^operations\.0\.operation\.event\.layout\.extra\.note: an extra member's value must be one JSON value/,
  );
  assert.match(problemOf(withEventLayout({ keys, extra: { note: "}{ not json" } })), /must be one JSON value/);
  assert.match(problemOf(withEventLayout({ keys: [...keys, "index"], extra: { note: "1" } })), /layout keys must be unique/);
  assert.match(problemOf(withEventLayout({ keys, extra: { note: "1", index: '"E9"' } })), /"index" is one of the object's own members/);
  assert.match(problemOf(withEventLayout({ keys, extra: {} })), /the layout key "note" is neither a member nor an extra one/);
  assert.match(problemOf(withEventLayout({ keys: ["note"], extra: { note: "1", other: "2" } })), /"other" is not in the layout's keys/);
  assert.match(problemOf(withEventLayout({ keys, extra: { note: "x".repeat(20_001) } })), /Too big/);
  assert.ok(saveRequestSchema.safeParse(withEventLayout({ keys, extra: { note: '{"checked": [1, 2.0, "ü"]}' } })).success);
});

test("every string has a size limit, and indexes have a safe shape", () => {
  assert.match(problemOf(save(0, [setRealis("E1", "Actual", "x".repeat(201))])), /^operations\.0\.operation\.to\.realis: Too big/);
  for (const index of ["evil'idx", "__proto__", "", "E 1", "x".repeat(41)]) {
    assert.match(
      problemOf(save(0, [{ kind: "setEventAttributes", eventIndex: index, from: { realis: "a" }, to: { realis: "b" } }])),
      /eventIndex: an index is/,
    );
  }
  assert.match(problemOf(save(0, [{ kind: "batch", label: "nothing", operations: [] }])), /^operations\.0\.operation\.operations: Too small/);
});
