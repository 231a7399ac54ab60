import assert from "node:assert/strict";
import { test } from "node:test";
import { annotationRowsFromHoppers, type AnnotationRows } from "@/lib/annotation-sets/annotation-rows";
import type { CasieHopper } from "@/lib/casie/types";
import { annotationRowChanges } from "./set-row-changes";
import { E1, E2 } from "./test-fixtures";

const SET = "set";
const counter = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};
const stored = (hoppers: CasieHopper[]) => annotationRowsFromHoppers(SET, hoppers, counter("old-"));
const next = (hoppers: CasieHopper[]) => annotationRowsFromHoppers(SET, hoppers, counter("new-"));
/** Stored rows round-trip through jsonb: their JSON columns come back with other key orders. */
const reordered = (rows: AnnotationRows): AnnotationRows => JSON.parse(JSON.stringify(rows, (_key, value) => reverseKeys(value)));

function reverseKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse());
}

const layout = { keys: ["type", "index"], extra: { note: '"x"' } };
const BOTH: CasieHopper[] = [{ index: 0, events: [{ ...E1, layout }, E2] }];
const nothing = { spans: [], hoppers: [], events: [], arguments: [] };

test("an unchanged state changes nothing, whatever order the stored JSON keys come in", () => {
  assert.deepEqual(annotationRowChanges(reordered(stored(BOTH)), next(BOTH)), { upsert: nothing, remove: nothing });
});

test("a changed attribute rewrites only its row, under its stored id", () => {
  const before = stored(BOTH);
  const changes = annotationRowChanges(
    before,
    next([
      {
        index: 0,
        events: [
          { ...E1, layout },
          { ...E2, realis: "Other" },
        ],
      },
    ]),
  );
  const e2 = before.events.find((row) => row.index === "E2")!;
  assert.deepEqual(changes, { upsert: { ...nothing, events: [{ ...e2, realis: "Other" }] }, remove: nothing });
});

test("new rows keep their fresh ids and point at stored rows; rows no longer there are removed", () => {
  const before = stored(BOTH);
  const E3 = { ...E2, index: "E3", arguments: [{ ...E1.arguments[0], role: { type: "Victim" } }] };
  const changes = annotationRowChanges(before, next([{ index: 0, events: [E3] }]));
  const id = (rows: { id: string; index?: unknown }[], index: unknown) => rows.find((row) => row.index === index)!.id;

  assert.deepEqual(changes.upsert.spans, []);
  assert.deepEqual(changes.upsert.hoppers, []);
  assert.equal(changes.upsert.events.length, 1);
  const [event] = changes.upsert.events;
  assert.match(event.id, /^new-/);
  assert.equal(event.hopperId, id(before.hoppers, 0));
  assert.equal(event.nuggetSpanId, id(before.spans, "T3"));
  assert.deepEqual(
    changes.upsert.arguments.map((row) => [row.eventId, row.spanId, row.role]),
    [[event.id, id(before.spans, "T2"), "Victim"]],
  );
  assert.deepEqual(changes.remove, {
    spans: [id(before.spans, "T1")],
    hoppers: [],
    events: [id(before.events, "E1"), id(before.events, "E2")],
    arguments: before.arguments.map((row) => row.id),
  });
});

test("an event moved to another hopper keeps its id and follows its hopper", () => {
  const before = stored([...BOTH, { index: 1, events: [] }]);
  const changes = annotationRowChanges(
    before,
    next([
      { index: 0, events: [{ ...E1, layout }] },
      { index: 1, events: [E2] },
    ]),
  );
  const e2 = before.events.find((row) => row.index === "E2")!;
  const hopper1 = before.hoppers.find((row) => row.index === 1)!;
  assert.deepEqual(changes.upsert.events, [{ ...e2, hopperId: hopper1.id, position: 0 }]);
  assert.deepEqual(changes.remove, nothing);
});
