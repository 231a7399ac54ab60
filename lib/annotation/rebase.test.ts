import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { applyOperation, applyOperations, invertOperation, OperationConflictError } from "./operation-kinds";
import { findEvent } from "./document-lookup";
import {
  addArgumentOperation,
  createNuggetOperation,
  deleteEventOperation,
  moveEventOperation,
  removeArgumentOperation,
  setEventAttributesOperation,
} from "./editor-commands";
import type { AnnotationOperation } from "./operation-types";
import { applyRebased, rebasePending } from "./rebase";
import { clinicDocument } from "./test-documents";

const confirmed = clinicDocument();
const content = confirmed.content;

function range(text: string): { start: number; end: number } {
  const start = content.indexOf(text);
  return { start, end: start + text.length };
}

/** Operations built one after the other, each on the state the previous ones left. */
function sequence(document: CasieDocument, ...builders: ((document: CasieDocument) => AnnotationOperation | null)[]): AnnotationOperation[] {
  const operations: AnnotationOperation[] = [];
  for (const build of builders) {
    const operation = build(document)!;
    operations.push(operation);
    document = applyOperation(document, operation);
  }
  return operations;
}

function hopperEvents(document: CasieDocument): [number, string[]][] {
  return document.hoppers.map((h) => [h.index, h.events.map((e) => e.index)]);
}

const nugget =
  (text: string, hopper: "new" | number = "new") =>
  (d: CasieDocument) =>
    createNuggetOperation(d, { ...range(text), type: "Attack", subtype: "Ransom", realis: "Actual", hopper });

test("without remote operations the pending ones apply as they are", () => {
  const pending = sequence(confirmed, (d) => setEventAttributesOperation(d, "E1", { realis: "Generic" }), nugget("refused"));
  const result = rebasePending(confirmed, [], pending);
  assert.deepEqual(result.pending, pending);
  assert.deepEqual(result.dropped, []);
  assert.deepEqual(result.document, applyOperations(confirmed, pending));
});

test("edits to different things merge", () => {
  const remote = sequence(
    confirmed,
    (d) => setEventAttributesOperation(d, "E2", { realis: "Other" }),
    (d) => removeArgumentOperation(d, "E1", 0),
  );
  const pending = sequence(
    confirmed,
    (d) => setEventAttributesOperation(d, "E1", { realis: "Generic" }),
    (d) => addArgumentOperation(d, "E3", range("The clinic"), "Victim", undefined, DEFAULT_CASIE_TAGSET),
  );
  const result = rebasePending(confirmed, remote, pending);
  assert.deepEqual(result.dropped, []);
  assert.deepEqual(result.pending, pending);
  const e1 = findEvent(result.document, "E1")!.event;
  assert.deepEqual([e1.realis, e1.arguments.length, findEvent(result.document, "E2")!.event.realis], ["Generic", 2, "Other"]);
});

test("a pending edit of something someone else changed is dropped with the reason; the others are kept", () => {
  const remote = sequence(confirmed, (d) => setEventAttributesOperation(d, "E1", { realis: "Generic" }));
  const pending = sequence(
    confirmed,
    (d) => setEventAttributesOperation(d, "E1", { realis: "Other" }),
    (d) => setEventAttributesOperation(d, "E2", { realis: "Other" }),
  );
  const result = rebasePending(confirmed, remote, pending);
  assert.deepEqual(result.dropped, [{ operation: pending[0], reason: "E1's realis is Generic now, not Actual" }]);
  assert.deepEqual(result.pending, [pending[1]]);
  assert.equal(findEvent(result.document, "E1")!.event.realis, "Generic");
  assert.equal(findEvent(result.document, "E2")!.event.realis, "Other");
});

test("events, spans and hoppers both sides created under the same index: the pending ones are renumbered, and later pending edits follow", () => {
  const remote = sequence(confirmed, nugget("refused"));
  const pending = sequence(
    confirmed,
    nugget("Lithuania"),
    (d) => addArgumentOperation(d, "E6", range("The clinic"), "Victim", undefined, DEFAULT_CASIE_TAGSET),
    (d) => addArgumentOperation(d, "E1", { reuseSpanIndex: "T11" }, "Place", undefined, DEFAULT_CASIE_TAGSET),
    (d) => setEventAttributesOperation(d, "E6", { realis: "Generic" }),
  );
  // Both sides took E6, T10 and hopper 4; the pending side also took T11.
  assert.deepEqual(pending[0].kind === "createEvent" && [pending[0].event.index, pending[0].event.nugget.index, pending[0].place.hopperIndex], [
    "E6",
    "T10",
    4,
  ]);
  const result = rebasePending(confirmed, remote, pending);
  assert.deepEqual(result.dropped, []);
  const doc = result.document;
  assert.deepEqual(hopperEvents(doc).slice(-2), [
    [4, ["E6"]],
    [5, ["E7"]],
  ]);
  assert.equal(findEvent(doc, "E6")!.event.nugget.text, "refused");
  const e7 = findEvent(doc, "E7")!.event;
  assert.deepEqual([e7.nugget.index, e7.nugget.text, e7.realis], ["T12", "Lithuania", "Generic"]);
  assert.deepEqual(
    e7.arguments.map((a) => `${a.index} ${a.text}`),
    ["T11 The clinic"],
  );
  assert.deepEqual(findEvent(doc, "E1")!.event.arguments.at(-1)!.index, "T11");
  assert.deepEqual(applyOperations(applyOperations(confirmed, remote), result.pending), doc);
});

test("positions that others' edits shifted are looked up again", () => {
  const remote = sequence(confirmed, nugget("refused", 1), (d) =>
    addArgumentOperation(d, "E1", range("Lithuania"), "Place", undefined, DEFAULT_CASIE_TAGSET),
  );
  // The remote event went last into hopper 1; put it first to shift E2 and E3.
  remote.push({ kind: "moveEvent", eventIndex: "E6", from: { hopperIndex: 1, position: 2 }, to: { hopperIndex: 1, position: 0 } });
  const pending = sequence(
    confirmed,
    (d) => removeArgumentOperation(d, "E1", 2),
    (d) => moveEventOperation(d, "E3", 0, 0),
    (d) => deleteEventOperation(d, "E2"),
    (d) => addArgumentOperation(d, "E1", range("patients"), "Victim", undefined, DEFAULT_CASIE_TAGSET),
  );
  // Locally, E2 was the last event of hopper 1, but someone added E6 to it: the hopper stays.
  assert.ok(pending[2].kind === "deleteEvent" && pending[2].deletedHopper);
  const result = rebasePending(confirmed, remote, pending);
  assert.deepEqual(result.dropped, []);
  assert.deepEqual(hopperEvents(result.document), [
    [0, ["E3", "E1"]],
    [1, ["E6"]],
    [3, ["E5"]],
  ]);
  // The argument added last is still last, after the one added remotely.
  assert.deepEqual(
    findEvent(result.document, "E1")!.event.arguments.map((a) => a.text),
    ["Hackers", "the data of patients", "Lithuania", "patients"],
  );
  const { deletedHopper: _kept, ...deletion } = pending[2];
  assert.deepEqual(result.pending[2], { ...deletion, place: { hopperIndex: 1, position: 1 } });
});

test("an event someone moved to another hopper is not moved back or deleted there", () => {
  const remote = sequence(confirmed, (d) => moveEventOperation(d, "E3", 0));
  const pending = sequence(confirmed, (d) => deleteEventOperation(d, "E3"));
  const result = rebasePending(confirmed, remote, pending);
  assert.deepEqual(
    result.dropped.map((d) => d.reason),
    ["E3 is at position 1 of hopper 0 now, not at position 1 of hopper 1"],
  );
});

test("deleting a hopper's last event keeps the hopper when someone added an event to it", () => {
  const remote = sequence(confirmed, nugget("refused", 3));
  const pending = sequence(confirmed, (d) => deleteEventOperation(d, "E5"));
  const result = rebasePending(confirmed, remote, pending);
  assert.deepEqual(result.dropped, []);
  assert.deepEqual(hopperEvents(result.document).at(-1), [3, ["E6"]]);
});

test("a batch is kept or dropped whole, and a dropped creation takes edits of what it created with it", () => {
  const remote = sequence(
    confirmed,
    (d) => deleteEventOperation(d, "E5"),
    (d) => setEventAttributesOperation(d, "E2", { realis: "Generic" }),
  );
  const pending = sequence(
    confirmed,
    nugget("refused", 3),
    (d) => setEventAttributesOperation(d, "E6", { realis: "Other" }),
    (d) => deleteEventOperation(d, "E2", { arguments: "moveTo", targetEventIndex: "E1" }),
    (d) => setEventAttributesOperation(d, "E1", { realis: "Generic" }),
  );
  const result = rebasePending(confirmed, remote, pending);
  assert.deepEqual(
    result.dropped.map((d) => d.reason),
    ["there is no hopper 3", "there is no event E6", "E2's realis is Generic now, not Actual"],
  );
  assert.deepEqual(result.pending, [pending[3]]);
  assert.deepEqual(findEvent(result.document, "E1")!.event.arguments.length, 3);
});

test("remote operations that do not fit the confirmed state are the caller's error", () => {
  assert.throws(
    () => rebasePending(confirmed, [{ kind: "deleteHopper", index: 1, position: 1 }], []),
    (error: unknown) => error instanceof OperationConflictError && error.message === "hopper 1 is not empty: it holds E2, E3",
  );
});

test("applyRebased: undoing a step after others' edits shifted what it names", () => {
  const step = nugget("refused", 1)(confirmed);
  const afterStep = applyOperation(confirmed, step);
  const remote = sequence(afterStep, nugget("Lithuania", 1), (d) => moveEventOperation(d, "E7", 1, 0));
  const now = applyOperations(afterStep, remote);
  const undo = invertOperation(step);
  assert.throws(() => applyOperation(now, undo), { message: "E6 is at position 3 of hopper 1 now, not at position 2 of hopper 1" });
  const { document, operation } = applyRebased(now, undo);
  assert.deepEqual(hopperEvents(document)[1], [1, ["E7", "E2", "E3"]]);
  assert.deepEqual(operation.kind === "deleteEvent" && operation.place, { hopperIndex: 1, position: 3 });
});
