// Presence against the real database, through the route handlers as Next calls
// them: windows are present while their stream is open, each is told of the
// windows it may see (annotation stays blind), where a window is travels to the
// others within moments, and none of it touches the set's log or version.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET as events } from "@/app/api/annotation-sets/[setId]/events/route";
import { POST as presence } from "@/app/api/annotation-sets/[setId]/presence/route";
import { setChangeFeed } from "@/lib/annotation-sets/set-changes";
import { closeTestWorld, createTestWorld, openAnnAndBobSets, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { getRequest, postRequest } from "@/lib/annotation-sets/test-requests";
import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import type { PresenceView } from "./presence-views";

let world: TestWorld;
let annSet: string;
let bobSet: string;

before(async () => {
  world = await createTestWorld();
  ({ annSet, bobSet } = await openAnnAndBobSets(world));
});
after(async () => {
  await setChangeFeed().close();
  await closeTestWorld(world);
});

interface Viewer {
  /** The windows of the latest presence event that satisfies `until`. */
  presence(until: (windows: PresenceView[]) => boolean): Promise<PresenceView[]>;
  close(): void;
}

/** `user`'s window `clientId` on `setId`, with its stream open. */
async function openWindow(user: CurrentUser, setId: string, clientId: string): Promise<Viewer> {
  const abort = new AbortController();
  const [request, context] = await getRequest(user, setId, `/events?client=${clientId}`);
  const response = await events(new Request(request, { signal: abort.signal }), context);
  assert.equal(response.status, 200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return {
    async presence(until) {
      const deadline = Date.now() + 5000;
      for (;;) {
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: presence\ndata: (.*)$/m.exec(message)?.[1];
          if (data) {
            const { windows } = JSON.parse(data) as { windows: PresenceView[] };
            if (until(windows)) return windows;
          }
        }
        assert.ok(Date.now() < deadline, "no such presence event within 5 s");
        const { done, value } = await reader.read();
        assert.ok(!done, "the stream ended");
        buffer += value;
      }
    },
    close: () => abort.abort(),
  };
}

const ids = (windows: PresenceView[]) => windows.map((window) => window.clientId).sort();
const post = async (user: CurrentUser | null, setId: string, body: unknown, headers: Record<string, string> = {}) => {
  const [request, context] = await postRequest(user, setId, body, headers);
  return presence(new Request(request.url.replace(/\/operations$/, "/presence"), request), context);
};

test("windows see who else is on the document, blind between annotators, and where each is", async () => {
  const ann = await openWindow(world.ann, annSet, "ann-window-1");
  const rita = await openWindow(world.reviewer, annSet, "rita-window-1");
  const bob = await openWindow(world.bob, bobSet, "bob-window-1");
  try {
    assert.deepEqual(ids(await ann.presence((w) => w.length === 2)), ["ann-window-1", "rita-window-1"]);
    const seenByRita = await rita.presence((w) => w.length === 3);
    assert.deepEqual(ids(seenByRita), ["ann-window-1", "bob-window-1", "rita-window-1"]);
    assert.deepEqual(seenByRita.map((w) => [w.clientId, w.where, w.you]).sort(), [
      ["ann-window-1", "this set", false],
      ["bob-window-1", "bob's set", false],
      ["rita-window-1", "this set", true],
    ]);
    // Bob is told of nobody but himself: not of Ann, nor of the reviewer on Ann's set.
    assert.deepEqual(ids(await bob.presence((w) => w.length >= 1)), ["bob-window-1"]);

    const version = (await db().annotationSet.findUniqueOrThrow({ where: { id: annSet } })).version;
    assert.equal((await post(world.ann, annSet, { clientId: "ann-window-1", eventIndex: "E2" })).status, 204);
    const moved = await rita.presence((w) => w.some((window) => window.clientId === "ann-window-1" && window.eventIndex === "E2"));
    assert.equal(moved.length, 3);
    // Presence is not annotation: no new version, nothing logged.
    assert.equal((await db().annotationSet.findUniqueOrThrow({ where: { id: annSet } })).version, version);
    assert.equal(await db().annotationOperation.count({ where: { setId: annSet, version: { gt: version } } }), 0);

    ann.close();
    assert.deepEqual(ids(await rita.presence((w) => w.length === 2)), ["bob-window-1", "rita-window-1"]);
  } finally {
    for (const viewer of [ann, rita, bob]) viewer.close();
  }
});

test("nobody moves or takes over another account's window", async () => {
  const ann = await openWindow(world.ann, annSet, "ann-window-2");
  try {
    await ann.presence((w) => w.some((window) => window.you));
    // Bob names Ann's window: on his own set he is refused; on hers he cannot even see the set.
    assert.equal((await post(world.bob, bobSet, { clientId: "ann-window-2", eventIndex: "E1" })).status, 404);
    assert.equal((await post(world.bob, annSet, { clientId: "ann-window-2", eventIndex: "E1" })).status, 404);
    const bob = await openWindow(world.bob, bobSet, "ann-window-2");
    bob.close();
    const row = await db().presence.findUniqueOrThrow({ where: { clientId: "ann-window-2" } });
    assert.equal(row.userId, world.ann.id);
    assert.equal(row.setId, annSet);
    assert.equal(row.eventIndex, null);
  } finally {
    ann.close();
  }
});

test("presence requests are checked like any other: session, site, shape, size", async () => {
  assert.equal((await post(null, annSet, { clientId: "ann-window-3", eventIndex: null })).status, 401);
  assert.equal((await post(world.outsider, annSet, { clientId: "ann-window-3", eventIndex: null })).status, 404);
  assert.equal((await post(world.ann, annSet, { clientId: "ann-window-3", eventIndex: null }, { origin: "https://evil.example" })).status, 403);
  for (const body of [
    { clientId: "x", eventIndex: null },
    { clientId: "ann-window-3", eventIndex: "T1" },
    { clientId: "ann-window-3" },
    { clientId: "ann-window-3", eventIndex: "E1", extra: 1 },
  ]) {
    assert.equal((await post(world.ann, annSet, body)).status, 400, JSON.stringify(body));
  }
  assert.equal((await post(world.ann, annSet, { clientId: "ann-window-3", eventIndex: `E${"1".repeat(2000)}` })).status, 413);
  // No open window by that id.
  assert.equal((await post(world.ann, annSet, { clientId: "ann-window-3", eventIndex: "E1" })).status, 404);
  const [request, context] = await getRequest(world.ann, annSet, "/events?client=bad id");
  assert.equal((await events(request, context)).status, 400);
});
