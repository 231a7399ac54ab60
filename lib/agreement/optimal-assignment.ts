// The Kuhn-Munkres (Hungarian) algorithm: the one-to-one assignment of rows to
// columns with the largest total weight, as CEAF and the overlap matching of
// nuggets need. O(n³) on the larger side; callers split their problem into
// connected components first, which keeps n small.

/**
 * The assignment of rows to columns maximizing the sum of `weights[row][column]`
 * (a rectangular matrix is fine; weights must be finite). Returns, for each row,
 * its column or -1 when it has none (more rows than columns).
 */
export function maximumWeightAssignment(weights: readonly (readonly number[])[]): number[] {
  const rowCount = weights.length;
  const columnCount = rowCount ? weights[0].length : 0;
  if (rowCount === 0 || columnCount === 0) return new Array<number>(rowCount).fill(-1);
  const size = Math.max(rowCount, columnCount);
  let largest = 0;
  for (const row of weights) for (const weight of row) largest = Math.max(largest, weight);
  // Minimizing cost = largest - weight over a square matrix padded with cost `largest` (weight 0).
  const cost = (row: number, column: number) => (row < rowCount && column < columnCount ? largest - weights[row][column] : largest);

  // The potentials form of the algorithm (1-based, column 0 a sentinel).
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const rowOfColumn = new Int32Array(size + 1);
  const way = new Int32Array(size + 1);
  for (let row = 1; row <= size; row++) {
    rowOfColumn[0] = row;
    let column0 = 0;
    const minimum = new Float64Array(size + 1).fill(Infinity);
    const used = new Uint8Array(size + 1);
    do {
      used[column0] = 1;
      const row0 = rowOfColumn[column0];
      let delta = Infinity;
      let column1 = 0;
      for (let column = 1; column <= size; column++) {
        if (used[column]) continue;
        const reduced = cost(row0 - 1, column - 1) - u[row0] - v[column];
        if (reduced < minimum[column]) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if (minimum[column] < delta) {
          delta = minimum[column];
          column1 = column;
        }
      }
      for (let column = 0; column <= size; column++) {
        if (used[column]) {
          u[rowOfColumn[column]] += delta;
          v[column] -= delta;
        } else {
          minimum[column] -= delta;
        }
      }
      column0 = column1;
    } while (rowOfColumn[column0] !== 0);
    do {
      const column1 = way[column0];
      rowOfColumn[column0] = rowOfColumn[column1];
      column0 = column1;
    } while (column0);
  }
  const assignment = new Array<number>(rowCount).fill(-1);
  for (let column = 1; column <= size; column++) {
    const row = rowOfColumn[column] - 1;
    if (row < rowCount && column - 1 < columnCount) assignment[row] = column - 1;
  }
  return assignment;
}
