// A save costs what it changes: on a set of 10 events and on one of 500, a
// one-operation save runs the same statements and reads the same rows (one
// guarded statement, once the server holds the set), and a client that sends
// saves faster than any editor does is told to wait.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { POST } from "@/app/api/annotation-sets/[setId]/operations/route";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import { openAnnotatorSet } from "./open-annotator-set";
import { saveOperations } from "./save-operations";
import { annotatedSetOf, closeTestWorld, createTestWorld, setRealis, type TestWorld } from "./test-fixtures";
import { answer, postRequest, testWindow } from "./test-requests";

let world: TestWorld;
before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

const setWith = (events: number) => annotatedSetOf(world, world.ann, documentWithEvents(events));

/** A client on the test database that counts the statements sent through its pool and the rows they return. */
function countingClient(): { client: Database; counts: { statements: number; rows: number } } {
  const client = createDatabaseClient(process.env.DATABASE_URL!);
  const counts = { statements: 0, rows: 0 };
  const query = client.pool.query.bind(client.pool) as (...args: unknown[]) => Promise<{ rows: unknown[] }>;
  Object.assign(client.pool, {
    query: async (...args: unknown[]) => {
      const result = await query(...args);
      counts.statements++;
      counts.rows += result.rows.length;
      return result;
    },
  });
  return { client, counts };
}

test("a one-operation save runs the same statements and reads the same rows on 10 events as on 500", async () => {
  const costs: { statements: number; rows: number }[] = [];
  for (const size of [10, 500]) {
    const setId = await setWith(size);
    const { client, counts } = countingClient();
    try {
      let version = 1;
      let realis = "Actual";
      const toggle = async () => {
        const to = realis === "Actual" ? "Generic" : "Actual";
        const result = await saveOperations(
          {
            setId,
            baseVersion: version,
            clientId: `cost-${size}`,
            operations: [{ seq: version, operation: setRealis("E1", realis, to) }],
            userId: null,
          },
          client,
        );
        assert.equal(result.status, "saved");
        version++;
        realis = to;
      };
      // The first save reads the set (under its lock, on a connection of its own); the next ones need no read.
      await toggle();
      counts.statements = counts.rows = 0;
      for (let i = 0; i < 10; i++) await toggle();
      costs.push({ ...counts });
    } finally {
      await client.pool.end();
    }
  }
  assert.deepEqual(costs[0], { statements: 10, rows: 10 }, "one statement per save, answering one row");
  assert.deepEqual(costs[1], costs[0]);
});

test("saves faster than any editor sends them are answered 429 with when to send again", async () => {
  const setId = (await openAnnotatorSet(world.bob, world.documentId))!.setId;
  const save = testWindow("hurried-window");
  // Far more at once than an editor ever sends: beyond the burst the account is allowed, they are refused.
  const responses = await Promise.all(
    Array.from({ length: 300 }, async () => POST(...(await postRequest(world.bob, setId, save(0, [setRealis("E9", "Actual", "Other")]))))),
  );
  const limited = responses.filter((response) => response.status === 429);
  assert.ok(limited.length > 0, "some were refused");
  assert.match(limited[0].headers.get("Retry-After") ?? "", /^[1-9]\d*$/);
  const [, body] = await answer(limited[0]);
  assert.equal(body.code, "rate-limited");
  assert.match(String(body.error), /^Too many saves at once: wait \d+ s and send again\.$/);
});
