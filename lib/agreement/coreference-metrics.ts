// Coreference metrics between a key clustering and a response clustering of
// mentions, as the CoNLL-2012 reference scorer v8.01 (Pradhan et al. 2014,
// lib/CorScorer.pm) computes them: MUC (Vilain et al. 1995), B³ (Bagga &
// Baldwin 1998), entity-based CEAF with φ4 (Luo 2005) and BLANC generalized to
// mentions present in only one clustering (Luo et al. 2014). Mentions of only
// one side are kept and singletons count. Results are numerators and
// denominators, so a corpus's figure sums them over documents first, as the
// scorer does; `coreferenceFigures` divides, giving null where it would divide 0 by 0
// (the scorer prints 0 there).

import { maximumWeightAssignment } from "./optimal-assignment";
import { ratio, ratioValue, scoreFigures, ZERO_RECALL_PRECISION, addRecallPrecision, type RecallPrecision, type ScoreFigures } from "./ratio";

/** Clusters of mentions, each mention a string identifying it (its offsets, say) within the document. */
export type MentionClusters = readonly (readonly string[])[];

export interface BlancCounts {
  coreference: RecallPrecision;
  nonCoreference: RecallPrecision;
}

export interface CoreferenceCounts {
  /** Mentions found in both clusterings, against the key's and the response's mentions. */
  mentions: RecallPrecision;
  muc: RecallPrecision;
  bcubed: RecallPrecision;
  ceafe: RecallPrecision;
  blanc: BlancCounts;
}

export interface BlancFigures extends ScoreFigures {
  coreference: ScoreFigures;
  nonCoreference: ScoreFigures;
}

export interface CoreferenceFigures {
  mentions: ScoreFigures;
  muc: ScoreFigures;
  bcubed: ScoreFigures;
  ceafe: ScoreFigures;
  blanc: BlancFigures;
  /** The mean of MUC, B³ and CEAF-e F1 (null when one of them is not defined). */
  conll: number | null;
}

export const ZERO_COREFERENCE_COUNTS: CoreferenceCounts = {
  mentions: ZERO_RECALL_PRECISION,
  muc: ZERO_RECALL_PRECISION,
  bcubed: ZERO_RECALL_PRECISION,
  ceafe: ZERO_RECALL_PRECISION,
  blanc: { coreference: ZERO_RECALL_PRECISION, nonCoreference: ZERO_RECALL_PRECISION },
};

export function addCoreferenceCounts(a: CoreferenceCounts, b: CoreferenceCounts): CoreferenceCounts {
  return {
    mentions: addRecallPrecision(a.mentions, b.mentions),
    muc: addRecallPrecision(a.muc, b.muc),
    bcubed: addRecallPrecision(a.bcubed, b.bcubed),
    ceafe: addRecallPrecision(a.ceafe, b.ceafe),
    blanc: {
      coreference: addRecallPrecision(a.blanc.coreference, b.blanc.coreference),
      nonCoreference: addRecallPrecision(a.blanc.nonCoreference, b.blanc.nonCoreference),
    },
  };
}

/**
 * A mention listed twice counts once, where it first appears (the scorer drops
 * a response's repeated mentions the same way); clusters left empty go.
 */
export function distinctMentionClusters(clusters: MentionClusters): string[][] {
  const seen = new Set<string>();
  const distinct: string[][] = [];
  for (const cluster of clusters) {
    const kept = cluster.filter((mention) => !seen.has(mention) && (seen.add(mention), true));
    if (kept.length) distinct.push(kept);
  }
  return distinct;
}

/** How many mentions a key cluster and a response cluster share, for every pair sharing some. */
interface Overlap {
  key: number;
  response: number;
  common: number;
}

function overlapsOf(key: string[][], response: string[][]): Overlap[] {
  const keyClusterOf = new Map<string, number>();
  key.forEach((cluster, index) => cluster.forEach((mention) => keyClusterOf.set(mention, index)));
  const overlaps: Overlap[] = [];
  response.forEach((cluster, responseIndex) => {
    const common = new Map<number, number>();
    for (const mention of cluster) {
      const keyIndex = keyClusterOf.get(mention);
      if (keyIndex !== undefined) common.set(keyIndex, (common.get(keyIndex) ?? 0) + 1);
    }
    for (const [keyIndex, count] of common) overlaps.push({ key: keyIndex, response: responseIndex, common: count });
  });
  return overlaps;
}

const pairsAmong = (n: number) => (n * (n - 1)) / 2;
const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};

export function coreferenceCounts(keyClusters: MentionClusters, responseClusters: MentionClusters): CoreferenceCounts {
  const key = distinctMentionClusters(keyClusters);
  const response = distinctMentionClusters(responseClusters);
  const overlaps = overlapsOf(key, response);
  const keyMentions = sum(key.map((cluster) => cluster.length));
  const responseMentions = sum(response.map((cluster) => cluster.length));
  const commonMentions = sum(overlaps.map((overlap) => overlap.common));

  // MUC: a response cluster links correctly all but one of the mentions it shares with each key cluster.
  const mucCorrect = sum(overlaps.map(({ common }) => common - 1));
  const muc = {
    recall: ratio(mucCorrect, sum(key.map((cluster) => cluster.length - 1))),
    precision: ratio(mucCorrect, sum(response.map((cluster) => cluster.length - 1))),
  };

  // B³: each mention's share of its cluster found in the other's cluster, summed.
  const bcubed = {
    recall: ratio(sum(overlaps.map(({ key: k, common }) => (common * common) / key[k].length)), keyMentions),
    precision: ratio(sum(overlaps.map(({ response: r, common }) => (common * common) / response[r].length)), responseMentions),
  };

  const ceafeSimilarity = optimalEntitySimilarity(key, response, overlaps);
  const ceafe = { recall: ratio(ceafeSimilarity, key.length), precision: ratio(ceafeSimilarity, response.length) };

  // BLANC's links are pairs of mentions; the non-coreference links both sides have
  // are the pairs of common mentions in different clusters on both sides.
  const keyCoreference = sum(key.map((cluster) => pairsAmong(cluster.length)));
  const responseCoreference = sum(response.map((cluster) => pairsAmong(cluster.length)));
  const commonCoreference = sum(overlaps.map(({ common }) => pairsAmong(common)));
  const commonByKey = new Map<number, number>();
  const commonByResponse = new Map<number, number>();
  for (const { key: k, response: r, common } of overlaps) {
    commonByKey.set(k, (commonByKey.get(k) ?? 0) + common);
    commonByResponse.set(r, (commonByResponse.get(r) ?? 0) + common);
  }
  const commonNonCoreference =
    pairsAmong(commonMentions) -
    sum([...commonByKey.values()].map(pairsAmong)) -
    sum([...commonByResponse.values()].map(pairsAmong)) +
    commonCoreference;
  const blanc = {
    coreference: { recall: ratio(commonCoreference, keyCoreference), precision: ratio(commonCoreference, responseCoreference) },
    nonCoreference: {
      recall: ratio(commonNonCoreference, pairsAmong(keyMentions) - keyCoreference),
      precision: ratio(commonNonCoreference, pairsAmong(responseMentions) - responseCoreference),
    },
  };

  return { mentions: { recall: ratio(commonMentions, keyMentions), precision: ratio(commonMentions, responseMentions) }, muc, bcubed, ceafe, blanc };
}

/**
 * CEAF-e's total similarity: the largest sum of φ4(K, R) = 2|K∩R| / (|K| + |R|)
 * over one-to-one alignments of key and response clusters. Clusters sharing
 * no mention have similarity 0, so each connected group of overlapping
 * clusters is aligned on its own.
 */
function optimalEntitySimilarity(key: string[][], response: string[][], overlaps: Overlap[]): number {
  const groups = connectedOverlaps(overlaps);
  let total = 0;
  for (const group of groups) {
    if (group.length === 1) {
      const { key: k, response: r, common } = group[0];
      total += (2 * common) / (key[k].length + response[r].length);
      continue;
    }
    const keys = [...new Set(group.map((overlap) => overlap.key))];
    const responses = [...new Set(group.map((overlap) => overlap.response))];
    const row = new Map(keys.map((k, index) => [k, index]));
    const column = new Map(responses.map((r, index) => [r, index]));
    const weights = keys.map(() => responses.map(() => 0));
    for (const { key: k, response: r, common } of group) weights[row.get(k)!][column.get(r)!] = (2 * common) / (key[k].length + response[r].length);
    maximumWeightAssignment(weights).forEach((c, r) => {
      if (c >= 0) total += weights[r][c];
    });
  }
  return total;
}

/** The overlaps grouped by the connected components of the key–response graph they draw. */
function connectedOverlaps(overlaps: Overlap[]): Overlap[][] {
  // Union-find over key clusters (k) and response clusters (~r, negative).
  const parent = new Map<number, number>();
  const find = (node: number): number => {
    let root = node;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(node, root);
    return root;
  };
  for (const { key, response } of overlaps) {
    const a = find(key);
    const b = find(~response);
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<number, Overlap[]>();
  for (const overlap of overlaps) {
    const root = find(overlap.key);
    const group = groups.get(root);
    if (group) group.push(overlap);
    else groups.set(root, [overlap]);
  }
  return [...groups.values()];
}

export function coreferenceFigures(counts: CoreferenceCounts): CoreferenceFigures {
  const muc = scoreFigures(counts.muc);
  const bcubed = scoreFigures(counts.bcubed);
  const ceafe = scoreFigures(counts.ceafe);
  const conll = muc.f1 === null || bcubed.f1 === null || ceafe.f1 === null ? null : (muc.f1 + bcubed.f1 + ceafe.f1) / 3;
  return { mentions: scoreFigures(counts.mentions), muc, bcubed, ceafe, blanc: blancFigures(counts.blanc), conll };
}

/**
 * BLANC as the reference scorer totals it: which kinds of links count is the
 * key's to say. With both kinds, recall, precision and F are the means of the
 * two kinds'; with one kind only, that kind's; with none (a key of one
 * mention, or none), not defined. In the mean, a kind whose precision is 0/0
 * (the key has such links, the response none, so it found none of them)
 * counts precision 0, as in the scorer.
 */
export function blancFigures(counts: BlancCounts): BlancFigures {
  const coreference = scoreFigures(counts.coreference);
  const nonCoreference = scoreFigures(counts.nonCoreference);
  const keyHasCoreference = counts.coreference.recall.denominator > 0;
  const keyHasNonCoreference = counts.nonCoreference.recall.denominator > 0;
  const both = { coreference, nonCoreference };
  if (keyHasCoreference && keyHasNonCoreference) {
    const recall = (ratioValue(counts.coreference.recall)! + ratioValue(counts.nonCoreference.recall)!) / 2;
    const precision = ((coreference.precision ?? 0) + (nonCoreference.precision ?? 0)) / 2;
    // A kind the key has links of has a defined recall, so its F1 is defined unless its precision is 0/0, when the recall is 0 and so is F1.
    const f1 = ((coreference.f1 ?? 0) + (nonCoreference.f1 ?? 0)) / 2;
    return { recall, precision, f1, ...both };
  }
  if (keyHasCoreference) return { ...coreference, ...both };
  if (keyHasNonCoreference) return { ...nonCoreference, ...both };
  return { recall: null, precision: null, f1: null, ...both };
}
