import assert from "node:assert/strict";
import { test } from "node:test";
import { openDatabaseServer, startThrowawayServer, testServerUrl } from "./database-url";

const url = "postgresql://app:secret@db.example:5433/hopper";

test("DATABASE_URL, when set, is the app's database and the server for throwaway databases", async () => {
  for (const open of [openDatabaseServer, startThrowawayServer]) {
    const server = await open({ DATABASE_URL: url });
    assert.equal(server.url, url);
    assert.equal(server.embedded, false);
    await server.stop();
  }
});

test("tests use the runner's server, else DATABASE_URL's, and never guess", () => {
  assert.equal(
    testServerUrl({ HOPPER_TEST_SERVER_URL: "postgresql://postgres@127.0.0.1:5432/postgres", DATABASE_URL: url }),
    "postgresql://postgres@127.0.0.1:5432/postgres",
  );
  assert.equal(testServerUrl({ DATABASE_URL: url }), url);
  assert.throws(() => testServerUrl({}), /No database server for tests: run them with `npm test`/);
});
