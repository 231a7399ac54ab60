import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffParams, DiffTarget, MigrationList, SchemaEngine, SchemasContainer } from "@prisma/schema-engine-wasm";
import { MigrationAdapterFactory } from "./migration-adapter";
import { LOCK_FILE, LOCK_FILE_CONTENT, readMigrations } from "./migration-files";
import { createDatabase, dropDatabase } from "./database-admin";
import { connectionFields, withDatabase } from "./postgres-url";
import { defaultMigrationsDirectory, defaultSchemaPath } from "./paths";

/**
 * Prisma's schema engine (the wasm build), for development and tests: the
 * native engine cannot run on these machines, so `prisma migrate` does not
 * work. Used to write new migrations and to prove the migrations match
 * `schema.prisma`; the app applies migrations with ./migrations.ts.
 */

export interface SchemaFiles {
  schemaPath?: string;
  migrationsDirectory?: string;
}

/**
 * The SQL that a new migration needs to bring the migrations in
 * `migrationsDirectory` up to `schema.prisma`, as `prisma migrate dev` would
 * write it; "" when they already match. The migrations are replayed in a
 * temporary database on the server `serverUrl` names (its own database is
 * never touched), dropped afterwards.
 */
export async function diffFromMigrationsToSchema(serverUrl: string, files: SchemaFiles = {}): Promise<string> {
  const schema = readSchema(files.schemaPath);
  const migrations = readMigrationList(files.migrationsDirectory ?? defaultMigrationsDirectory());
  return withScratchDatabase(serverUrl, async (scratchUrl) => {
    const { stdout } = await withEngine(scratchUrl, schema, (engine) =>
      engine.diff(diffParams({ tag: "migrations", ...migrations }, { tag: "schemaDatamodel", ...schema }, false)),
    );
    return scriptOrEmpty(stdout);
  });
}

/** Whether the live database at `databaseUrl` matches `schema.prisma`, and the SQL that would make it match. */
export async function checkDrift(databaseUrl: string, files: SchemaFiles = {}): Promise<{ inSync: boolean; sql: string }> {
  const schema = readSchema(files.schemaPath);
  const { exitCode, stdout } = await withEngine(databaseUrl, schema, (engine) =>
    engine.diff(diffParams({ tag: "schemaDatasource", ...schema, configDir: process.cwd() }, { tag: "schemaDatamodel", ...schema }, true)),
  );
  return { inSync: exitCode === 0, sql: scriptOrEmpty(stdout) };
}

function diffParams(from: DiffTarget, to: DiffTarget, exitCode: boolean): DiffParams {
  return { from, to, script: true, exitCode, filters: { externalTables: [], externalEnums: [] } };
}

/** The engine writes this comment instead of an empty script. */
const EMPTY_MIGRATION = "-- This is an empty migration.";

function scriptOrEmpty(stdout: string | null): string {
  const script = (stdout ?? "").trim();
  return script === EMPTY_MIGRATION ? "" : (stdout ?? "");
}

function readMigrationList(directory: string): MigrationList {
  const lockFile = path.join(directory, LOCK_FILE);
  return {
    baseDir: directory,
    // Before the first migration there is no lock file yet; the engine needs one to know the provider.
    lockfile: { path: LOCK_FILE, content: existsSync(lockFile) ? readFileSync(lockFile, "utf8") : LOCK_FILE_CONTENT },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(directory).map(({ name, sql }) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: sql } },
    })),
  };
}

function readSchema(schemaPath = defaultSchemaPath()): SchemasContainer {
  return { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
}

/** Runs `work` on an engine connected to `databaseUrl`, then frees the engine and closes every connection it opened. */
async function withEngine<T>(databaseUrl: string, schema: SchemasContainer, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const engineApi = loadEngineModule();
  const factory = new MigrationAdapterFactory(connectionFields(databaseUrl));
  const datamodels = schema.files.map((file): [string, string] => [file.path, file.content]);
  try {
    const engine = await engineApi.SchemaEngine.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
    try {
      return await work(engine);
    } catch (error) {
      throw withPanicMessage(error);
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}

async function withScratchDatabase<T>(serverUrl: string, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `hopper_schema_engine_${randomUUID().replaceAll("-", "")}`;
  await createDatabase(serverUrl, name);
  try {
    return await work(withDatabase(serverUrl, name));
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

let lastPanic: string | undefined;
let loadedModule: typeof engineModule | undefined;

/**
 * Instantiates the engine's wasm once per process. Node 20 cannot `import` a
 * .wasm file, so the package's glue module is given the instance by hand.
 */
function loadEngineModule(): typeof engineModule {
  if (!loadedModule) {
    const glueFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const wasm = new WebAssembly.Module(readFileSync(path.join(path.dirname(glueFile), "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(wasm, {
      "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
    });
    // The glue reports a Rust panic here just before the wasm traps.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    engineModule.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    loadedModule = engineModule;
  }
  return loadedModule;
}

/**
 * A panic surfaces as "RuntimeError: unreachable"; the message the engine
 * gave is the useful part. The wasm instance may not recover from it.
 */
function withPanicMessage(error: unknown): unknown {
  if (lastPanic === undefined) return error;
  const panic = lastPanic;
  lastPanic = undefined;
  return new Error(`The Prisma schema engine panicked (restart the process before using it again): ${panic}`, { cause: error });
}
