// The set's push stream, through its route handler as Next calls it: a stream
// already open stops within seconds once its viewer may no longer see the set
// (a disabled account, a member removed from the project), and a password
// reset ends the sessions signed in before it.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET } from "@/app/api/annotation-sets/[setId]/events/route";
import { GET as getSet } from "@/app/api/annotation-sets/[setId]/route";
import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { resetPassword } from "@/lib/users/passwords";
import { openAnnotatorSet } from "./open-annotator-set";
import { closeTestWorld, createTestWorld, type TestWorld } from "./test-fixtures";
import { getRequest } from "./test-requests";

let world: TestWorld;
before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

/** Opens `user`'s stream of their own set and resolves with what it sent once it ends (or fails after `withinMs`). */
async function streamUntilClosed(user: CurrentUser, withinMs: number, whileOpen: () => Promise<void>): Promise<string> {
  const setId = (await openAnnotatorSet(user, world.documentId))!.setId;
  const abort = new AbortController();
  const [request, context] = await getRequest(user, setId);
  const response = await GET(new Request(request, { signal: abort.signal }), context);
  assert.equal(response.status, 200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = "";
  const timer = setTimeout(() => abort.abort(), withinMs);
  try {
    const first = await reader.read();
    received += first.value ?? "";
    assert.match(received, /event: version/, "the stream opens with the set's version");
    await whileOpen();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value;
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return received;
}

// The stream checks access again every 5 s: each test allows a little more.
test("a disabled account's open stream is closed within seconds", async () => {
  const received = await streamUntilClosed(world.ann, 8000, async () => {
    await db().user.update({ where: { id: world.ann.id }, data: { disabled: true } });
  });
  assert.match(received, /event: closed/);
});

test("a member removed from the project stops receiving within seconds", async () => {
  const received = await streamUntilClosed(world.bob, 8000, async () => {
    await db().projectMember.deleteMany({ where: { projectId: world.projectId, userId: world.bob.id } });
  });
  assert.match(received, /event: closed/);
});

test("a password reset ends the account's earlier sessions: their requests are answered as signed out", async () => {
  const goldSet = (await db().annotationSet.findFirstOrThrow({ where: { documentId: world.goldDocumentId, kind: "GOLD" } })).id;
  assert.equal((await getSet(...(await getRequest(world.reviewer, goldSet)))).status, 200);
  assert.ok((await resetPassword(world.admin, world.reviewer.id)).ok);
  assert.equal((await getSet(...(await getRequest(world.reviewer, goldSet)))).status, 401);
  assert.equal((await GET(...(await getRequest(world.reviewer, goldSet)))).status, 401, "and cannot open a stream");
});
