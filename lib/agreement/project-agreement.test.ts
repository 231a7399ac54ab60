import assert from "node:assert/strict";
import { test } from "node:test";
import { krippendorffAlpha, recordUnit, type CoincidenceMatrix } from "./categorical-agreement";
import { documentAgreement } from "./document-agreement";
import { pairCounts, pairFigures } from "./pair-agreement";
import { projectAgreement } from "./project-agreement";
import { argument, event, hoppers, spanOf } from "./test-sets";

const stole = (subtype: string, realis = "Actual", entityType = "Organization") =>
  event("E1", spanOf("T1", "stole"), subtype, realis, [argument("T2", "Hackers", "Attacker", entityType)]);
const paid = (realis: string) => event("E2", spanOf("T3", "paid"), "Ransom", realis);

test("Krippendorff's units across three annotators: events tied by the pairwise matching, missing where a set has none", () => {
  const document = documentAgreement([
    { annotator: "ann", hoppers: hoppers([stole("Databreach"), paid("Actual")]) },
    { annotator: "bob", hoppers: hoppers([stole("Databreach", "Actual", "Person")], [paid("Other")]) },
    { annotator: "cy", hoppers: hoppers([stole("Phishing")]) },
  ]);
  assert.deepEqual(
    document.pairs.map((pair) => [pair.key, pair.response]),
    [
      ["ann", "bob"],
      ["ann", "cy"],
      ["bob", "cy"],
    ],
  );
  const expected = (units: (string | null)[][]) => {
    const matrix: CoincidenceMatrix = new Map();
    for (const unit of units) recordUnit(matrix, unit);
    return krippendorffAlpha(matrix);
  };
  assert.deepEqual(
    krippendorffAlpha(document.alpha.subtype),
    expected([
      ["Attack/Databreach", "Attack/Databreach", "Attack/Phishing"],
      ["Attack/Ransom", "Attack/Ransom", null],
    ]),
  );
  assert.deepEqual(
    krippendorffAlpha(document.alpha.realis),
    expected([
      ["Actual", "Actual", "Actual"],
      ["Actual", "Other", null],
    ]),
  );
  assert.deepEqual(krippendorffAlpha(document.alpha.entityType), expected([["Organization", "Person", "Organization"]]));
  assert.equal(document.ambiguousUnits, 0);
});

test("one annotator, or none: nothing to compare, nothing defined", () => {
  const result = projectAgreement([
    { documentId: "d1", name: "one", sets: [{ annotator: "ann", hoppers: hoppers([stole("Databreach")]) }] },
    { documentId: "d2", name: "none", sets: [] },
  ]);
  assert.equal(result.uncomparedDocuments, 2);
  assert.deepEqual(result.pairs, []);
  assert.deepEqual(result.documents, []);
  assert.equal(pairFigures(result.total).nuggets.exact.f1, null);
  assert.equal(krippendorffAlpha(result.alpha.subtype).alpha, null);
});

test("a project sums numerators and denominators over documents before dividing, and ranks documents worst first", () => {
  const same = { annotator: "ann", hoppers: hoppers([stole("Databreach"), paid("Actual")]) };
  const documents = [
    { documentId: "d1", name: "agreed", sets: [same, { annotator: "bob", hoppers: hoppers([stole("Databreach"), paid("Actual")]) }] },
    // Listed bob first: the key is still ann, the annotator first by name.
    { documentId: "d2", name: "disputed", sets: [{ annotator: "bob", hoppers: hoppers([stole("Phishing")]) }, same] },
  ];
  const result = projectAgreement(documents);
  assert.deepEqual(result.annotators, ["ann", "bob"]);
  assert.deepEqual(
    result.documents.map((document) => document.name),
    ["disputed", "agreed"],
  );
  assert.equal(result.documents[1].score, 1);
  const [pair] = result.pairs;
  assert.deepEqual([pair.key, pair.response, pair.documents], ["ann", "bob", 2]);
  // Nuggets: 2 + 1 matched, key 2 + 2, response 2 + 1: recall 3/4 (not the mean of 1 and 1/2), precision 3/3.
  const figures = pairFigures(pair.counts);
  assert.deepEqual([figures.nuggets.exact.recall, figures.nuggets.exact.precision], [3 / 4, 1]);
  const d2 = pairFigures(pairCounts(same.hoppers, documents[1].sets[0].hoppers));
  assert.equal(d2.nuggets.exact.recall, 1 / 2);
  // Subtype decisions: 3 items, 2 alike.
  assert.equal(figures.decisions.subtype.items, 3);
  assert.equal(figures.decisions.subtype.observed, 2 / 3);
  assert.deepEqual(pairFigures(result.total), figures);
  assert.equal(result.pairs.length, 1);
  assert.equal(krippendorffAlpha(result.alpha.subtype).values, 6);
});
