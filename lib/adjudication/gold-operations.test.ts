import assert from "node:assert/strict";
import { test } from "node:test";
import { event, hoppers, spanOf } from "@/lib/agreement/test-sets";
import { numberingAfter } from "@/lib/annotation/index-allocation";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { checkSaveOperations } from "@/lib/annotation/save-validation";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { adjudicationState } from "./adjudication-state";
import { findDisagreements, type Disagreements } from "./disagreements";
import {
  acceptVersionOperations,
  agreedGoldOperations,
  InvalidGroupingError,
  regroupOperations,
  rejectOperations,
  UnknownVersionError,
} from "./gold-operations";
import { ANN, BOB, documentWith, EMPTY_GOLD, offsetsOf } from "./test-sets";

const key = offsetsOf;

/** A gold set as the server keeps it: operations checked against the tagset exactly as a save is. */
class Gold {
  document = EMPTY_GOLD.document;
  numbering = EMPTY_GOLD.numbering;

  save(operations: AnnotationOperation[]): void {
    const checked = checkSaveOperations(this.document, operations, DEFAULT_CASIE_TAGSET);
    assert.ok(checked.ok, checked.ok ? "" : checked.message);
    assert.deepEqual(checked.claims, []);
    this.document = checked.document;
    this.numbering = numberingAfter(this.numbering, operations);
  }

  accept(model: Disagreements, itemId: string, annotatorId: string): AnnotationOperation[] {
    const operations = acceptVersionOperations(model, itemId, annotatorId, this.document, this.numbering);
    this.save(operations);
    return operations;
  }
}

const summary = (document: CasieDocument) =>
  document.hoppers.map((hopper) =>
    hopper.events.map((event) => ({
      nugget: event.nugget.text,
      subtype: event.subtype,
      arguments: event.arguments.map((argument) => `${argument.role.type}:${argument.text}`),
    })),
  );

test("the gold starts with what the annotators agree on, and nothing else", () => {
  const model = findDisagreements([ANN, BOB]);
  const gold = new Gold();
  gold.save(agreedGoldOperations(model, gold.document, gold.numbering));
  assert.deepEqual(summary(gold.document), [[{ nugget: "stole", subtype: "Databreach", arguments: ["Compromised-Data:data"] }]]);
  const state = adjudicationState(model, gold.document, []);
  assert.equal(state.undecided, 4);
  assert.deepEqual(
    state.items.map((item) => item.goldVersion),
    [null, null, null, null],
  );
});

test("accepting each annotator's version writes it into the gold, whichever item comes first", () => {
  const model = findDisagreements([ANN, BOB]);
  const gold = new Gold();
  gold.save(agreedGoldOperations(model, gold.document, gold.numbering));
  const [role, span, subtype, grouping] = model.items.map((item) => item.id);

  gold.accept(model, span, "bob");
  gold.accept(model, role, "bob");
  gold.accept(model, subtype, "ann");
  assert.deepEqual(summary(gold.document), [
    [
      { nugget: "stole", subtype: "Databreach", arguments: ["Compromised-Data:data", "Victim:Hackers"] },
      { nugget: "leaked", subtype: "Databreach", arguments: [] },
    ],
    [{ nugget: "paid a ransom", subtype: "Ransom", arguments: ["Victim:Acme"] }],
  ]);
  let held = adjudicationState(model, gold.document, []).items.map((item) => item.goldVersion);
  assert.deepEqual(held, [1, 1, 0, 0], "the event Ann's subtype brought went where Ann grouped it");

  gold.accept(model, grouping, "bob");
  held = adjudicationState(model, gold.document, []).items.map((item) => item.goldVersion);
  assert.deepEqual(held, [1, 1, 0, 1]);
  assert.deepEqual(
    gold.document.hoppers.map((hopper) => hopper.events.map((event) => event.nugget.text)),
    [["stole"], ["leaked"], ["paid a ransom"]],
  );

  gold.accept(model, grouping, "ann");
  gold.accept(model, span, "ann");
  gold.accept(model, role, "ann");
  gold.accept(model, subtype, "bob");
  held = adjudicationState(model, gold.document, []).items.map((item) => item.goldVersion);
  assert.deepEqual(held, [0, 0, 1, 0]);
  assert.deepEqual(acceptVersionOperations(model, subtype, "bob", gold.document, gold.numbering), [], "the gold holds it already");
});

test("an accepted argument re-uses the gold's span for the same offsets, and is one undoable step", () => {
  const model = findDisagreements([ANN, BOB]);
  const gold = new Gold();
  gold.save(agreedGoldOperations(model, gold.document, gold.numbering));
  const operations = gold.accept(model, `argument:${key("stole")}:${key("Hackers")}`, "ann");
  assert.equal(operations.length, 1);
  assert.equal(operations[0].kind, "addArgument");
  const replaced = gold.accept(model, `argument:${key("stole")}:${key("Hackers")}`, "bob");
  assert.deepEqual(
    replaced.map((operation) => (operation.kind === "batch" ? operation.operations.map((member) => member.kind) : operation.kind)),
    [["removeArgument", "addArgument"]],
  );
});

test("accepting into an empty gold creates the event the item needs", () => {
  const model = findDisagreements([ANN, BOB]);
  const gold = new Gold();
  gold.accept(model, `hoppers:${key("stole")},${key("leaked")}`, "ann");
  assert.deepEqual(
    gold.document.hoppers.map((hopper) => hopper.events.map((event) => event.nugget.text)),
    [["stole", "leaked"]],
  );
});

test("an unknown item or an annotator without a version is refused", () => {
  const model = findDisagreements([ANN, BOB]);
  assert.throws(() => acceptVersionOperations(model, "span:0-1", "ann", EMPTY_GOLD.document, EMPTY_GOLD.numbering), UnknownVersionError);
  assert.throws(() => acceptVersionOperations(model, model.items[0].id, "cy", EMPTY_GOLD.document, EMPTY_GOLD.numbering), UnknownVersionError);
});

test("an event is looked for in the gold among all the rows: a neighbour's overlapping event is not taken for it", () => {
  // Ann has "paid" and "ransom"; Bob one event "paid a ransom", aligned with Ann's "ransom" (the larger overlap).
  const ann = {
    annotatorId: "ann",
    name: "Ann",
    document: documentWith(
      hoppers([event("E1", spanOf("T1", "paid"), "Ransom", "Actual")], [event("E2", spanOf("T2", "ransom"), "Ransom", "Actual")]),
    ),
  };
  const bob = { annotatorId: "bob", name: "Bob", document: documentWith(hoppers([event("E1", spanOf("T1", "paid a ransom"), "Ransom", "Actual")])) };
  const model = findDisagreements([ann, bob]);
  assert.deepEqual(
    model.items.map((item) => item.id),
    [`event:${key("paid")}`, `span:${key("paid a ransom")}+${key("ransom")}`],
  );
  const gold = new Gold();
  gold.accept(model, model.items[1].id, "bob");
  gold.accept(model, model.items[0].id, "ann");
  assert.deepEqual(
    gold.document.hoppers.map((hopper) => hopper.events.map((goldEvent) => goldEvent.nugget.text)),
    [["paid a ransom"], ["paid"]],
  );
  assert.deepEqual(
    adjudicationState(model, gold.document, []).items.map((item) => item.goldVersion),
    [0, 1],
  );
});

test("rejecting every version of an argument takes out what an earlier acceptance put in; rejecting a subtype changes nothing", () => {
  const model = findDisagreements([ANN, BOB]);
  const gold = new Gold();
  gold.save(agreedGoldOperations(model, gold.document, gold.numbering));
  const role = `argument:${key("stole")}:${key("Hackers")}`;
  gold.accept(model, role, "bob");
  assert.ok(summary(gold.document)[0][0].arguments.includes("Victim:Hackers"));
  gold.save(rejectOperations(model, role, gold.document, gold.numbering));
  assert.deepEqual(summary(gold.document), [[{ nugget: "stole", subtype: "Databreach", arguments: ["Compromised-Data:data"] }]]);
  assert.deepEqual(rejectOperations(model, role, gold.document, gold.numbering), [], "nothing left to take out");
  const subtype = model.items.find((item) => item.kind === "subtype")!.id;
  assert.deepEqual(rejectOperations(model, subtype, gold.document, gold.numbering), []);
  assert.throws(() => rejectOperations(model, "span:0-1", gold.document, gold.numbering), UnknownVersionError);
});

/** Ann puts "stole", "paid" and "leaked" together; Bob "stole" alone and "paid" with "leaked". */
function threeEventCluster(): Disagreements {
  const nuggets = (...texts: string[]) =>
    texts.map((text, i) => event(`E${text.length}${i}`, spanOf(`T${text.length}${i}`, text), "Databreach", "Actual"));
  const ann = { annotatorId: "ann", name: "Ann", document: documentWith(hoppers(nuggets("stole", "paid", "leaked"))) };
  const bob = { annotatorId: "bob", name: "Bob", document: documentWith(hoppers(nuggets("stole"), nuggets("paid", "leaked"))) };
  return findDisagreements([ann, bob]);
}

/** The gold's hoppers as nugget texts, in text order, which is all a grouping says. */
const grouped = (document: CasieDocument) =>
  document.hoppers
    .map((hopper) => hopper.events.map((goldEvent) => goldEvent.nugget).sort((a, b) => a.startOffset - b.startOffset))
    .sort((a, b) => a[0].startOffset - b[0].startOffset)
    .map((nuggets) => nuggets.map((nugget) => nugget.text));

test("a reviewer's own grouping moves, merges and splits the cluster's events, whatever order it is given in", () => {
  const model = threeEventCluster();
  const [cluster] = model.items;
  assert.equal(cluster.kind, "hoppers");
  const [stole, paid, leaked] = cluster.rowKeys;
  const gold = new Gold();
  gold.save(agreedGoldOperations(model, gold.document, gold.numbering));
  assert.deepEqual(grouped(gold.document), [["stole"], ["paid", "leaked"]], "the events, grouped where both annotators group them");

  // A grouping no annotator proposed.
  gold.save(regroupOperations(model, cluster.id, [[leaked], [paid, stole]], gold.document, gold.numbering));
  assert.deepEqual(grouped(gold.document), [["stole", "paid"], ["leaked"]]);
  assert.equal(adjudicationState(model, gold.document, []).items[0].goldVersion, null);

  // A move ("paid" to "leaked"'s hopper), then a merge of everything, then a split of everything.
  gold.save(regroupOperations(model, cluster.id, [[stole], [paid, leaked]], gold.document, gold.numbering));
  assert.deepEqual(grouped(gold.document), [["stole"], ["paid", "leaked"]]);
  assert.equal(adjudicationState(model, gold.document, []).items[0].goldVersion, 1, "the gold now holds Bob's grouping");
  gold.save(regroupOperations(model, cluster.id, [[stole, paid, leaked]], gold.document, gold.numbering));
  assert.deepEqual(grouped(gold.document), [["stole", "paid", "leaked"]]);
  gold.save(regroupOperations(model, cluster.id, [[stole], [paid], [leaked]], gold.document, gold.numbering));
  assert.equal(gold.document.hoppers.length, 3);
  assert.deepEqual(regroupOperations(model, cluster.id, [[leaked], [stole], [paid]], gold.document, gold.numbering), [], "nothing to change");
});

test("a grouping that is not a partition of the cluster, or of no cluster, is refused", () => {
  const model = threeEventCluster();
  const [cluster] = model.items;
  const [stole, paid, leaked] = cluster.rowKeys;
  const refused = (groups: string[][]) => () => regroupOperations(model, cluster.id, groups, EMPTY_GOLD.document, EMPTY_GOLD.numbering);
  assert.throws(refused([[stole], [paid]]), InvalidGroupingError, "an event left out");
  assert.throws(
    refused([
      [stole, paid],
      [paid, leaked],
    ]),
    InvalidGroupingError,
    "an event twice",
  );
  assert.throws(refused([[stole, paid, leaked], []]), InvalidGroupingError, "an empty hopper");
  assert.throws(refused([[stole, paid, leaked, "0-1"]]), InvalidGroupingError, "an event of no cluster");
  const notHoppers = findDisagreements([ANN, BOB]).items.find((item) => item.kind === "span")!;
  assert.throws(() => regroupOperations(model, notHoppers.id, [[stole]], EMPTY_GOLD.document, EMPTY_GOLD.numbering), UnknownVersionError);
});

test("regrouping into an empty gold creates the cluster's events from the first annotator's versions", () => {
  const model = threeEventCluster();
  const [cluster] = model.items;
  const gold = new Gold();
  gold.save(regroupOperations(model, cluster.id, [cluster.rowKeys], gold.document, gold.numbering));
  assert.deepEqual(grouped(gold.document), [["stole", "paid", "leaked"]]);
});
