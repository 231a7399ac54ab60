import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { applyOperation, invertOperation } from "./operation-kinds";
import { findEvent, findSpan } from "./document-lookup";
import {
  addArgumentOperation,
  adjustSpanOperation,
  createHopperOperation,
  createNuggetOperation,
  deleteEventOperation,
  extendSpanOperation,
  InvalidCommandError,
  mergeHoppersOperation,
  moveEventOperation,
  moveSpanEdgeOperation,
  parseExternalReference,
  removeArgumentOperation,
  repairSpanOperation,
  setArgumentAttributesOperation,
  setEventAttributesOperation,
  setHopperRelationOperation,
  shrinkSpanOperation,
  splitEventOperation,
} from "./editor-commands";
import type { AnnotationOperation } from "./operation-types";
import { clinicDocument, parseFrozen } from "./test-documents";

const doc = clinicDocument();
const content = doc.content;

/** Applies a command's operation, checks its inverse restores the document, and returns the result. */
function run(operation: AnnotationOperation | null, document: CasieDocument = doc): CasieDocument {
  assert.ok(operation, "expected an operation");
  const changed = applyOperation(document, operation);
  assert.deepEqual(applyOperation(changed, invertOperation(operation)), document);
  return changed;
}

function range(text: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = content.indexOf(text, start + 1);
  return { start, end: start + text.length };
}

function spanText(document: CasieDocument, spanIndex: string): string {
  return findSpan(document, spanIndex)!.text;
}

function hopperEvents(document: CasieDocument): [number, string[]][] {
  return document.hoppers.map((h) => [h.index, h.events.map((e) => e.index)]);
}

const invalid = (message: string) => (error: unknown) => error instanceof InvalidCommandError && error.message === message;

test("createNuggetOperation: a new event in a new hopper, or last in a chosen hopper", () => {
  const nugget = { ...range("refused"), type: "Attack", subtype: "Ransom", realis: "Actual" };
  const alone = run(createNuggetOperation(doc, nugget));
  assert.deepEqual(createNuggetOperation(doc, { ...nugget, hopper: "new" }), createNuggetOperation(doc, nugget));
  assert.deepEqual(hopperEvents(alone).at(-1), [4, ["E6"]]);
  assert.deepEqual(findEvent(alone, "E6")!.event.nugget, { index: "T10", ...{ startOffset: 80, endOffset: 87 }, text: "refused" });
  const joined = run(createNuggetOperation(doc, { ...nugget, hopper: 1 }));
  assert.deepEqual(hopperEvents(joined)[1], [1, ["E2", "E3", "E6"]]);
  assert.throws(() => createNuggetOperation(doc, { ...nugget, hopper: 2 }), invalid("there is no hopper 2"));
  assert.throws(
    () => createNuggetOperation(doc, { ...nugget, start: 7, end: 8, hopper: "new" }),
    invalid('select some text: " " is only white space'),
  );
  assert.throws(
    () => createNuggetOperation(doc, { ...nugget, start: 110, end: 130, hopper: "new" }),
    invalid("select some text: 110-130 is not a range of the text (0 to 119)"),
  );
});

test("addArgumentOperation: a new span, the entity type suggested for the role by default", () => {
  const changed = run(addArgumentOperation(doc, "E3", range("The clinic"), "Attacker", undefined, DEFAULT_CASIE_TAGSET));
  assert.deepEqual(findEvent(changed, "E3")!.event.arguments, [
    { index: "T10", startOffset: 69, endOffset: 79, text: "The clinic", entityType: "Person", role: { type: "Attacker" } },
  ]);
  const typed = run(addArgumentOperation(doc, "E3", range("The clinic"), "Victim", "Organization", DEFAULT_CASIE_TAGSET));
  assert.equal(findEvent(typed, "E3")!.event.arguments[0].entityType, "Organization");
});

test("addArgumentOperation re-uses the T of an argument span with the same bounds, or the one named", () => {
  const selected = addArgumentOperation(doc, "E3", range("a clinic"), "Victim", undefined, DEFAULT_CASIE_TAGSET);
  assert.equal(selected.kind === "addArgument" && selected.argument.index, "T4");
  run(selected);
  const named = addArgumentOperation(doc, "E2", { reuseSpanIndex: "T2" }, "Attacker", undefined, DEFAULT_CASIE_TAGSET);
  assert.deepEqual(named.kind === "addArgument" && [named.argument.index, named.argument.text, named.position], ["T2", "Hackers", 2]);
  run(named);
});

test("addArgumentOperation refuses a doubled argument, an unknown span, and a role without entity type", () => {
  assert.throws(
    () => addArgumentOperation(doc, "E2", range("a clinic"), "Victim", undefined, DEFAULT_CASIE_TAGSET),
    invalid('E2 already has T4 "a clinic" as Victim (Organization)'),
  );
  assert.throws(
    () => addArgumentOperation(doc, "E2", { reuseSpanIndex: "T99" }, "Victim", undefined, DEFAULT_CASIE_TAGSET),
    invalid("there is no span T99"),
  );
  assert.throws(
    () => addArgumentOperation(doc, "E2", range("Hackers"), "Mastermind", undefined, DEFAULT_CASIE_TAGSET),
    invalid("choose an entity type: the tagset suggests none for the role Mastermind"),
  );
  const tagset = { ...DEFAULT_CASIE_TAGSET, roles: [...DEFAULT_CASIE_TAGSET.roles, { name: "Mastermind", entityTypes: ["Organization"] }] };
  const operation = addArgumentOperation(doc, "E2", range("Hackers"), "Mastermind", undefined, tagset);
  assert.equal(operation.kind === "addArgument" && operation.argument.entityType, "Organization");
});

test("setEventAttributesOperation names what changes, and nothing when nothing does", () => {
  const operation = setEventAttributesOperation(doc, "E1", { type: "Attack", subtype: "Phishing", realis: "Actual" });
  assert.deepEqual(operation, { kind: "setEventAttributes", eventIndex: "E1", from: { subtype: "Databreach" }, to: { subtype: "Phishing" } });
  run(operation);
  assert.equal(setEventAttributesOperation(doc, "E1", { realis: "Actual" }), null);
  assert.throws(() => setEventAttributesOperation(doc, "E1", { realis: " " }), invalid("choose a realis for E1"));
});

test("setArgumentAttributesOperation: role, entity type and a checked entity link", () => {
  const changed = run(
    setArgumentAttributesOperation(doc, "E1", 0, { role: "Victim", entityType: "Organization", externalReference: { wikidataid: "Q2" } }),
  );
  const argument = findEvent(changed, "E1")!.event.arguments[0];
  assert.deepEqual([argument.role.type, argument.entityType, argument.externalReference], ["Victim", "Organization", { wikidataid: "Q2" }]);
  assert.equal(setArgumentAttributesOperation(doc, "E1", 0, { role: "Attacker", externalReference: null }), null);
  assert.throws(
    () => setArgumentAttributesOperation(doc, "E1", 0, { externalReference: { wikidataid: "42" } }),
    invalid('a Wikidata id looks like Q42, not "42"'),
  );
  assert.throws(
    () => setArgumentAttributesOperation(doc, "E1", 0, { externalReference: { dbpediaURI: "https://en.wikipedia.org/wiki/Hacker" } }),
    invalid('a DBpedia URI looks like http://dbpedia.org/resource/Name, not "https://en.wikipedia.org/wiki/Hacker"'),
  );
  assert.throws(() => setArgumentAttributesOperation(doc, "E1", 5, { role: "Victim" }), invalid("E1 has no argument 6 (it has 3)"));
});

test("setArgumentAttributesOperation replaces or removes a link, keeping the link's layout", () => {
  const link = findEvent(doc, "E1")!.event.arguments[2].externalReference!;
  const replaced = run(setArgumentAttributesOperation(doc, "E1", 2, { externalReference: { dbpediaURI: "http://dbpedia.org/resource/Clinic" } }));
  assert.deepEqual(findEvent(replaced, "E1")!.event.arguments[2].externalReference, {
    dbpediaURI: "http://dbpedia.org/resource/Clinic",
    layout: link.layout,
  });
  const removed = run(setArgumentAttributesOperation(doc, "E1", 2, { externalReference: null }));
  assert.equal(findEvent(removed, "E1")!.event.arguments[2].externalReference, undefined);
  assert.equal(setArgumentAttributesOperation(doc, "E1", 2, { externalReference: { wikidataid: "Q1774898" } }), null);
});

test("parseExternalReference reads Wikidata ids and URLs and DBpedia URIs", () => {
  assert.deepEqual(parseExternalReference(" Q42 "), { wikidataid: "Q42" });
  assert.deepEqual(parseExternalReference("https://www.wikidata.org/wiki/Q31504278"), { wikidataid: "Q31504278" });
  assert.deepEqual(parseExternalReference("http://dbpedia.org/resource/Apache_Struts_2"), {
    dbpediaURI: "http://dbpedia.org/resource/Apache_Struts_2",
  });
  for (const text of ["", "Q0", "q42", "Hacker", "http://dbpedia.org/page/Hacker"]) assert.equal(parseExternalReference(text), null, text);
});

test("adjustSpanOperation moves a span and every use of it", () => {
  const changed = run(adjustSpanOperation(doc, "T4", range("clinic")));
  assert.deepEqual([findEvent(changed, "E1")!.event.arguments[2].text, findEvent(changed, "E2")!.event.arguments[0].text], ["clinic", "clinic"]);
  assert.equal(adjustSpanOperation(doc, "T4", range("a clinic")), null);
  assert.throws(
    () => adjustSpanOperation(doc, "T4", { start: 50, end: 50 }),
    invalid("select some text: 50-50 is not a range of the text (0 to 119)"),
  );
});

test("extendSpanOperation and shrinkSpanOperation move one edge by a character or a word", () => {
  const edited = (operation: AnnotationOperation | null) => spanText(run(operation), "T1");
  assert.equal(spanText(doc, "T1"), "have stolen");
  assert.equal(edited(extendSpanOperation(doc, "T1", "end", "word")), "have stolen the");
  assert.equal(edited(extendSpanOperation(doc, "T1", "start", "word")), "Hackers have stolen");
  assert.equal(edited(shrinkSpanOperation(doc, "T1", "end", "word")), "have");
  assert.equal(edited(shrinkSpanOperation(doc, "T1", "start", "word")), "stolen");
  assert.equal(edited(extendSpanOperation(doc, "T1", "end", "char")), "have stolen ");
  assert.equal(edited(shrinkSpanOperation(doc, "T1", "start", "char")), "ave stolen");
  assert.equal(edited(moveSpanEdgeOperation(doc, "T1", "start", "char", "backward")), " have stolen");
  // A one-word span cannot lose its word; a span at the start of the text cannot grow backward.
  assert.equal(shrinkSpanOperation(doc, "T9", "end", "word"), null);
  assert.equal(extendSpanOperation(doc, "T2", "start", "char"), null);
  assert.equal(extendSpanOperation(doc, "T2", "start", "word"), null);
});

test("deleteEventOperation deletes the event with its arguments, and its hopper when it was the last", () => {
  const plain = deleteEventOperation(doc, "E2");
  assert.deepEqual(plain.kind === "deleteEvent" && [plain.place, plain.deletedHopper], [{ hopperIndex: 1, position: 0 }, undefined]);
  assert.deepEqual(hopperEvents(run(plain)), [
    [0, ["E1"]],
    [1, ["E3"]],
    [3, ["E5"]],
  ]);
  const last = deleteEventOperation(doc, "E1");
  assert.deepEqual(last.kind === "deleteEvent" && last.deletedHopper, { index: 0, position: 0, relation: "Same", layout: doc.hoppers[0].layout });
  assert.deepEqual(hopperEvents(run(last)), [
    [1, ["E2", "E3"]],
    [3, ["E5"]],
  ]);
});

test("deleteEventOperation can move the arguments to another event first, without doubling any", () => {
  const operation = deleteEventOperation(doc, "E1", { arguments: "moveTo", targetEventIndex: "E2" });
  const changed = run(operation);
  assert.equal(findEvent(changed, "E1"), undefined);
  assert.deepEqual(
    findEvent(changed, "E2")!.event.arguments.map((a) => `${a.index} ${a.role.type}`),
    ["T4 Victim", "T6 Price", "T2 Attacker", "T3 Compromised-Data"],
  );
  assert.equal(operation.kind === "batch" && operation.label, "Delete E1, moving its arguments to E2");
  assert.equal(deleteEventOperation(doc, "E3", { arguments: "moveTo", targetEventIndex: "E2" }).kind, "deleteEvent");
  assert.throws(() => deleteEventOperation(doc, "E1", { arguments: "moveTo" }), invalid("choose the event that takes over E1's arguments"));
  assert.throws(
    () => deleteEventOperation(doc, "E1", { arguments: "moveTo", targetEventIndex: "E1" }),
    invalid("E1's arguments cannot move to E1 itself"),
  );
  assert.throws(() => deleteEventOperation(doc, "E9"), invalid("there is no event E9"));
});

test("removeArgumentOperation", () => {
  const changed = run(removeArgumentOperation(doc, "E2", 0));
  assert.deepEqual(
    findEvent(changed, "E2")!.event.arguments.map((a) => a.index),
    ["T6"],
  );
});

test("moveEventOperation moves to another hopper, deleting the hopper it leaves empty", () => {
  assert.deepEqual(hopperEvents(run(moveEventOperation(doc, "E3", 0))), [
    [0, ["E1", "E3"]],
    [1, ["E2"]],
    [3, ["E5"]],
  ]);
  assert.deepEqual(hopperEvents(run(moveEventOperation(doc, "E3", 0, 0))), [
    [0, ["E3", "E1"]],
    [1, ["E2"]],
    [3, ["E5"]],
  ]);
  const leaving = moveEventOperation(doc, "E5", 1);
  assert.equal(leaving?.kind, "batch");
  assert.deepEqual(hopperEvents(run(leaving)), [
    [0, ["E1"]],
    [1, ["E2", "E3", "E5"]],
  ]);
  assert.deepEqual(hopperEvents(run(moveEventOperation(doc, "E2", 1))), [
    [0, ["E1"]],
    [1, ["E3", "E2"]],
    [3, ["E5"]],
  ]);
  assert.equal(moveEventOperation(doc, "E3", 1), null);
  assert.throws(() => moveEventOperation(doc, "E3", 0, 2), invalid("position 2 is outside hopper 0's events (0 to 1)"));
});

test("mergeHoppersOperation moves every event and deletes the emptied hopper", () => {
  const operation = mergeHoppersOperation(doc, 0, 1);
  assert.deepEqual(hopperEvents(run(operation)), [
    [0, ["E1", "E2", "E3"]],
    [3, ["E5"]],
  ]);
  assert.equal(operation.kind === "batch" && operation.label, "Merge hopper 1 into hopper 0");
  assert.deepEqual(hopperEvents(run(mergeHoppersOperation(doc, 3, 0))), [
    [1, ["E2", "E3"]],
    [3, ["E5", "E1"]],
  ]);
  assert.throws(() => mergeHoppersOperation(doc, 1, 1), invalid("hopper 1 cannot be merged into itself"));
});

test("splitEventOperation gives an event a hopper of its own, right after its old one", () => {
  assert.deepEqual(hopperEvents(run(splitEventOperation(doc, "E3"))), [
    [0, ["E1"]],
    [1, ["E2"]],
    [4, ["E3"]],
    [3, ["E5"]],
  ]);
  assert.equal(splitEventOperation(doc, "E1"), null);
});

test("createHopperOperation and setHopperRelationOperation", () => {
  const created = run(createHopperOperation(doc, { relation: "Same" }));
  assert.deepEqual(created.hoppers.at(-1), { index: 4, relation: "Same", events: [] });
  assert.equal(run(setHopperRelationOperation(doc, 1, "Same")).hoppers[1].relation, "Same");
  assert.equal(run(setHopperRelationOperation(doc, 0, null)).hoppers[0].relation, undefined);
  assert.equal(setHopperRelationOperation(doc, 0, "Same"), null);
});

test("repairSpanOperation moves a span onto its text when a one-character shift explains it", () => {
  const shifted = parseFrozen(
    '{"content": "Hackers stole the data.", "sourcefile": "2.txt", "cyberevent": {"hopper": [{"index": 0, "events": [' +
      '{"index": "E1", "type": "Attack", "realis": "Actual", "nugget": {"startOffset": 9, "index": "T1", "endOffset": 14, "text": "stole"}, ' +
      '"argument": [{"index": "T2", "text": "data", "endOffset": 21, "role": {"type": "Compromised-Data"}, "startOffset": 17, "type": "Data"}], "subtype": "Databreach"}]}]}}',
  );
  const repaired = run(repairSpanOperation(shifted, "T1"), shifted);
  assert.deepEqual(findSpan(repaired, "T1"), {
    index: "T1",
    startOffset: 8,
    endOffset: 13,
    text: "stole",
    layout: findEvent(shifted, "E1")!.event.nugget.layout,
  });
  assert.equal(findSpan(run(repairSpanOperation(shifted, "T2"), shifted), "T2")!.startOffset, 18);
  assert.equal(repairSpanOperation(doc, "T1"), null);
});
