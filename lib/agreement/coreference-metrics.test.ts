// The CoNLL-2012 reference scorer's own test cases (conll/reference-coreference-scorers,
// test/DataFiles and the expected figures of test/CorefMetricTestConfig.pm), hand-transcribed:
// each mention is its token span "start-end" in the test file, clusters in the order the
// scorer reads them. Where the scorer prints 0 for a 0/0, the expected value here is
// null (not defined), and the comment says so.

import assert from "node:assert/strict";
import { test } from "node:test";
import { coreferenceCounts, coreferenceFigures, addCoreferenceCounts, ZERO_COREFERENCE_COUNTS, type MentionClusters } from "./coreference-metrics";
import type { ScoreFigures } from "./ratio";

/** "{0-1} {3-6 9-9}": clusters of mentions. */
function clusters(text: string): MentionClusters {
  return [...text.matchAll(/\{([^}]*)\}/g)].map((match) => match[1].trim().split(/\s+/));
}

type Expected = [recall: number | null, precision: number | null, f1: number | null];

interface ReferenceCase {
  id: string;
  key: string;
  response: string;
  muc?: Expected;
  bcub?: Expected;
  ceafe?: Expected;
  blanc?: Expected;
}

const TC_A = "{0-1} {3-6 9-9} {11-12 14-14 16-18}";
const TC_M = "{0-1 3-6 9-9 11-12 14-14 16-18}";
const TC_N = "{0-1} {3-6} {9-9} {11-12} {14-14} {16-18}";
const bcubF = (r: number, p: number) => (2 * r * p) / (r + p);

const CASES: ReferenceCase[] = [
  { id: "A1", key: TC_A, response: TC_A, muc: [1, 1, 1], bcub: [1, 1, 1], ceafe: [1, 1, 1], blanc: [1, 1, 1] },
  {
    id: "A2",
    key: TC_A,
    response: "{0-1} {11-12 14-14}",
    muc: [1 / 3, 1, 0.5],
    bcub: [7 / 3 / 6, 1, 14 / 25],
    ceafe: [0.6, 0.9, 0.72],
    blanc: [0.21591, 1, 0.35385],
  },
  {
    id: "A3",
    key: TC_A,
    response: "{0-1} {3-6 9-9 10-10} {11-12 13-13 14-14 16-18} {15-15}",
    muc: [1, 3 / 5, 0.75],
    bcub: [1, (4 + 7 / 12) / 9, 110 / 163],
    ceafe: [0.88571, 0.66429, 0.75918],
    blanc: [1, 0.42593, 0.59717],
  },
  {
    id: "A4",
    key: TC_A,
    response: "{0-1} {3-6 9-9 10-10} {11-12 15-15} {13-13}",
    muc: [1 / 3, 1 / 3, 1 / 3],
    bcub: [(3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7, bcubF(5 / 9, 17 / 42)],
    ceafe: [0.73333, 0.55, 0.62857],
    blanc: [0.35227, 0.27206, 0.30357],
  },
  {
    id: "A5",
    key: TC_A,
    response: "{0-1} {4-5 3-6 9-9 10-10} {11-12 15-15} {13-13}",
    muc: [1 / 3, 1 / 4, 2 / 7],
    bcub: [(3 + 1 / 3) / 6, 2.5 / 8, bcubF(5 / 9, 5 / 16)],
    ceafe: [0.68889, 0.51667, 0.59048],
    blanc: [0.35227, 0.19048, 0.24716],
  },
  {
    id: "A6",
    key: TC_A,
    response: "{0-1} {3-6 9-9 10-10} {4-5 13-13} {11-12 15-15}",
    muc: [1 / 3, 1 / 4, 2 / 7],
    bcub: [10 / 3 / 6, (1 + 4 / 3 + 1 / 2) / 8, bcubF(5 / 9, 17 / 48)],
    ceafe: [0.73333, 0.55, 0.62857],
    blanc: [0.35227, 0.2087, 0.25817],
  },
  {
    id: "A7 (a mention repeated in its cluster)",
    key: TC_A,
    response: "{0-1} {3-6 3-6 9-9 10-10} {11-12 15-15} {13-13}",
    muc: [1 / 3, 1 / 3, 1 / 3],
    bcub: [10 / 3 / 6, (1 + 4 / 3 + 1 / 2) / 7, bcubF(5 / 9, 17 / 42)],
    ceafe: [0.73333, 0.55, 0.62857],
    blanc: [0.35227, 0.27206, 0.30357],
  },
  {
    id: "A8 (a mention repeated in another cluster)",
    key: TC_A,
    response: "{0-1} {3-6 9-9 10-10} {3-6 13-13} {11-12 15-15}",
    muc: [1 / 3, 1 / 3, 1 / 3],
    bcub: [10 / 3 / 6, (1 + 4 / 3 + 1 / 2) / 7, bcubF(5 / 9, 17 / 42)],
    ceafe: [0.73333, 0.55, 0.62857],
    blanc: [0.35227, 0.27206, 0.30357],
  },
  {
    id: "A9 (a mention repeated ten times)",
    key: TC_A,
    response: `{0-1} {3-6 9-9 10-10} {${"3-6 ".repeat(10)}13-13} {11-12 15-15}`,
    muc: [1 / 3, 1 / 3, 1 / 3],
    bcub: [10 / 3 / 6, (1 + 4 / 3 + 1 / 2) / 7, bcubF(5 / 9, 17 / 42)],
    ceafe: [0.73333, 0.55, 0.62857],
    blanc: [0.35227, 0.27206, 0.30357],
  },
  {
    id: "A10",
    key: TC_A,
    response: TC_N,
    // The scorer: MUC [0, 0, 0]; the response has no link, so precision is 0/0.
    muc: [0, null, 0],
    bcub: [3 / 6, 1, 2 / 3],
    blanc: [0.5, 0.36667, 0.42308],
  },
  {
    id: "A11",
    key: TC_A,
    response: TC_M,
    muc: [1, 3 / 5, 6 / 8],
    bcub: [1, (1 / 6 + (2 * 2) / 6 + (3 * 3) / 6) / 6, 14 / 25],
    blanc: [0.5, 0.13333, 0.21053],
  },
  {
    id: "A12",
    key: TC_A,
    response: "{0-1} {3-4} {7-7} {9-9} {11-12} {14-14} {16-16}",
    // The scorer: MUC [0, 0, 0]; precision is 0/0.
    muc: [0, null, 0],
    bcub: [(1 + 1 / 2 + 2 / 3) / 6, 4 / 7, bcubF(13 / 36, 4 / 7)],
    blanc: [0.22727, 0.11905, 0.15625],
  },
  {
    id: "A13",
    key: TC_A,
    response: "{0-1 3-4 7-7 9-9 11-12 14-14 16-16}",
    muc: [1 / 3, 1 / 6, 2 / 9],
    bcub: [(1 + 1 / 2 + (2 * 2) / 3) / 6, (1 / 7 + 1 / 7 + (2 * 2) / 7) / 7, bcubF(17 / 36, 6 / 49)],
    blanc: [0.125, 0.02381, 0.04],
  },
  {
    id: "B1",
    key: "{1-12 47-47} {29-31 62-63 66-66}",
    response: "{29-31 47-47 54-58} {62-63 66-66}",
    blanc: [(1 / 4 + 1 / 3) / 2, (1 / 4 + 1 / 3) / 2, (1 / 4 + 1 / 3) / 2],
  },
  {
    id: "C1",
    key: "{1-12 47-47} {29-31 62-63 66-66} {69-69 70-70}",
    response: "{29-31 47-47 54-58} {62-63 66-66} {69-69 70-70}",
    blanc: [(2 / 5 + 10 / 16) / 2, (2 / 5 + 10 / 16) / 2, (2 / 5 + 10 / 16) / 2],
  },
  {
    id: "D1",
    key: "{1-1 3-3 5-5 7-7 9-9} {13-13 15-15} {19-19 21-21 23-23 25-25 27-27}",
    response: "{1-1 3-3 5-5 7-7 9-9} {13-13 15-15 19-19 21-21 23-23 25-25 27-27}",
    muc: [1, 9 / 10, bcubF(1, 9 / 10)],
    bcub: [1, 16 / 21, bcubF(1, 16 / 21)],
  },
  {
    id: "E1",
    key: "{1-1 3-3 5-5 7-7 9-9} {13-13 15-15} {19-19 21-21 23-23 25-25 27-27}",
    response: "{1-1 3-3 5-5 7-7 9-9 19-19 21-21 23-23 25-25 27-27} {13-13 15-15}",
    muc: [1, 9 / 10, bcubF(1, 9 / 10)],
    bcub: [1, 7 / 12, bcubF(1, 7 / 12)],
  },
  { id: "F1", key: "{1-1 3-3 5-5 7-7}", response: "{1-1 3-3} {5-5 7-7}", muc: [2 / 3, 1, bcubF(2 / 3, 1)] },
  { id: "G1", key: "{1-1 3-3} {5-5 7-7}", response: "{1-1 3-3 5-5 7-7}", muc: [1, 2 / 3, bcubF(1, 2 / 3)] },
  { id: "H1", key: "{1-1 3-3 5-5 7-7}", response: "{1-1 3-3 5-5 7-7}", muc: [1, 1, 1] },
  { id: "I1", key: "{1-1 3-3 5-5 7-7}", response: "{1-1 3-3} {5-5 7-7}", muc: [2 / 3, 1, bcubF(2 / 3, 1)] },
  { id: "J1", key: "{1-1 3-3 5-5}", response: "{1-1 5-5}", muc: [1 / 2, 1, bcubF(1 / 2, 1)] },
  { id: "K1", key: "{3-3 5-5 7-7 9-9 13-13 15-15 19-19}", response: "{1-1 3-3 5-5} {7-7 9-9 11-11} {13-13 15-15 17-17}", muc: [3 / 6, 3 / 6, 3 / 6] },
  {
    id: "L1",
    key: "{1-1 3-3 5-5} {7-7 9-9 11-11 13-13}",
    response: "{1-1 3-3} {5-5 7-7} {11-11 13-13 15-15}",
    muc: [2 / 5, 2 / 4, bcubF(2 / 5, 2 / 4)],
  },
  { id: "M1", key: TC_M, response: TC_M, muc: [1, 1, 1], bcub: [1, 1, 1], ceafe: [1, 1, 1], blanc: [1, 1, 1] },
  // The scorer: MUC and BLANC [0, 0, 0]; the response has no coreference link, so precision is 0/0.
  { id: "M2", key: TC_M, response: TC_N, muc: [0, null, 0], blanc: [0, null, 0] },
  { id: "M3", key: TC_M, response: "{0-1 3-6} {9-9 11-12 14-14} {16-18}", blanc: [0.26667, 1, 0.42105] },
  { id: "M4", key: TC_M, response: "{0-1 3-6 9-9 10-10 13-13 15-15}", blanc: [0.2, 0.2, 0.2] },
  { id: "M5", key: TC_M, response: "{0-1} {3-6} {9-9} {10-10} {13-13} {15-15}", muc: [0, null, 0], blanc: [0, null, 0] },
  { id: "M6", key: TC_M, response: "{0-1 3-6} {9-9 10-10 13-13} {15-15}", blanc: [0.06667, 0.25, 0.10526] },
  // The scorer: MUC [0, 0, 0]; neither side has a coreference link: 0/0 both ways.
  { id: "N1", key: TC_N, response: TC_N, muc: [null, null, null], blanc: [1, 1, 1] },
  // The scorer: MUC [0, 0, 0] and BLANC [0, 0, 0]; the key has no link (recall 0/0), the response no non-coreference link (precision 0/0).
  { id: "N2", key: TC_N, response: TC_M, muc: [null, 0, 0], blanc: [0, null, 0] },
  { id: "N3", key: TC_N, response: "{0-1 3-6} {9-9 11-12 14-14} {16-18}", blanc: [0.73333, 1, 0.84615] },
  { id: "N4", key: TC_N, response: "{0-1} {3-6} {9-9} {10-10} {13-13} {15-15}", muc: [null, null, null], blanc: [0.2, 0.2, 0.2] },
  { id: "N5", key: TC_N, response: "{0-1 3-6 9-9 10-10 13-13 15-15}", blanc: [0, null, 0] },
  { id: "N6", key: TC_N, response: "{0-1 3-6} {9-9 10-10 13-13} {15-15}", blanc: [0.13333, 0.18182, 0.15385] },
];

function assertFigures(actual: ScoreFigures, expected: Expected, what: string) {
  const names = ["recall", "precision", "f1"] as const;
  names.forEach((name, index) => {
    const want = expected[index];
    const got = actual[name];
    if (want === null) assert.equal(got, null, `${what} ${name}: expected not defined, got ${got}`);
    else {
      assert.notEqual(got, null, `${what} ${name}: expected ${want}, got not defined`);
      // The configuration gives rounded figures to 5 decimals.
      assert.ok(Math.abs(got! - want) < 5e-6, `${what} ${name}: expected ${want}, got ${got}`);
    }
  });
}

for (const reference of CASES) {
  test(`reference scorer test case ${reference.id}`, () => {
    const figures = coreferenceFigures(coreferenceCounts(clusters(reference.key), clusters(reference.response)));
    if (reference.muc) assertFigures(figures.muc, reference.muc, "MUC");
    if (reference.bcub) assertFigures(figures.bcubed, reference.bcub, "B³");
    if (reference.ceafe) assertFigures(figures.ceafe, reference.ceafe, "CEAF-e");
    if (reference.blanc) assertFigures(figures.blanc, reference.blanc, "BLANC");
  });
}

test("TestCases.README's counts behind the figures (TC-A-4): numerators and denominators", () => {
  const counts = coreferenceCounts(clusters(TC_A), clusters("{0-1} {3-6 9-9 10-10} {11-12 15-15} {13-13}"));
  assert.deepEqual(counts.muc, { recall: { numerator: 1, denominator: 3 }, precision: { numerator: 1, denominator: 3 } });
  assert.deepEqual(counts.blanc.coreference, { recall: { numerator: 1, denominator: 4 }, precision: { numerator: 1, denominator: 4 } });
  assert.deepEqual(counts.blanc.nonCoreference, { recall: { numerator: 5, denominator: 11 }, precision: { numerator: 5, denominator: 17 } });
  assert.ok(Math.abs(counts.ceafe.recall.numerator - 2.2) < 1e-12);
  assert.deepEqual(counts.mentions, { recall: { numerator: 4, denominator: 6 }, precision: { numerator: 4, denominator: 7 } });
});

test("a corpus's figure sums numerators and denominators over documents (the scorer's totals), not figures", () => {
  // Document 1 is TC-A-2, document 2 TC-M-1: MUC recall (1 + 5) / (3 + 5), not the mean of 1/3 and 1.
  const first = coreferenceCounts(clusters(TC_A), clusters("{0-1} {11-12 14-14}"));
  const second = coreferenceCounts(clusters(TC_M), clusters(TC_M));
  const total = coreferenceFigures(addCoreferenceCounts(addCoreferenceCounts(ZERO_COREFERENCE_COUNTS, first), second));
  assert.equal(total.muc.recall, 6 / 8);
  assert.equal(total.muc.precision, 6 / 6);
  // BLANC over a corpus: the summed counts' kinds (here both) decide, as the scorer's totals do.
  assert.equal(total.blanc.coreference.recall, (1 + 15) / (4 + 15));
});

test("CoNLL is the mean of MUC, B³ and CEAF-e F1, and not defined when MUC is not", () => {
  const figures = coreferenceFigures(coreferenceCounts(clusters(TC_A), clusters("{0-1} {3-6 9-9 10-10} {11-12 15-15} {13-13}")));
  assert.ok(Math.abs(figures.conll! - (1 / 3 + bcubF(5 / 9, 17 / 42) + 0.62857) / 3) < 5e-6);
  assert.equal(coreferenceFigures(coreferenceCounts(clusters(TC_N), clusters(TC_N))).conll, null);
});

test("degenerate clusterings: empty, one mention, disjoint mentions", () => {
  const empty = coreferenceFigures(coreferenceCounts([], []));
  for (const metric of [empty.muc, empty.bcubed, empty.ceafe, empty.blanc, empty.mentions])
    assert.deepEqual([metric.recall, metric.precision, metric.f1], [null, null, null]);
  assert.equal(empty.conll, null);

  const single = coreferenceFigures(coreferenceCounts([["1-2"]], [["1-2"]]));
  assert.deepEqual([single.bcubed.f1, single.ceafe.f1, single.muc.f1, single.blanc.f1], [1, 1, null, null]);

  const disjoint = coreferenceFigures(coreferenceCounts([["1-2", "3-4"]], [["5-6", "7-8"]]));
  assert.deepEqual([disjoint.muc.f1, disjoint.bcubed.f1, disjoint.ceafe.f1, disjoint.blanc.f1, disjoint.conll], [0, 0, 0, 0, 0]);

  const oneSided = coreferenceFigures(coreferenceCounts([["1-2", "3-4"]], []));
  assert.deepEqual([oneSided.muc.recall, oneSided.muc.precision, oneSided.muc.f1], [0, null, 0]);
  assert.deepEqual([oneSided.bcubed.recall, oneSided.bcubed.precision, oneSided.bcubed.f1], [0, null, 0]);
});

test("CEAF-e aligns clusters optimally: brute force over every alignment agrees", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const randomClusters = (mentions: string[], count: number) => {
    const groups: string[][] = Array.from({ length: count }, () => []);
    for (const mention of mentions) if (random() < 0.85) groups[Math.floor(random() * count)].push(mention);
    return groups.filter((group) => group.length);
  };
  const phi = (k: string[], r: string[]) => (2 * k.filter((m) => r.includes(m)).length) / (k.length + r.length);
  const bestAlignment = (key: string[][], response: string[][], used: boolean[] = []): number =>
    key.length === 0
      ? 0
      : Math.max(
          bestAlignment(key.slice(1), response, used),
          ...response.map((r, j) => (used[j] ? 0 : phi(key[0], r) + bestAlignment(key.slice(1), response, Object.assign([...used], { [j]: true })))),
        );
  const mentions = "abcdefghij".split("");
  for (let round = 0; round < 40; round++) {
    const key = randomClusters(mentions, 4);
    const response = randomClusters(mentions, 1 + Math.floor(random() * 5));
    const counts = coreferenceCounts(key, response);
    assert.ok(Math.abs(counts.ceafe.recall.numerator - bestAlignment(key, response)) < 1e-9, JSON.stringify({ key, response }));
  }
});
