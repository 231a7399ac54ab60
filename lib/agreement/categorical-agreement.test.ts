import assert from "node:assert/strict";
import { test } from "node:test";
import { cohensKappa, krippendorffAlpha, recordDecision, recordUnit, type CoincidenceMatrix, type ContingencyTable } from "./categorical-agreement";

function tableOf(cells: [string, string, number][]): ContingencyTable {
  const table: ContingencyTable = new Map();
  for (const [a, b, count] of cells) for (let i = 0; i < count; i++) recordDecision(table, a, b);
  return table;
}

test("Cohen's kappa, the textbook 2×2 example: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: κ = 0.4", () => {
  const figures = cohensKappa(
    tableOf([
      ["yes", "yes", 20],
      ["yes", "no", 5],
      ["no", "yes", 10],
      ["no", "no", 15],
    ]),
  );
  assert.equal(figures.items, 50);
  assert.equal(figures.observed, 0.7);
  assert.ok(Math.abs(figures.kappa! - 0.4) < 1e-12);
});

test("Cohen's kappa near chance: 45/15/25/15 gives p_o = 0.6, p_e = 0.54, κ ≈ 0.1304", () => {
  const { kappa } = cohensKappa(
    tableOf([
      ["yes", "yes", 45],
      ["yes", "no", 15],
      ["no", "yes", 25],
      ["no", "no", 15],
    ]),
  );
  assert.ok(Math.abs(kappa! - 0.06 / 0.46) < 1e-12);
});

test("Cohen's kappa: perfect agreement is 1, none defined without items or when both always chose one same label", () => {
  assert.equal(
    cohensKappa(
      tableOf([
        ["a", "a", 3],
        ["b", "b", 2],
      ]),
    ).kappa,
    1,
  );
  assert.deepEqual(cohensKappa(new Map()), { items: 0, observed: null, kappa: null });
  assert.deepEqual(cohensKappa(tableOf([["a", "a", 4]])), { items: 4, observed: 1, kappa: null });
  // Systematic disagreement is below 0.
  assert.equal(
    cohensKappa(
      tableOf([
        ["a", "b", 2],
        ["b", "a", 2],
      ]),
    ).kappa,
    -1,
  );
});

test("Krippendorff's alpha: his worked example for nominal data with missing values (4 coders, 12 units): α = 0.743", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: observers A–D, units 1–12.
  const _ = null;
  const observers = [
    ["1", "2", "3", "3", "2", "1", "4", "1", "2", _, _, _],
    ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", _, "3"],
    [_, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", _],
    ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", _],
  ];
  const matrix: CoincidenceMatrix = new Map();
  for (let unit = 0; unit < 12; unit++)
    recordUnit(
      matrix,
      observers.map((values) => values[unit]),
    );
  const { values, alpha } = krippendorffAlpha(matrix);
  assert.equal(values, 40);
  assert.equal(Math.round(alpha! * 1000) / 1000, 0.743);
  // The coincidences he tabulates: o_11 = 7, o_12 = 4/3, o_22 = 10, n_3 = 10.
  assert.ok(Math.abs(matrix.get("1")!.get("1")! - 7) < 1e-9);
  assert.ok(Math.abs(matrix.get("1")!.get("2")! - 4 / 3) < 1e-9);
  assert.ok(Math.abs(matrix.get("2")!.get("2")! - 10) < 1e-9);
});

test("Krippendorff's alpha: two coders without missing values is close to Scott's pi; perfect is 1; degenerate cases are not defined", () => {
  const matrix: CoincidenceMatrix = new Map();
  for (const pair of [
    ["a", "a"],
    ["a", "b"],
    ["b", "b"],
    ["b", "b"],
  ])
    recordUnit(matrix, pair);
  // Scott's pi here: p_o = 0.75, p_e = (3/8)² + (5/8)² = 34/64; pi = 0.4667; alpha = 1 − (n−1)/n·(1 − pi)… computed directly:
  // o_ab = o_ba = 1, n_a = 3, n_b = 5, n = 8: alpha = 1 − 7·2 / (2·3·5) = 1 − 14/30.
  assert.ok(Math.abs(krippendorffAlpha(matrix).alpha! - (1 - 14 / 30)) < 1e-12);

  const perfect: CoincidenceMatrix = new Map();
  recordUnit(perfect, ["x", "x", "x"]);
  recordUnit(perfect, ["y", null, "y"]);
  assert.equal(krippendorffAlpha(perfect).alpha, 1);

  const single: CoincidenceMatrix = new Map();
  recordUnit(single, ["x", null, null]);
  assert.deepEqual(krippendorffAlpha(single), { values: 0, alpha: null });
  const oneValue: CoincidenceMatrix = new Map();
  recordUnit(oneValue, ["x", "x"]);
  assert.deepEqual(krippendorffAlpha(oneValue), { values: 2, alpha: null });
});
