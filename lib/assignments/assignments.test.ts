// Assignments on a real database: handing documents out by hand and balanced,
// withdrawing and moving them (the work done stays), the only-assigned rule,
// submitting and reopening through the route handlers, and what the queue,
// the assignments page and the dashboard make of it.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { POST as REOPEN } from "@/app/api/annotation-sets/[setId]/reopen/route";
import { POST as SUBMIT } from "@/app/api/annotation-sets/[setId]/submit/route";
import { POST as SAVE } from "@/app/api/annotation-sets/[setId]/operations/route";
import { findVisibleSet, openOwnAnnotatorSet } from "@/lib/annotation-sets";
import { ANNOTATE_BOTH, CONTENT, closeTestWorld, createTestWorld, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { answer, postRequest, testWindow } from "@/lib/annotation-sets/test-requests";
import type { CurrentUser } from "@/lib/auth/access";
import { documentStatus } from "@/lib/auth/workflow";
import { db } from "@/lib/db/client";
import { createDocument } from "@/lib/documents/store";
import { loadDashboard } from "@/lib/dashboard/dashboard-data";
import { createUser } from "@/lib/users";
import { listAssignmentPage } from "./assignment-list";
import { AssignmentError, assignBalanced, assignByHand, listProjectAnnotators, moveAssignments, withdrawAssignments } from "./assignments";
import { DOCUMENT_PROGRESS_JOIN, DOCUMENT_STATUS_SQL } from "./document-progress-sql";
import { annotatorQueue, nextInQueue } from "./queue";

let world: TestWorld;
let cat: CurrentUser;
let manager: CurrentUser;
/** Fresh documents of the project, assigned to nobody. */
let docs: string[];

const person = async (name: string, role: CurrentUser["role"]): Promise<CurrentUser> => {
  const { id, email } = await createUser({ email: `${name}@example.org`, name, password: "a long password", role });
  return { id, email, name, role };
};
const newDocument = (name: string) =>
  createDocument({
    projectId: world.projectId,
    name,
    casie: { content: CONTENT, sourcefile: `${name}.txt`, hoppers: [] },
    warnings: [],
    withGoldSet: false,
    replace: false,
  });
const assignedTo = async (documentId: string) =>
  (await db().assignment.findMany({ where: { documentId }, select: { annotatorId: true } })).map((a) => a.annotatorId).sort();
const sorted = (...users: CurrentUser[]) => users.map((user) => user.id).sort();

before(async () => {
  world = await createTestWorld();
  cat = await person("cat", "ANNOTATOR");
  manager = await person("max", "ANNOTATOR");
  await db().projectMember.createMany({
    data: [
      { projectId: world.projectId, userId: cat.id, role: "ANNOTATOR" },
      { projectId: world.projectId, userId: manager.id, role: "MANAGER" },
    ],
  });
  docs = [];
  for (let i = 0; i < 6; i++) docs.push(await newDocument(`fresh${i}`));
});
after(() => closeTestWorld(world));

test("balanced: each document to N of the project's annotators, least busy first, never twice to one person", async () => {
  const before = new Map((await listProjectAnnotators(world.projectId)).map((a) => [a.name, a.assigned]));
  // The test world's two documents are ann's and bob's already: cat, with none, goes first.
  assert.deepEqual(Object.fromEntries(before), { ann: 2, bob: 2, cat: 0 });
  const message = await assignBalanced({ projectId: world.projectId, documentIds: docs.slice(0, 3), perDocument: 2, byUserId: manager.id });
  assert.equal(message, "6 assignments made across 3 annotators.");
  assert.deepEqual(await assignedTo(docs[0]), sorted(cat, world.ann));
  assert.deepEqual(await assignedTo(docs[1]), sorted(cat, world.bob));
  assert.deepEqual(await assignedTo(docs[2]), sorted(cat, world.ann));
  assert.equal((await db().assignment.findFirstOrThrow({ where: { documentId: docs[0], annotatorId: cat.id } })).assignedById, manager.id);
  // Asking again adds nobody: each has two already.
  assert.match(await assignBalanced({ projectId: world.projectId, documentIds: docs.slice(0, 3), perDocument: 2, byUserId: null }), /^0 assignments/);
  // More than there are annotators: every one of them, and a word about the shortfall.
  assert.match(
    await assignBalanced({ projectId: world.projectId, documentIds: [docs[3]], perDocument: 5, byUserId: null }),
    /^3 assignments made across 3 annotators\. 1 document got fewer than 5: the project has 3 annotators\.$/,
  );
  // The manager (project role MANAGER) and outsiders are never given work.
  assert.ok(!(await assignedTo(docs[3])).includes(manager.id));
});

test("by hand: only to the project's annotators, only documents of the project", async () => {
  assert.equal(
    await assignByHand({ projectId: world.projectId, documentIds: [docs[4], docs[4]], annotatorIds: [world.bob.id], byUserId: null }),
    "1 assignment made.",
  );
  const refused = async (annotatorIds: string[], documentIds = [docs[5]]) =>
    assert.rejects(assignByHand({ projectId: world.projectId, documentIds, annotatorIds, byUserId: null }), AssignmentError);
  await refused([manager.id]);
  await refused([world.outsider.id]);
  await refused([world.reviewer.id]);
  await refused(["not-an-id"]);
  await refused([world.bob.id], ["00000000-0000-4000-8000-000000000000"]);
  const other = await db().project.create({ data: { name: "Elsewhere", tagset: {} } });
  await assert.rejects(
    assignByHand({ projectId: other.id, documentIds: [docs[5]], annotatorIds: [world.bob.id], byUserId: null }),
    /no longer in this project/,
  );
  assert.deepEqual(await assignedTo(docs[5]), []);
});

test("only assigned annotators open a set of their own; reviewers and admins open one anyway", async () => {
  assert.deepEqual(await openOwnAnnotatorSet(world.bob, docs[5]), { refused: "not-assigned", why: "This document is not assigned to you." });
  assert.equal(await db().annotationSet.count({ where: { documentId: docs[5] } }), 0, "no set was created");
  assert.deepEqual(await openOwnAnnotatorSet(world.outsider, docs[5]), { refused: "not-found" });
  assert.deepEqual(await openOwnAnnotatorSet(world.bob, "nope"), { refused: "not-found" });
  assert.ok("setId" in (await openOwnAnnotatorSet(world.reviewer, docs[5])));
  assert.ok("setId" in (await openOwnAnnotatorSet(world.admin, docs[5])));
  assert.ok("setId" in (await openOwnAnnotatorSet(manager, docs[5])), "a project manager may annotate too");
  assert.ok("setId" in (await openOwnAnnotatorSet(world.bob, docs[4])));
});

test("withdrawn or moved, the work stays: read-only to its annotator, visible to reviewers", async () => {
  const opened = await openOwnAnnotatorSet(world.ann, docs[0]);
  assert.ok("setId" in opened);
  const save = testWindow("withdraw-window");
  assert.equal((await SAVE(...(await postRequest(world.ann, opened.setId, save(0, [ANNOTATE_BOTH]))))).status, 200);

  assert.equal(
    await moveAssignments({ projectId: world.projectId, documentIds: [docs[0]], fromId: world.ann.id, toId: world.bob.id, byUserId: null }),
    "1 document moved; work already done is kept.",
  );
  assert.deepEqual(await assignedTo(docs[0]), sorted(cat, world.bob));
  const own = await findVisibleSet(world.ann, opened.setId);
  assert.deepEqual(own?.access, {
    level: "view",
    whyNotEdit: "This document is no longer assigned to you: your work on it is kept for the reviewers.",
  });
  const [status, body] = await answer(await SAVE(...(await postRequest(world.ann, opened.setId, save(1, [ANNOTATE_BOTH])))));
  assert.equal(status, 403);
  assert.match(String(body.error), /no longer assigned to you/);
  assert.equal((await findVisibleSet(world.reviewer, opened.setId))?.access.level, "view");
  assert.equal(await db().event.count({ where: { setId: opened.setId } }), 2);
  assert.deepEqual(await openOwnAnnotatorSet(world.ann, docs[0]), { refused: "not-assigned", why: "This document is not assigned to you." });

  assert.match(
    await moveAssignments({ projectId: world.projectId, documentIds: [docs[0]], fromId: world.bob.id, toId: cat.id, byUserId: null }),
    /^0 documents moved.*1 document left as they were/,
  );
  await assert.rejects(
    moveAssignments({ projectId: world.projectId, documentIds: [docs[0]], fromId: world.bob.id, toId: manager.id, byUserId: null }),
    AssignmentError,
  );
  assert.equal(
    await withdrawAssignments({ projectId: world.projectId, documentIds: [docs[0]], annotatorId: world.bob.id, byUserId: null }),
    "1 assignment withdrawn; work already done is kept.",
  );
  assert.deepEqual(await assignedTo(docs[0]), sorted(cat));
});

test("submit and reopen through the route handlers, with every refusal", async () => {
  const documentId = docs[1];
  const opened = await openOwnAnnotatorSet(cat, documentId);
  assert.ok("setId" in opened);
  const setId = opened.setId;
  assert.equal((await SAVE(...(await postRequest(cat, setId, testWindow("cat-window")(0, [ANNOTATE_BOTH]))))).status, 200);
  const submit = async (user: CurrentUser | null, body: unknown, headers: Record<string, string> = {}) =>
    answer(await SUBMIT(...(await postRequest(user, setId, body, headers))));
  const reopen = async (user: CurrentUser | null, body: unknown) => answer(await REOPEN(...(await postRequest(user, setId, body))));

  assert.deepEqual(await submit(null, { version: 1 }), [401, { error: "Sign in to continue.", code: "signed-out" }]);
  assert.deepEqual((await submit(world.ann, { version: 1 }))[0], 404, "another annotator does not learn the set exists");
  assert.deepEqual((await submit(world.outsider, { version: 1 }))[0], 404);
  assert.deepEqual(await submit(world.reviewer, { version: 1 }), [403, { error: "Only its annotator submits a set.", code: "forbidden" }]);
  assert.deepEqual((await submit(cat, { version: 1 }, { origin: "https://evil.example" }))[0], 403);
  assert.deepEqual((await submit(cat, { version: "1" }))[0], 400);
  assert.deepEqual((await submit(cat, "not json"))[0], 400);
  assert.deepEqual(await submit(cat, { version: 0 }), [
    409,
    { error: "The set changed since you last saw it (another window?): reload and submit again.", code: "conflict" },
  ]);
  assert.deepEqual(await submit(cat, { version: 1 }), [200, { status: "SUBMITTED" }]);
  const submitted = await db().annotationSet.findUniqueOrThrow({ where: { id: setId } });
  assert.equal(submitted.status, "SUBMITTED");
  assert.ok(submitted.submittedAt);
  assert.deepEqual(await submit(cat, { version: 1 }), [403, { error: "The set is submitted already.", code: "forbidden" }]);
  const [saveStatus] = await answer(await SAVE(...(await postRequest(cat, setId, testWindow("cat-late")(1, [ANNOTATE_BOTH])))));
  assert.equal(saveStatus, 403, "read-only to its annotator once submitted");
  assert.equal((await findVisibleSet(cat, setId))?.access.level, "view");

  assert.deepEqual(await reopen(cat, { note: "please" }), [403, { error: "Only reviewers and managers reopen a submitted set.", code: "forbidden" }]);
  assert.deepEqual((await reopen(world.ann, { note: "please" }))[0], 404);
  assert.deepEqual((await reopen(null, { note: "please" }))[0], 401);
  assert.deepEqual((await reopen(world.reviewer, { note: "   " }))[0], 400);
  assert.deepEqual((await reopen(world.reviewer, { note: "x".repeat(2001) }))[0], 400);
  assert.deepEqual(await reopen(manager, { note: "E2 is a Ransom, not a Databreach." }), [200, { status: "IN_PROGRESS" }]);
  assert.deepEqual(await reopen(world.reviewer, { note: "again" }), [
    403,
    { error: "Only a submitted annotator set can be reopened.", code: "forbidden" },
  ]);
  const queue = await annotatorQueue(cat);
  const item = queue.find((entry) => entry.documentId === documentId)!;
  assert.deepEqual([item.state, item.reopenNote], ["in-progress", "E2 is a Ransom, not a Databreach."]);
  assert.equal((await findVisibleSet(cat, setId))?.access.level, "edit");
  assert.deepEqual(await submit(cat, { version: 1 }), [200, { status: "SUBMITTED" }]);
  assert.equal((await db().annotationSet.findUniqueOrThrow({ where: { id: setId } })).reopenNote, null, "the note goes with the resubmission");
  assert.deepEqual(await reopen(world.reviewer, { note: "one more look" }), [200, { status: "IN_PROGRESS" }]);
  assert.deepEqual(await submit(cat, { version: 1 }), [200, { status: "SUBMITTED" }]);
});

test("the queue lists a user's assignments by state with the next to open; the status follows the sets", async () => {
  const queue = await annotatorQueue(cat);
  assert.deepEqual(
    queue.map((item) => [item.documentName, item.state]),
    [
      ["fresh0", "new"],
      ["fresh1", "submitted"],
      ["fresh2", "new"],
      ["fresh3", "new"],
    ],
  );
  assert.equal(nextInQueue(queue)?.documentName, "fresh0");
  assert.equal(nextInQueue(queue, docs[0])?.documentName, "fresh2");
  assert.deepEqual(await annotatorQueue(world.outsider), []);

  // fresh1 is cat's and bob's: ready once bob submits too.
  const page = async () => (await listAssignmentPage(world.projectId, { status: null, page: 1 })).documents;
  const statusOf = async (name: string) => (await page()).find((document) => document.name === name)!.status;
  assert.equal(await statusOf("fresh1"), "in-annotation");
  const bobSet = await openOwnAnnotatorSet(world.bob, docs[1]);
  assert.ok("setId" in bobSet);
  assert.deepEqual(await answer(await SUBMIT(...(await postRequest(world.bob, bobSet.setId, { version: 0 })))), [200, { status: "SUBMITTED" }]);
  assert.equal(await statusOf("fresh1"), "ready-for-adjudication");
  assert.equal(await statusOf("fresh5"), "unassigned");
  const ready = await listAssignmentPage(world.projectId, { status: "ready-for-adjudication", page: 1 });
  assert.deepEqual(
    ready.documents.map((document) => document.name),
    ["fresh1"],
  );
  assert.deepEqual(
    ready.documents[0].assignees.map((assignee) => [assignee.name, assignee.setStatus]),
    [
      ["bob", "SUBMITTED"],
      ["cat", "SUBMITTED"],
    ],
  );

  const dashboard = await loadDashboard(world.projectId);
  assert.equal(dashboard.byStatus["ready-for-adjudication"], 1);
  assert.equal(dashboard.documents, 8);
  const catRow = dashboard.annotators.find((row) => row.name === "cat")!;
  assert.deepEqual(
    { ...catRow, id: undefined },
    { id: undefined, name: "cat", assigned: 4, notStarted: 3, inProgress: 0, submitted: 1, events: 2, arguments: 1 },
  );
  const annRow = dashboard.annotators.find((row) => row.name === "ann")!;
  assert.deepEqual([annRow.events, annRow.arguments], [2, 1], "work on a withdrawn document still counts as made");
  assert.equal(dashboard.submissionsPerDay.at(-1)!.count, 2);
  // Whoever made a set is listed (max, a manager, opened one), and every annotator of the project.
  assert.deepEqual(
    dashboard.annotators.map((row) => [row.name, row.assigned]),
    [
      ["admin", 0],
      ["ann", 4],
      ["bob", 5],
      ["cat", 4],
      ["max", 0],
      ["reviewer", 0],
    ],
  );
});

test("the SQL status and documentStatus agree on every combination", async () => {
  const { rows } = await db().pool.query<{ assigned: number; submitted: number; goldAdjudicated: boolean; status: string }>(
    `SELECT progress.*, ${DOCUMENT_STATUS_SQL} AS "status"
      FROM (SELECT a::int AS "assigned", s::int AS "submitted", g AS "goldAdjudicated"
        FROM generate_series(0, 3) a, generate_series(0, 3) s, (VALUES (true), (false)) v(g) WHERE s <= a) progress`,
  );
  assert.equal(rows.length, 20);
  for (const { status, ...progress } of rows) assert.equal(status, documentStatus(progress), JSON.stringify(progress));
  assert.match(DOCUMENT_PROGRESS_JOIN, /progress ON true$/);
});
