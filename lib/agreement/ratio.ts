// Numerators and denominators, kept apart so figures over many documents (or
// annotator pairs) sum them before dividing, and a 0/0 stays "not defined"
// (null) instead of turning into 0 or 1.

export interface Ratio {
  numerator: number;
  denominator: number;
}

/** Recall against the key (the first set of a pair) and precision against the response (the second). */
export interface RecallPrecision {
  recall: Ratio;
  precision: Ratio;
}

/** A figure and its F1; any of them null where it divides 0 by 0. */
export interface ScoreFigures {
  recall: number | null;
  precision: number | null;
  f1: number | null;
}

export const ZERO_RATIO: Ratio = { numerator: 0, denominator: 0 };
export const ZERO_RECALL_PRECISION: RecallPrecision = { recall: ZERO_RATIO, precision: ZERO_RATIO };

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator };
}

/** The ratio's value, or null for 0/0 (and any n/0). */
export function ratioValue({ numerator, denominator }: Ratio): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return { numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator };
}

export function addRecallPrecision(a: RecallPrecision, b: RecallPrecision): RecallPrecision {
  return { recall: addRatios(a.recall, b.recall), precision: addRatios(a.precision, b.precision) };
}

/**
 * F1 of a recall and a precision. When one of them is not defined, F1 is 0 if
 * the other is 0 (whatever the missing one would be, F1 would be 0: the key's
 * links were all missed, say, and the response has none) and not defined
 * otherwise; both 0 give 0, as the CoNLL reference scorer says.
 */
export function f1Score(recall: number | null, precision: number | null): number | null {
  if (recall === null || precision === null) {
    const known = recall ?? precision;
    return known === 0 ? 0 : null;
  }
  return recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
}

export function scoreFigures({ recall, precision }: RecallPrecision): ScoreFigures {
  const r = ratioValue(recall);
  const p = ratioValue(precision);
  return { recall: r, precision: p, f1: f1Score(r, p) };
}

/** Matches between a key of `keyCount` items and a response of `responseCount`: recall and precision share the numerator. */
export function matchCounts(matched: number, keyCount: number, responseCount: number): RecallPrecision {
  return { recall: ratio(matched, keyCount), precision: ratio(matched, responseCount) };
}
