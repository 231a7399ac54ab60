import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCasieDocument } from "@/lib/casie/parse";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieHopper } from "@/lib/casie/types";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES } from "@/lib/testing/casie-fixtures";
import { pairCounts, pairFigures, type PairFigures } from "./pair-agreement";
import { argument, event, hoppers, spanOf } from "./test-sets";

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${what}: expected ${expected}, got ${actual}`);

/** Every figure of the tree with its path. */
function figuresOf(figures: PairFigures): [string, number | null][] {
  const out: [string, number | null][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === "number" || value === null) out.push([path, value]);
    else if (typeof value === "object") for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(figures, "");
  return out;
}

const fixtureHoppers = (): CasieHopper[][] =>
  readAnnotationFiles(CASIE_FIXTURES).map(
    ({ name, text }) => parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name }).document!.hoppers,
  );

test("identical sets agree perfectly wherever a figure is defined (every fixture document against itself)", () => {
  for (const document of fixtureHoppers()) {
    for (const [path, value] of figuresOf(pairFigures(pairCounts(document, structuredClone(document))))) {
      if (value === null || path.endsWith(".items") || path.endsWith(".values")) continue;
      assert.equal(value, 1, path);
    }
  }
});

test("sets without events: nothing is defined", () => {
  for (const [path, value] of figuresOf(pairFigures(pairCounts([], [])))) if (!path.endsWith(".items")) assert.equal(value, null, path);
});

test("disjoint sets: every nugget, hopper and argument figure defined is 0", () => {
  const key = hoppers([
    event("E1", spanOf("T1", "stole"), "Databreach", "Actual", [argument("T2", "Hackers", "Attacker", "Organization")]),
    event("E2", spanOf("T3", "paid"), "Ransom", "Actual"),
  ]);
  const response = hoppers([event("E1", spanOf("T1", "leaked"), "Databreach", "Actual")], [event("E2", spanOf("T2", "ransom"), "Ransom", "Actual")]);
  const figures = pairFigures(pairCounts(key, response));
  assert.deepEqual(figures.nuggets.exact, { recall: 0, precision: 0, f1: 0 });
  assert.deepEqual(figures.nuggets.overlap, { recall: 0, precision: 0, f1: 0 });
  // No matched events: no argument is compared, and no decision made on the same item.
  assert.deepEqual(figures.arguments.spanRole, { recall: null, precision: null, f1: null });
  assert.equal(figures.decisions.subtype.kappa, null);
  const coreference = figures.coreference.all;
  assert.deepEqual([coreference.muc.f1, coreference.bcubed.f1, coreference.ceafe.f1, coreference.blanc.f1, coreference.conll], [0, 0, 0, 0, 0]);
  // Over the nuggets both sets have, there are none.
  assert.equal(figures.coreference.shared.conll, null);
});

test("spans are matched by offsets, never by T or E indexes", () => {
  const key = hoppers([event("E1", spanOf("T1", "stole"), "Databreach", "Actual", [argument("T2", "Hackers", "Attacker", "Organization")])]);
  const renumbered = hoppers([event("E7", spanOf("T9", "stole"), "Databreach", "Actual", [argument("T1", "Hackers", "Attacker", "Organization")])]);
  assert.equal(pairFigures(pairCounts(key, renumbered)).arguments.spanRoleEntityType.f1, 1);
  const sameIndexesOtherSpans = hoppers([
    event("E1", spanOf("T1", "paid"), "Databreach", "Actual", [argument("T2", "Acme", "Attacker", "Organization")]),
  ]);
  assert.equal(pairFigures(pairCounts(key, sameIndexesOtherSpans)).nuggets.overlap.f1, 0);
});

test("a hand-computed pair: a shifted nugget, a changed realis, an argument's entity type, a hopper split", () => {
  // Key: "stole" (Databreach, Attacker "Hackers" Organization) and "paid" (Ransom) in one hopper.
  const key = hoppers([
    event("E1", spanOf("T1", "stole"), "Databreach", "Actual", [argument("T2", "Hackers", "Attacker", "Organization")]),
    event("E2", spanOf("T3", "paid"), "Ransom", "Actual"),
  ]);
  // Response: "stole" with Attacker "Hackers" as a Person plus a Victim; "paid a ransom" (overlapping "paid"), Other; "leaked", each alone.
  const response = hoppers(
    [
      event("E1", spanOf("T1", "stole"), "Databreach", "Actual", [
        argument("T2", "Hackers", "Attacker", "Person"),
        argument("T3", "Acme Corp", "Victim", "Organization"),
      ]),
    ],
    [event("E2", spanOf("T4", "paid a ransom"), "Ransom", "Other")],
    [event("E3", spanOf("T5", "leaked"), "Databreach", "Actual")],
  );
  const counts = pairCounts(key, response);
  const figures = pairFigures(counts);
  assert.deepEqual(counts.nuggets.exact, { recall: { numerator: 1, denominator: 2 }, precision: { numerator: 1, denominator: 3 } });
  close(figures.nuggets.exact.f1, 0.4, "exact nugget F1");
  assert.deepEqual(figures.nuggets.overlap, { recall: 1, precision: 2 / 3, f1: 0.8 });
  // Arguments of the matched events: key 1, response 2; (span, role) 1 in common, (span, role, entity type) none.
  assert.deepEqual(figures.arguments.spanRole, { recall: 1, precision: 0.5, f1: 2 / 3 });
  assert.deepEqual(figures.arguments.spanRoleEntityType, { recall: 0, precision: 0, f1: 0 });
  // Decisions on the two matched events and the one argument with the same span.
  assert.deepEqual(figures.decisions.subtype, { items: 2, observed: 1, kappa: 1 });
  assert.deepEqual(figures.decisions.realis, { items: 2, observed: 0.5, kappa: 0 });
  assert.deepEqual(figures.decisions.entityType, { items: 1, observed: 0, kappa: 0 });
  assert.deepEqual(figures.decisions.role, { items: 1, observed: 1, kappa: null });
  // Hoppers over all nuggets: key {stole paid}, response {stole} {paid a ransom} {leaked}; only "stole" is in both.
  const all = figures.coreference.all;
  assert.deepEqual([all.muc.recall, all.muc.precision, all.muc.f1], [0, null, 0]);
  assert.deepEqual([all.bcubed.recall, all.bcubed.precision], [1 / 2 / 2, 1 / 3]);
  assert.deepEqual([all.ceafe.recall, all.ceafe.precision], [2 / 3 / 1, 2 / 3 / 3]);
  // Over the shared nuggets only: {stole} against {stole}.
  const shared = figures.coreference.shared;
  assert.deepEqual([shared.muc.f1, shared.bcubed.f1, shared.ceafe.f1, shared.blanc.f1, shared.conll], [null, 1, 1, null, null]);
  // Per label.
  assert.deepEqual(counts.subtypes.get("Attack/Databreach"), { key: 1, response: 2, matched: 1 });
  assert.deepEqual(counts.subtypes.get("Attack/Ransom"), { key: 1, response: 1, matched: 1 });
  assert.deepEqual(counts.roles.get("Attacker"), { key: 1, response: 1, matched: 1 });
  assert.deepEqual(counts.roles.get("Victim"), { key: 0, response: 1, matched: 0 });
});

test("overlap matching is one to one and optimal: the longer overlap wins", () => {
  const key = hoppers([event("E1", spanOf("T1", "paid a ransom"), "Ransom", "Actual")]);
  const response = hoppers([event("E1", spanOf("T1", "paid"), "Ransom", "Actual")], [event("E2", spanOf("T2", "a ransom"), "Ransom", "Other")]);
  const figures = pairFigures(pairCounts(key, response));
  assert.deepEqual(figures.nuggets.overlap, { recall: 1, precision: 0.5, f1: 2 / 3 });
  // "a ransom" (8 of 13 characters) is matched, with its realis Other.
  assert.deepEqual(figures.decisions.realis, { items: 1, observed: 0, kappa: 0 });
});
