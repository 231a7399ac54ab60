import assert from "node:assert/strict";
import { test } from "node:test";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import type { CasieArgument, CasieDocument, CasieEvent } from "@/lib/casie/types";
import { applyOperation, applyOperations, invertOperation, OperationConflictError } from "./operation-kinds";
import { findEvent } from "./document-lookup";
import type { AnnotationOperation } from "./operation-types";
import { CLINIC_JSON, clinicDocument } from "./test-documents";

const CONTENT = clinicDocument().content;

/** Applies `operation`, checks that its inverse gives the document back exactly (and its JSON byte for byte), and returns the changed document. */
function applyAndUndo(document: CasieDocument, operation: AnnotationOperation): CasieDocument {
  const changed = applyOperation(document, operation);
  assert.notDeepEqual(changed, document);
  const restored = applyOperation(changed, invertOperation(operation));
  assert.deepEqual(restored, document);
  assert.equal(serializeCasieDocument(restored), serializeCasieDocument(document));
  assert.deepEqual(invertOperation(invertOperation(operation)), operation);
  return changed;
}

function conflictOf(document: CasieDocument, operation: AnnotationOperation): string {
  try {
    applyOperation(document, operation);
  } catch (error) {
    assert.ok(error instanceof OperationConflictError, String(error));
    return error.message;
  }
  assert.fail("expected an OperationConflictError");
}

function span(text: string, index: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = CONTENT.indexOf(text, start + 1);
  assert.ok(start >= 0, text);
  return { index, startOffset: start, endOffset: start + text.length, text };
}

function event(doc: CasieDocument, index: string): CasieEvent {
  return findEvent(doc, index)!.event;
}

const newEvent = (index: string, args: CasieArgument[] = []): CasieEvent => ({
  index,
  type: "Attack",
  subtype: "Ransom",
  realis: "Actual",
  nugget: span("refused", "T10"),
  arguments: args,
});

test("the test document re-exports byte for byte", () => {
  assert.equal(serializeCasieDocument(clinicDocument()), CLINIC_JSON);
});

test("createEvent inserts an event at its place, re-using a span with the same bounds", () => {
  const doc = clinicDocument();
  const victim: CasieArgument = { ...span("a clinic", "T4"), role: { type: "Victim" }, entityType: "Organization" };
  const operation: AnnotationOperation = { kind: "createEvent", event: newEvent("E6", [victim]), place: { hopperIndex: 1, position: 1 } };
  const changed = applyAndUndo(doc, operation);
  assert.deepEqual(
    changed.hoppers[1].events.map((e) => e.index),
    ["E2", "E6", "E3"],
  );
  // Untouched hoppers are shared, not copied.
  assert.equal(changed.hoppers[0], doc.hoppers[0]);
  assert.equal(changed.hoppers[2], doc.hoppers[2]);
});

test("createEvent with a new hopper creates the hopper first; the event is written in the corpus's key order", () => {
  const doc = clinicDocument();
  const operation: AnnotationOperation = {
    kind: "createEvent",
    event: newEvent("E6"),
    place: { hopperIndex: 4, position: 0 },
    newHopper: { index: 4, position: 3 },
  };
  const changed = applyAndUndo(doc, operation);
  assert.deepEqual(changed.hoppers[3], { index: 4, events: [newEvent("E6")] });
  assert.ok(
    serializeCasieDocument(changed).includes(
      '{"index": 4, "events": [{"nugget": {"startOffset": 80, "index": "T10", "endOffset": 87, "text": "refused"}, "index": "E6", "type": "Attack", "subtype": "Ransom", "realis": "Actual"}]}',
    ),
  );
});

test("deleteEvent of a hopper's last event can delete the hopper, and undo restores its unknown members", () => {
  const doc = clinicDocument();
  const hopper = doc.hoppers[2];
  const operation: AnnotationOperation = {
    kind: "deleteEvent",
    event: hopper.events[0],
    place: { hopperIndex: 3, position: 0 },
    deletedHopper: { index: 3, position: 2, layout: hopper.layout },
  };
  const changed = applyAndUndo(doc, operation);
  assert.deepEqual(
    changed.hoppers.map((h) => h.index),
    [0, 1],
  );
});

test("deleteEvent without deletedHopper leaves the hopper, empty", () => {
  const doc = clinicDocument();
  const changed = applyAndUndo(doc, { kind: "deleteEvent", event: event(doc, "E1"), place: { hopperIndex: 0, position: 0 } });
  assert.deepEqual(changed.hoppers[0].events, []);
  assert.equal(changed.hoppers[0].relation, "Same");
});

test("setEventAttributes changes only the named attributes and keeps the event's layout and nugget", () => {
  const doc = clinicDocument();
  const changed = applyAndUndo(doc, {
    kind: "setEventAttributes",
    eventIndex: "E1",
    from: { realis: "Actual", subtype: "Databreach" },
    to: { realis: "Generic", subtype: "Phishing" },
  });
  const e1 = event(changed, "E1");
  assert.deepEqual([e1.type, e1.subtype, e1.realis], ["Attack", "Phishing", "Generic"]);
  assert.equal(e1.layout, event(doc, "E1").layout);
  assert.equal(e1.nugget, event(doc, "E1").nugget);
  assert.ok(serializeCasieDocument(changed).includes('"realis": "Generic"'));
});

test("addArgument to an event without arguments adds the argument key where the serializer puts it", () => {
  const doc = clinicDocument();
  const argument: CasieArgument = { ...span("The clinic", "T10"), role: { type: "Victim" }, entityType: "Organization" };
  const changed = applyAndUndo(doc, { kind: "addArgument", eventIndex: "E3", position: 0, argument });
  assert.deepEqual(event(changed, "E3").layout!.keys, ["nugget", "argument", "index", "type", "subtype", "realis"]);
  assert.ok(
    serializeCasieDocument(changed).includes(
      '{"nugget": {"startOffset": 91, "index": "T7", "endOffset": 94, "text": "pay"}, "argument": [{"index": "T10"',
    ),
  );
});

test("removeArgument of the last argument drops the argument key (the corpus never writes an empty list)", () => {
  const doc = clinicDocument();
  const e5 = event(doc, "E5");
  const changed = applyAndUndo(doc, { kind: "removeArgument", eventIndex: "E5", position: 0, argument: e5.arguments[0] });
  assert.deepEqual(event(changed, "E5").arguments, []);
  assert.ok(!serializeCasieDocument(changed).includes('"argument": []'));
});

test("removeArgument in the middle keeps the others in order", () => {
  const doc = clinicDocument();
  const e1 = event(doc, "E1");
  const changed = applyAndUndo(doc, { kind: "removeArgument", eventIndex: "E1", position: 1, argument: e1.arguments[1] });
  assert.deepEqual(
    event(changed, "E1").arguments.map((a) => a.index),
    ["T2", "T4"],
  );
});

test("setArgumentAttributes changes the role, the entity type and the entity link", () => {
  const doc = clinicDocument();
  const link = event(doc, "E1").arguments[2].externalReference!;
  const changed = applyAndUndo(doc, {
    kind: "setArgumentAttributes",
    eventIndex: "E1",
    position: 2,
    from: { role: "Victim", entityType: "Organization", externalReference: link },
    to: { role: "Attacker", entityType: "Person", externalReference: { wikidataid: "Q42", layout: link.layout } },
  });
  const argument = event(changed, "E1").arguments[2];
  assert.deepEqual([argument.role.type, argument.entityType, argument.externalReference?.wikidataid], ["Attacker", "Person", "Q42"]);
  // The same span in E2 is another argument: untouched.
  assert.equal(event(changed, "E2").arguments[0], event(doc, "E2").arguments[0]);
});

test("setArgumentAttributes removes and adds entity links", () => {
  const doc = clinicDocument();
  const link = event(doc, "E1").arguments[2].externalReference!;
  const removed = applyAndUndo(doc, {
    kind: "setArgumentAttributes",
    eventIndex: "E1",
    position: 2,
    from: { externalReference: link },
    to: { externalReference: null },
  });
  assert.ok(!("externalReference" in event(removed, "E1").arguments[2]));
  const added = applyAndUndo(doc, {
    kind: "setArgumentAttributes",
    eventIndex: "E1",
    position: 0,
    from: { externalReference: null },
    to: { externalReference: { dbpediaURI: "http://dbpedia.org/resource/Hacker" } },
  });
  assert.ok(
    serializeCasieDocument(added).includes(
      '{"index": "T2", "external_reference": {"dbpediaURI": "http://dbpedia.org/resource/Hacker"}, "text": "Hackers"',
    ),
  );
});

test("setSpanBounds moves every nugget and argument naming the span", () => {
  const doc = clinicDocument();
  const to = { startOffset: 48, endOffset: 54, text: "clinic" };
  const changed = applyAndUndo(doc, { kind: "setSpanBounds", spanIndex: "T4", from: span("a clinic", "T4"), to });
  for (const [eventIndex, position] of [
    ["E1", 2],
    ["E2", 0],
  ] as const) {
    const argument = event(changed, eventIndex).arguments[position];
    assert.deepEqual([argument.startOffset, argument.endOffset, argument.text], [48, 54, "clinic"]);
    assert.equal(argument.role.type, "Victim");
    assert.equal(argument.layout, event(doc, eventIndex).arguments[position].layout);
  }
  assert.equal(changed.hoppers[2], doc.hoppers[2]);
});

test("setSpanBounds of a nugget", () => {
  const doc = clinicDocument();
  const changed = applyAndUndo(doc, { kind: "setSpanBounds", spanIndex: "T1", from: span("have stolen", "T1"), to: span("stolen", "T1") });
  assert.equal(event(changed, "E1").nugget.text, "stolen");
});

test("moveEvent moves an event to another hopper or within its own", () => {
  const doc = clinicDocument();
  const across = applyAndUndo(doc, {
    kind: "moveEvent",
    eventIndex: "E3",
    from: { hopperIndex: 1, position: 1 },
    to: { hopperIndex: 0, position: 0 },
  });
  assert.deepEqual(
    across.hoppers.map((h) => h.events.map((e) => e.index)),
    [["E3", "E1"], ["E2"], ["E5"]],
  );
  const within = applyAndUndo(doc, {
    kind: "moveEvent",
    eventIndex: "E2",
    from: { hopperIndex: 1, position: 0 },
    to: { hopperIndex: 1, position: 1 },
  });
  assert.deepEqual(
    within.hoppers[1].events.map((e) => e.index),
    ["E3", "E2"],
  );
});

test("createHopper, deleteHopper and setHopperRelation", () => {
  const doc = clinicDocument();
  const created = applyAndUndo(doc, { kind: "createHopper", index: 7, position: 1, relation: "Same" });
  assert.deepEqual(created.hoppers[1], { index: 7, relation: "Same", events: [] });
  applyAndUndo(created, { kind: "deleteHopper", index: 7, position: 1, relation: "Same" });
  const unrelated = applyAndUndo(doc, { kind: "setHopperRelation", hopperIndex: 0, from: "Same", to: null });
  assert.ok(!("relation" in unrelated.hoppers[0]));
  assert.ok(serializeCasieDocument(unrelated).includes('{"index": 0, "events": ['));
  const related = applyAndUndo(doc, { kind: "setHopperRelation", hopperIndex: 3, from: null, to: "Same" });
  assert.ok(serializeCasieDocument(related).includes('{"index": 3, "relation": "Same", "note": "checked", "events": ['));
});

test("a batch applies in order and inverts in reverse order", () => {
  const doc = clinicDocument();
  const operation: AnnotationOperation = {
    kind: "batch",
    label: "Merge hopper 3 into hopper 0",
    operations: [
      { kind: "moveEvent", eventIndex: "E5", from: { hopperIndex: 3, position: 0 }, to: { hopperIndex: 0, position: 1 } },
      { kind: "deleteHopper", index: 3, position: 2, layout: doc.hoppers[2].layout },
    ],
  };
  const changed = applyAndUndo(doc, operation);
  assert.deepEqual(
    changed.hoppers.map((h) => h.events.map((e) => e.index)),
    [
      ["E1", "E5"],
      ["E2", "E3"],
    ],
  );
  assert.deepEqual(
    (invertOperation(operation) as Extract<AnnotationOperation, { kind: "batch" }>).operations.map((o) => o.kind),
    ["createHopper", "moveEvent"],
  );
});

test("applyOperations applies a list in order", () => {
  const doc = clinicDocument();
  const changed = applyOperations(doc, [
    { kind: "setEventAttributes", eventIndex: "E1", from: { realis: "Actual" }, to: { realis: "Other" } },
    { kind: "setEventAttributes", eventIndex: "E1", from: { realis: "Other" }, to: { realis: "Generic" } },
  ]);
  assert.equal(event(changed, "E1").realis, "Generic");
});

test("conflicts: attribute values someone else changed", () => {
  const doc = clinicDocument();
  assert.equal(
    conflictOf(doc, { kind: "setEventAttributes", eventIndex: "E1", from: { realis: "Generic" }, to: { realis: "Other" } }),
    "E1's realis is Actual now, not Generic",
  );
  assert.equal(
    conflictOf(doc, { kind: "setArgumentAttributes", eventIndex: "E1", position: 0, from: { role: "Victim" }, to: { role: "Tool" } }),
    `E1's argument T2 "Hackers" has the role Attacker now, not Victim`,
  );
  assert.equal(
    conflictOf(doc, {
      kind: "setArgumentAttributes",
      eventIndex: "E1",
      position: 0,
      from: { externalReference: { wikidataid: "Q1" } },
      to: { externalReference: null },
    }),
    `E1's argument T2 "Hackers" has no entity link now, not the entity link Q1`,
  );
  assert.equal(conflictOf(doc, { kind: "setHopperRelation", hopperIndex: 1, from: "Same", to: null }), "hopper 1's relation is none now, not Same");
  assert.equal(
    conflictOf(doc, { kind: "setSpanBounds", spanIndex: "T4", from: span("clinic", "T4"), to: span("a clinic in Lithuania", "T4") }),
    `T4 is 46-54 "a clinic" now, not 48-54 "clinic"`,
  );
  assert.equal(
    conflictOf(doc, { kind: "setEventAttributes", eventIndex: "E1", from: { realis: "Actual" }, to: { realis: "Generic", type: "Attack" } }),
    "the change to E1 names realis as before but realis, type as after",
  );
});

test("conflicts: an event that changed since the operation was made", () => {
  const doc = clinicDocument();
  const e1 = event(doc, "E1");
  const place = { hopperIndex: 0, position: 0 };
  assert.equal(conflictOf(doc, { kind: "deleteEvent", event: { ...e1, realis: "Other" }, place }), "E1's realis is Actual now, not Other");
  assert.equal(conflictOf(doc, { kind: "deleteEvent", event: { ...e1, arguments: e1.arguments.slice(1) }, place }), "E1 has 3 arguments now, not 2");
  assert.equal(
    conflictOf(doc, { kind: "removeArgument", eventIndex: "E1", position: 0, argument: e1.arguments[1] }),
    `E1's argument 1 is T2 "Hackers" as Attacker (Person) now, not T3 "the data of patients" as Compromised-Data (PII)`,
  );
  assert.equal(
    conflictOf(doc, { kind: "deleteEvent", event: e1, place: { hopperIndex: 0, position: 1 } }),
    "E1 is at position 0 of hopper 0 now, not at position 1 of hopper 0",
  );
  assert.equal(
    conflictOf(doc, { kind: "moveEvent", eventIndex: "E3", from: { hopperIndex: 0, position: 0 }, to: { hopperIndex: 1, position: 0 } }),
    "E3 is at position 1 of hopper 1 now, not at position 0 of hopper 0",
  );
});

test("conflicts: indexes missing or already taken", () => {
  const doc = clinicDocument();
  assert.equal(
    conflictOf(doc, { kind: "createEvent", event: newEvent("E2"), place: { hopperIndex: 1, position: 0 } }),
    "E2 already exists (in hopper 1)",
  );
  assert.equal(
    conflictOf(doc, { kind: "createEvent", event: { ...newEvent("E6"), nugget: span("refused", "T4") }, place: { hopperIndex: 1, position: 0 } }),
    `T4 is already the span 46-54 "a clinic", not 80-87 "refused"`,
  );
  assert.equal(conflictOf(doc, { kind: "createEvent", event: newEvent("E6"), place: { hopperIndex: 2, position: 0 } }), "there is no hopper 2");
  assert.equal(
    conflictOf(doc, { kind: "createEvent", event: newEvent("E6"), place: { hopperIndex: 1, position: 3 } }),
    "position 3 is outside hopper 1's events (0 to 2)",
  );
  assert.equal(
    conflictOf(doc, { kind: "createEvent", event: newEvent("E6"), place: { hopperIndex: 3, position: 0 }, newHopper: { index: 3, position: 0 } }),
    "hopper 3 already exists",
  );
  assert.equal(conflictOf(doc, { kind: "createHopper", index: 1, position: 0 }), "hopper 1 already exists");
  assert.equal(
    conflictOf(doc, { kind: "setEventAttributes", eventIndex: "E9", from: { realis: "Actual" }, to: { realis: "Other" } }),
    "there is no event E9",
  );
  assert.equal(conflictOf(doc, { kind: "setSpanBounds", spanIndex: "T99", from: span("a", "T99"), to: span("a", "T99") }), "there is no span T99");
  assert.equal(
    conflictOf(doc, { kind: "removeArgument", eventIndex: "E3", position: 0, argument: event(doc, "E1").arguments[0] }),
    "E3 has no argument 1 (it has 0)",
  );
  assert.equal(
    conflictOf(doc, { kind: "addArgument", eventIndex: "E1", position: 3, argument: event(doc, "E1").arguments[0] }),
    `E1 already has T2 "Hackers" as Attacker (Person)`,
  );
});

test("conflicts: spans that do not fit the content", () => {
  const doc = clinicDocument();
  const withNugget = (nugget: CasieEvent["nugget"]): AnnotationOperation => ({
    kind: "createEvent",
    event: { ...newEvent("E6"), nugget },
    place: { hopperIndex: 1, position: 0 },
  });
  assert.equal(
    conflictOf(doc, withNugget({ index: "T10", startOffset: 110, endOffset: 130, text: "x".repeat(20) })),
    `T10 ends at 130, outside the content (${CONTENT.length} characters)`,
  );
  assert.equal(
    conflictOf(doc, withNugget({ index: "T10", startOffset: 80, endOffset: 87, text: "refuses" })),
    `T10's text "refuses" is not the content at 80-87, which is "refused"`,
  );
  assert.equal(
    conflictOf(doc, withNugget({ index: "T10", startOffset: 80, endOffset: 86, text: "refused" })),
    `T10's text "refused" is 7 characters long, not 6 as its offsets 80-86 say`,
  );
  assert.equal(
    conflictOf(doc, withNugget({ index: "T10", startOffset: 87, endOffset: 80, text: "" })),
    "T10's offsets 87-80 are not a range of the content",
  );
  assert.equal(
    conflictOf(doc, { kind: "setSpanBounds", spanIndex: "T7", from: span("pay", "T7"), to: { startOffset: 91, endOffset: 94, text: "pai" } }),
    `T7's text "pai" is not the content at 91-94, which is "pay"`,
  );
  // A text one character off its offsets is what imported shifted spans look like: undo must be able to restore one.
  const shifted = { index: "T10", startOffset: 81, endOffset: 88, text: "refused" };
  assert.equal(event(applyOperation(doc, withNugget(shifted)), "E6").nugget.text, "refused");
});

test("conflicts: deleting a hopper that is not empty, or whose relation changed", () => {
  const doc = clinicDocument();
  assert.equal(conflictOf(doc, { kind: "deleteHopper", index: 1, position: 1 }), "hopper 1 is not empty: it holds E2, E3");
  assert.equal(conflictOf(doc, { kind: "deleteHopper", index: 1, position: 0 }), "hopper 1 is at position 1 now, not 0");
  const emptied = applyOperation(doc, { kind: "deleteEvent", event: event(doc, "E1"), place: { hopperIndex: 0, position: 0 } });
  assert.equal(conflictOf(emptied, { kind: "deleteHopper", index: 0, position: 0 }), "hopper 0's relation is Same now, not none");
  assert.equal(
    conflictOf(doc, {
      kind: "deleteEvent",
      event: event(doc, "E2"),
      place: { hopperIndex: 1, position: 0 },
      deletedHopper: { index: 1, position: 1 },
    }),
    "hopper 1 is not empty: it holds E3",
  );
});

test("a conflict inside a batch names the failing member and changes nothing", () => {
  const doc = clinicDocument();
  const failing: AnnotationOperation = { kind: "deleteHopper", index: 1, position: 1 };
  const batch: AnnotationOperation = {
    kind: "batch",
    label: "two steps",
    operations: [{ kind: "setEventAttributes", eventIndex: "E1", from: { realis: "Actual" }, to: { realis: "Other" } }, failing],
  };
  assert.throws(
    () => applyOperation(doc, batch),
    (error: unknown) => error instanceof OperationConflictError && error.operation === failing,
  );
  assert.equal(event(doc, "E1").realis, "Actual");
});
