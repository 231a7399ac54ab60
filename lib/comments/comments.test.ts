// Comment threads through the route handlers against the real database: who
// may open, read, answer and resolve them (annotation stays blind), mentions,
// the project's lists with their filters, and threads that outlive their annotation.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET, POST } from "@/app/api/annotation-sets/[setId]/comments/route";
import { deleteEventOperation } from "@/lib/annotation/editor-commands";
import { loadAnnotationSet } from "@/lib/annotation-sets";
import { closeTestWorld, createTestWorld, openAnnAndBobSets, saveAs, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { answer, getRequest, postRequest } from "@/lib/annotation-sets/test-requests";
import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import type { CommentThread } from "./comment-store";
import { listThreads } from "./comment-store";
import { commentTargetExists, parseCommentTarget } from "./comment-target";

let world: TestWorld;
let annSet: string;
let bobSet: string;

before(async () => {
  world = await createTestWorld();
  ({ annSet, bobSet } = await openAnnAndBobSets(world));
});
after(() => closeTestWorld(world));

const post = async (user: CurrentUser | null, setId: string, body: unknown, headers: Record<string, string> = {}) => {
  const [request, context] = await postRequest(user, setId, body, headers);
  const response = await POST(new Request(request.url.replace(/\/operations$/, "/comments"), request), context);
  return response.status === 204 ? ([204, {} as Record<string, unknown>] as const) : answer(response);
};
const threadsOf = async (user: CurrentUser, setId: string) => {
  const [status, body] = await answer(await GET(...(await getRequest(user, setId, "/comments"))));
  return { status, threads: (body.threads ?? []) as CommentThread[] };
};

test("a thread is opened on an event, answered by a reviewer with a mention, resolved and reopened", async () => {
  const [opened, { id }] = await post(world.ann, annSet, { action: "open", target: "event:E1", body: "Is **stole** the right nugget? @reviewer" });
  assert.equal(opened, 201);
  assert.equal(
    (await post(world.reviewer, annSet, { action: "reply", threadId: String(id), body: "Yes, @ann: keep it. <script>x</script>" }))[0],
    201,
  );
  let { threads } = await threadsOf(world.ann, annSet);
  assert.equal(threads.length, 1);
  assert.equal(threads[0].about, "E1");
  assert.deepEqual(
    threads[0].comments.map((comment) => comment.author),
    ["ann", "reviewer"],
  );
  assert.match(threads[0].comments[0].html, /<strong>stole<\/strong>/);
  assert.doesNotMatch(threads[0].comments[1].html, /<script/);
  // Only members are mentioned: the reviewer (a global role, not a member) is not; Ann is.
  const reply = await db().comment.findFirstOrThrow({ where: { parentId: String(id) } });
  assert.deepEqual(reply.mentionedIds, [world.ann.id]);

  assert.equal((await post(world.ann, annSet, { action: "resolve", threadId: String(id), resolved: true }))[0], 204);
  ({ threads } = await threadsOf(world.reviewer, annSet));
  assert.equal(threads[0].resolved, true);
  assert.equal((await post(world.reviewer, annSet, { action: "resolve", threadId: String(id), resolved: false }))[0], 204);
  ({ threads } = await threadsOf(world.ann, annSet));
  assert.equal(threads[0].resolved, false);
});

test("blind: another annotator neither reads, answers nor resolves a thread of Ann's set", async () => {
  const [, { id }] = await post(world.ann, annSet, { action: "open", target: null, body: "A note on the whole document" });
  assert.equal((await threadsOf(world.bob, annSet)).status, 404);
  assert.equal((await post(world.bob, annSet, { action: "reply", threadId: String(id), body: "peek" }))[0], 404);
  // Naming Ann's thread on his own set does not reach it either.
  assert.equal((await post(world.bob, bobSet, { action: "reply", threadId: String(id), body: "peek" }))[0], 404);
  assert.equal((await post(world.bob, bobSet, { action: "resolve", threadId: String(id), resolved: true }))[0], 404);
  assert.equal((await post(world.outsider, annSet, { action: "open", target: null, body: "hi" }))[0], 404);
  assert.equal((await post(null, annSet, { action: "open", target: null, body: "hi" }))[0], 401);
  assert.equal((await post(world.ann, annSet, { action: "open", target: null, body: "hi" }, { origin: "https://evil.example" }))[0], 403);
  assert.deepEqual((await threadsOf(world.bob, bobSet)).threads, []);
  const bobsList = await listThreads({ projectId: world.projectId }, { id: world.bob.id, ownSetsOnly: true }, "all");
  assert.deepEqual(bobsList, []);
  const reviewersList = await listThreads({ projectId: world.projectId }, { id: world.reviewer.id, ownSetsOnly: false }, "all");
  assert.ok(reviewersList.some((thread) => thread.id === String(id)));
});

test("bad requests are refused clearly: unknown targets, targets the set lacks, empty or huge comments, unknown threads", async () => {
  for (const [body, status] of [
    [{ action: "open", target: "event:E99", body: "x" }, 422],
    [{ action: "open", target: "span:T1", body: "x" }, 422],
    [{ action: "open", target: "argument:E1:T3", body: "x" }, 422],
    [{ action: "open", target: null, body: "   " }, 400],
    [{ action: "open", target: null, body: "x".repeat(10_001) }, 400],
    [{ action: "open", target: null }, 400],
    [{ action: "reply", threadId: "00000000-0000-4000-8000-000000000000", body: "x" }, 404],
    [{ action: "reply", threadId: "not-a-uuid", body: "x" }, 400],
    [{ action: "delete", threadId: "00000000-0000-4000-8000-000000000000" }, 400],
  ] as const) {
    assert.equal((await post(world.ann, annSet, body))[0], status, JSON.stringify(body).slice(0, 80));
  }
});

test("filters: open, mine, mentioning me; and a thread outlives the event it was about", async () => {
  const [, { id }] = await post(world.reviewer, annSet, { action: "open", target: "argument:E1:T2", body: "@ann is Hackers an Organization?" });
  const list = (viewer: CurrentUser, filter: "open" | "mine" | "mentions") =>
    listThreads({ projectId: world.projectId }, { id: viewer.id, ownSetsOnly: viewer.role === "ANNOTATOR" }, filter);
  assert.ok((await list(world.ann, "mentions")).some((thread) => thread.id === String(id)));
  assert.ok(!(await list(world.reviewer, "mentions")).some((thread) => thread.id === String(id)));
  assert.ok((await list(world.reviewer, "mine")).some((thread) => thread.id === String(id)));
  assert.ok((await list(world.ann, "open")).every((thread) => !thread.resolved));

  const state = (await loadAnnotationSet(annSet))!;
  await saveAs(annSet, state.version, [deleteEventOperation(state.document, "E1")], { userId: world.ann.id });
  const after = (await loadAnnotationSet(annSet))!;
  const { threads } = await threadsOf(world.ann, annSet);
  const thread = threads.find((t) => t.id === String(id))!;
  assert.ok(thread, "the thread is kept");
  assert.equal(commentTargetExists(after.document, parseCommentTarget(thread.target)!), false, "and can be marked as about something deleted");
});
