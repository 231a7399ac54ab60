// Chance-corrected agreement on categorical decisions (a matched nugget's
// subtype, a matched argument's role, ...): Cohen's kappa for two annotators,
// from their contingency table, and Krippendorff's alpha for any number, nominal
// values, missing values allowed, from the coincidence matrix. Both tables sum
// over documents, so a project's figure is computed from the summed tables.

/** How often the key said `a` where the response said `b`: `table.get(a).get(b)`. */
export type ContingencyTable = Map<string, Map<string, number>>;

/** Krippendorff's coincidences: `matrix.get(c).get(k)`, symmetric; each pairable value counts 1 in total. */
export type CoincidenceMatrix = Map<string, Map<string, number>>;

export interface KappaFigures {
  /** Decisions both made (the items of the table). */
  items: number;
  /** Share of the items they labelled alike; null without items. */
  observed: number | null;
  /** Null without items, or when chance agreement is certain (both always gave one same label): 0/0. */
  kappa: number | null;
}

function addCount(table: Map<string, Map<string, number>>, a: string, b: string, count: number): void {
  let row = table.get(a);
  if (!row) table.set(a, (row = new Map<string, number>()));
  row.set(b, (row.get(b) ?? 0) + count);
}

export function recordDecision(table: ContingencyTable, keyLabel: string, responseLabel: string): void {
  addCount(table, keyLabel, responseLabel, 1);
}

/** `into` plus `table`, in place. */
export function addTableInto(into: Map<string, Map<string, number>>, table: Map<string, Map<string, number>>): void {
  for (const [a, row] of table) for (const [b, count] of row) addCount(into, a, b, count);
}

export function cohensKappa(table: ContingencyTable): KappaFigures {
  let items = 0;
  let agreed = 0;
  const keyTotals = new Map<string, number>();
  const responseTotals = new Map<string, number>();
  for (const [a, row] of table) {
    for (const [b, count] of row) {
      items += count;
      if (a === b) agreed += count;
      keyTotals.set(a, (keyTotals.get(a) ?? 0) + count);
      responseTotals.set(b, (responseTotals.get(b) ?? 0) + count);
    }
  }
  if (items === 0) return { items, observed: null, kappa: null };
  const observed = agreed / items;
  let chance = 0;
  for (const [label, count] of keyTotals) chance += (count / items) * ((responseTotals.get(label) ?? 0) / items);
  return { items, observed, kappa: chance === 1 ? null : (observed - chance) / (1 - chance) };
}

/**
 * Adds a unit's values (one per annotator, null where an annotator gave none)
 * to the coincidence matrix: each ordered pair of values from different
 * annotators counts 1 / (m − 1), m the unit's number of values. A unit with
 * fewer than two values cannot be paired and adds nothing.
 */
export function recordUnit(matrix: CoincidenceMatrix, values: readonly (string | null)[]): void {
  const present = values.filter((value): value is string => value !== null);
  const m = present.length;
  if (m < 2) return;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) addCount(matrix, present[i], present[j], 1 / (m - 1));
}

export interface AlphaFigures {
  /** Pairable values (n in Krippendorff's notation). */
  values: number;
  /** Null when there is nothing to compare or every value is the same one (expected disagreement 0: 0/0). */
  alpha: number | null;
}

/** Krippendorff's alpha for nominal data: 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k. */
export function krippendorffAlpha(matrix: CoincidenceMatrix): AlphaFigures {
  const totals = new Map<string, number>();
  let observedDisagreement = 0;
  for (const [c, row] of matrix) {
    for (const [k, count] of row) {
      totals.set(c, (totals.get(c) ?? 0) + count);
      if (c !== k) observedDisagreement += count;
    }
  }
  let n = 0;
  let sumOfSquares = 0;
  for (const total of totals.values()) {
    n += total;
    sumOfSquares += total * total;
  }
  // Rounding: n is a sum of fractions 1 / (m − 1) that add up to whole numbers.
  const values = Math.round(n * 1e9) / 1e9;
  const expectedDisagreement = n * n - sumOfSquares;
  if (values < 2 || expectedDisagreement <= 1e-12) return { values, alpha: null };
  return { values, alpha: 1 - ((n - 1) * observedDisagreement) / expectedDisagreement };
}
