import assert from "node:assert/strict";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { createDatabaseClient } from "@/lib/db/client";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import { loadSetForEditing, loadSetForReading } from "./cached-set-load";
import { cachedSet, cacheSet, forgetSet } from "./set-cache";
import { loadAnnotationSet } from "./set-state";
import { annotatedSetOf, closeTestWorld, createTestWorld, saveAs, setRealis, type TestWorld } from "./test-fixtures";

let world: TestWorld;
before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

/** A client on the test database that counts the statements its transactions send (BEGIN and COMMIT aside). */
function countingClient() {
  const client = createDatabaseClient(process.env.DATABASE_URL!);
  const counts = { statements: 0 };
  const connect = client.pool.connect.bind(client.pool) as () => Promise<{ query: (...args: unknown[]) => Promise<{ rows: unknown[] }> }>;
  const counted = new WeakSet<object>();
  Object.assign(client.pool, {
    connect: async () => {
      const connection = await connect();
      // A connection back from the pool is counted already.
      if (counted.has(connection)) return connection;
      counted.add(connection);
      const query = connection.query.bind(connection);
      connection.query = (...args: unknown[]) => {
        if (!/^(BEGIN|COMMIT|ROLLBACK)/.test(String(args[0]))) counts.statements++;
        return query(...args);
      };
      return connection;
    },
  });
  return { client, counts };
}

test("a set opened again at the version this process holds is not read again, and is the set as stored", async () => {
  const setId = await annotatedSetOf(world, world.ann, documentWithEvents(200));
  forgetSet(setId);
  const { client, counts } = countingClient();
  try {
    const first = await loadSetForEditing(setId, client);
    const firstStatements = counts.statements;
    const second = await loadSetForEditing(setId, client);
    assert.ok(firstStatements > 1, `the first open sent ${firstStatements} statements`);
    assert.equal(counts.statements - firstStatements, 1, "the second open read the set's head alone");
    assert.deepStrictEqual(second, first);
    assert.deepStrictEqual(second, await loadAnnotationSet(setId));
  } finally {
    await client.$disconnect();
  }
});

test("a set changed since this process held it (by a save here or another process) is read again", async () => {
  const setId = await annotatedSetOf(world, world.ann, documentWithEvents(3));
  const opened = (await loadSetForEditing(setId))!;
  const stale = cachedSet(setId)!;
  assert.equal((await saveAs(setId, opened.version, [setRealis("E1", "Actual", "Generic")])).status, "saved");
  assert.deepStrictEqual(await loadSetForEditing(setId), await loadAnnotationSet(setId));
  // Another process saved: this one still holds the set as it was.
  cacheSet(stale);
  const reopened = (await loadSetForEditing(setId))!;
  assert.equal(reopened.version, opened.version + 1);
  assert.equal(reopened.document.hoppers[0].events[0].realis, "Generic");
  assert.equal(cachedSet(setId)!.snapshot.version, reopened.version);
});

test("a page reading a set it does not edit uses the cache but does not fill it", async () => {
  const setId = await annotatedSetOf(world, world.ann, documentWithEvents(4));
  forgetSet(setId);
  const read = await loadSetForReading(setId);
  assert.deepStrictEqual(read, await loadAnnotationSet(setId));
  assert.equal(cachedSet(setId), undefined);
  await loadSetForEditing(setId);
  assert.deepStrictEqual(await loadSetForReading(setId), read);
});

test("no set, or no set id, is null", async () => {
  for (const load of [loadSetForEditing, loadSetForReading]) {
    assert.equal(await load("not-an-id"), null);
    assert.equal(await load("00000000-0000-4000-8000-000000000000"), null);
  }
});

test("the cache is the process's: a second copy of its module (a page bundled apart from a route) sees what the first cached", async () => {
  const setId = await annotatedSetOf(world, world.ann, documentWithEvents(3, "process-cache"));
  const state = await loadSetForEditing(setId);
  assert.ok(state && cachedSet(setId));
  // A copy of the module's file beside it: loaded as a module of its own, as a bundler's copy is.
  const file = path.join(import.meta.dirname, `.set-cache-copy-${process.pid}.ts`);
  copyFileSync(path.join(import.meta.dirname, "set-cache.ts"), file);
  try {
    const copy = (await import(pathToFileURL(file).href)) as typeof import("./set-cache");
    assert.equal(copy.cachedSet(setId), cachedSet(setId));
    copy.forgetSet(setId);
    assert.equal(cachedSet(setId), undefined);
  } finally {
    rmSync(file, { force: true });
  }
});
