// Building plain-pg statements whose text does not depend on their values:
// each value becomes a typed placeholder, so every call plans the same statement.

export interface SqlStatement {
  /** Names the statement so each connection plans it once. */
  name: string;
  text: string;
  values: unknown[];
}

/** A JSON column's value as text (`null` stays SQL NULL). */
export const jsonText = (value: unknown) => (value == null ? null : JSON.stringify(value));

/** Collects a statement's values; `param` and `column` return the typed placeholders to write into its text. */
export function sqlParameters() {
  const values: unknown[] = [];
  const param = (value: unknown, type: string) => {
    values.push(value);
    return `$${values.length}::${type}`;
  };
  const column = <T>(rows: T[], pick: (row: T) => unknown, type: string) => param(rows.map(pick), `${type}[]`);
  return { values, param, column };
}

export type SqlParameters = ReturnType<typeof sqlParameters>;

/** What runs a query: a pool, or one connection inside a transaction. */
export interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
