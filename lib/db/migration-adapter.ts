import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { createDatabase, dropDatabase } from "./database-admin";
import type { ConnectionFields } from "./postgres-url";

/**
 * The driver adapter that the wasm schema engine runs on: `@prisma/adapter-pg`
 * 7.10.1 with the fixes the engine needs.
 *
 * - The adapter is always built from connection fields: given a connection
 *   string, adapter-pg's shadow database silently becomes the main database.
 * - Shadow databases are created here and dropped after their pool has closed
 *   (adapter-pg drops them while still connected, which fails and leaves them).
 * - A migration script runs as one multi-statement query, as Prisma's own
 *   engine runs it (adapter-pg splits on every `;`, breaking `$$` bodies).
 * - PostgreSQL's internal `"char"` type (OID 18), which the engine's
 *   introspection reads, is reported as a character column (adapter-pg
 *   rejects it).
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  private readonly main: PrismaPg;
  private readonly openAdapters = new Set<SqlDriverAdapter>();
  private readonly shadowDatabases = new Set<string>();

  constructor(private readonly fields: ConnectionFields) {
    this.main = new PrismaPg(poolConfig(fields));
    this.adapterName = this.main.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(repairAdapter(await this.main.connect()));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await createDatabase(this.fields, database);
    this.shadowDatabases.add(database);
    const adapter = repairAdapter(await new PrismaPg(poolConfig({ ...this.fields, database })).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.dropShadowDatabase(database);
    };
    return this.track(adapter);
  }

  /** Closes every pool the engine left open and drops every shadow database it left behind. */
  async close(): Promise<void> {
    for (const adapter of this.openAdapters) await adapter.dispose();
    for (const database of this.shadowDatabases) await this.dropShadowDatabase(database);
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      // The engine and close() may both dispose an adapter; a pg pool ends only once.
      if (!this.openAdapters.delete(adapter)) return;
      await dispose();
    };
    this.openAdapters.add(adapter);
    return adapter;
  }

  private async dropShadowDatabase(database: string): Promise<void> {
    await dropDatabase(this.fields, database);
    this.shadowDatabases.delete(database);
  }
}

function poolConfig(fields: ConnectionFields): pg.PoolConfig {
  return { ...fields, Client: CharAwareClient };
}

const TEXT_OID = 25;
const CHAR_OID = 18;

/** Result rows → indexes of their `"char"` columns, so queryRaw can report those columns' true type. */
const charColumnsOfRows = new WeakMap<unknown[], number[]>();

/** A pg client that lets adapter-pg read `"char"` columns, as text, and remembers where they were. */
class CharAwareClient extends pg.Client {
  // pg's query() has many overloads; this override only inspects results and passes everything through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one signature cannot express them all
  query(...args: unknown[]): any {
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: Error | null, result: unknown) => void;
      args[callbackAt] = (error: Error | null, result: unknown) => callback(error, error ? result : markCharColumns(result));
    }
    const returned = (super.query as (...queryArgs: unknown[]) => unknown)(...args);
    return returned instanceof Promise ? returned.then(markCharColumns) : returned;
  }
}

function markCharColumns<T>(result: T): T {
  for (const single of Array.isArray(result) ? result : [result]) {
    const { fields, rows } = (single ?? {}) as Partial<pg.QueryResult>;
    if (!fields || !rows) continue;
    const charColumns = fields.flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []));
    if (charColumns.length === 0) continue;
    for (const index of charColumns) fields[index].dataTypeID = TEXT_OID;
    charColumnsOfRows.set(rows, charColumns);
  }
  return result;
}

function reportCharColumns(result: SqlResultSet): SqlResultSet {
  for (const index of charColumnsOfRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
  return result;
}

/** The adapter with the fixed queryRaw and executeScript; everything else is adapter-pg's own. */
function repairAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return Object.assign(withCharColumns(adapter), {
    executeScript: async (script: string) => {
      // No parameters: pg sends it with the simple query protocol, which runs every statement in it.
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    startTransaction: async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> =>
      withCharColumns(await adapter.startTransaction(...args)),
  });
}

/** Delegates to the queryable (its methods keep working through the prototype) but fixes queryRaw's column types. */
function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  return Object.assign(Object.create(queryable) as T, {
    queryRaw: async (query: Parameters<SqlQueryable["queryRaw"]>[0]) => reportCharColumns(await queryable.queryRaw(query)),
  });
}
