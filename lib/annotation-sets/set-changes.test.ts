// Pushed versions against the real database: a save notifies every listener
// of its set when it commits (and nobody else's), the feed comes back after
// its connection is cut, and a viewer's stream sends versions until the
// viewer may no longer see the set.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { db } from "@/lib/db/client";
import { createSetChangeFeed, type SetChange } from "./set-changes";
import { setEventStream } from "./set-event-stream";
import { annotatedSetOf, closeTestWorld, createTestWorld, saveAs, setRealis, type TestWorld } from "./test-fixtures";
import { clinicDocument } from "@/lib/annotation/test-documents";

let world: TestWorld;
before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

let documents = 0;
const newSet = () => annotatedSetOf(world, world.ann, { ...clinicDocument(), sourcefile: `pushed-${++documents}.txt` });

/** Resolves with the first value `wait` is given, or rejects after `ms`. */
function first<T>(ms = 5000): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    setTimeout(() => fail(new Error(`nothing within ${ms} ms`)), ms);
  });
  return { promise, resolve };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(condition());
};

test("a save notifies the listeners of its set, with its new version, and nobody else's", async () => {
  const [setId, otherId] = [await newSet(), await newSet()];
  const feed = createSetChangeFeed(process.env.DATABASE_URL!);
  try {
    const heard = first<SetChange>();
    const others: SetChange[] = [];
    feed.subscribe(setId, heard.resolve);
    feed.subscribe(otherId, (change) => others.push(change));
    await until(() => feed.connected());
    assert.equal((await saveAs(setId, 1, [setRealis("E1", "Actual", "Generic")])).status, "saved");
    assert.deepEqual(await heard.promise, { set: setId, version: 2 });
    assert.deepEqual(others, []);
  } finally {
    await feed.close();
  }
});

test("the feed reconnects after its connection is cut, and hears saves again", async () => {
  const setId = await newSet();
  const feed = createSetChangeFeed(process.env.DATABASE_URL!);
  try {
    const versions: number[] = [];
    feed.subscribe(setId, (change) => versions.push(change.version));
    await until(() => feed.connected());
    await db().$queryRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN hopper_set_changes%' AND pid <> pg_backend_pid()`,
    );
    await until(() => !feed.connected());
    await until(() => feed.connected());
    await saveAs(setId, 1, [setRealis("E1", "Actual", "Other")]);
    await until(() => versions.includes(2));
  } finally {
    await feed.close();
  }
});

test("a viewer's stream sends the version at once, then each new one, and ends when the viewer may no longer see the set", async () => {
  const setId = await newSet();
  const feed = createSetChangeFeed(process.env.DATABASE_URL!);
  const abort = new AbortController();
  let allowed = true;
  try {
    const response = setEventStream({ setId, version: 1, feed, stillAllowed: () => Promise.resolve(allowed), signal: abort.signal, recheckMs: 100 });
    assert.equal(response.headers.get("content-type"), "text/event-stream; charset=utf-8");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const read = async (expected: RegExp) => {
      while (!expected.test(received)) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value;
      }
      assert.match(received, expected);
    };
    await read(/event: version\ndata: \{"version":1\}/);
    await until(() => feed.connected());
    await saveAs(setId, 1, [setRealis("E1", "Actual", "Generic")]);
    await read(/event: version\ndata: \{"version":2\}/);
    allowed = false;
    await read(/event: closed/);
    assert.equal((await reader.read()).done, true, "the stream ends");
  } finally {
    abort.abort();
    await feed.close();
  }
});

test("a save made by another app process reaches a viewer of this one: nothing is kept in one process only", async () => {
  const setId = await newSet();
  const feed = createSetChangeFeed(process.env.DATABASE_URL!);
  try {
    const heard = first<SetChange>(15_000);
    feed.subscribe(setId, heard.resolve);
    await until(() => feed.connected());
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(__dirname, "test-other-process.ts"), setId, "1"], {
      env: process.env,
    });
    assert.equal(stdout, "saved");
    assert.deepEqual(await heard.promise, { set: setId, version: 2 });
  } finally {
    await feed.close();
  }
});
