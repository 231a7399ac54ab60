// The export route handler, called with real Requests as Next calls it: a
// manager's and an admin's downloads (archived projects too), the headers that
// name the file and announce its entries, and the query's refusals.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET } from "@/app/api/projects/[projectId]/export/route";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import { closeTestWorld, createTestWorld, sessionCookie, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { readZipEntries } from "@/lib/testing/read-zip";
import { createUser } from "@/lib/users";
import { contentDisposition } from "./export-route";
import { EXPORT_ENTRIES_HEADER } from "./export-query";

const ORIGIN = "http://hopper.test";
let world: TestWorld;
let manager: CurrentUser;

before(async () => {
  world = await createTestWorld();
  const { id, email } = await createUser({ email: "manager@example.org", name: "manager", password: "a long password", role: "ANNOTATOR" });
  manager = { id, email, name: "manager", role: "ANNOTATOR" };
  await db().projectMember.create({ data: { projectId: world.projectId, userId: manager.id, role: "MANAGER" } });
  await openAnnotatorSet(world.ann, world.goldDocumentId);
});
after(() => closeTestWorld(world));

async function download(user: CurrentUser, query: string, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${ORIGIN}/api/projects/${world.projectId}/export?${query}`, {
    headers: { host: "hopper.test", cookie: await sessionCookie(user), ...headers },
  });
  return GET(request, { params: Promise.resolve({ projectId: world.projectId }) });
}

const zipNames = async (response: Response) => [...(await readZipEntries(Buffer.from(await response.arrayBuffer()))).keys()];

test("a manager downloads the gold sets as a zip named after the project, its entries announced", async () => {
  const response = await download(manager, "status=in-annotation");
  assert.equal(response.status, 200, await response.clone().text());
  assert.equal(response.headers.get("content-type"), "application/zip");
  assert.match(response.headers.get("content-disposition")!, /^attachment; filename="Cyber-gold-\d{4}-\d\d-\d\d\.zip"/);
  assert.equal(response.headers.get(EXPORT_ENTRIES_HEADER), "3");
  assert.deepEqual((await zipNames(response)).sort(), ["gold/doc1.json", "gold/doc2.json", "manifest.json"]);
});

test("an admin downloads an annotator's sets as JSON Lines, from an archived project too", async () => {
  await db().project.update({ where: { id: world.projectId }, data: { archivedAt: new Date() } });
  try {
    const response = await download(world.admin, `format=jsonl&status=in-annotation&sets=annotators&annotators=${world.ann.email}`);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get("content-type"), "application/jsonl; charset=utf-8");
    const lines = (await response.text()).trimEnd().split("\n");
    assert.equal(lines.length, Number(response.headers.get(EXPORT_ENTRIES_HEADER)));
    assert.deepEqual(JSON.parse(lines[0]).set, world.ann.email);
    assert.ok(JSON.parse(lines.at(-1)!).manifest);
  } finally {
    await db().project.update({ where: { id: world.projectId }, data: { archivedAt: null } });
  }
});

test("the query is checked: unknown parameters, statuses and annotators, empty selections, another site", async () => {
  const refusal = async (query: string, headers?: Record<string, string>) => {
    const response = await download(manager, query, headers);
    return [response.status, ((await response.json()) as { error: string }).error] as const;
  };
  assert.deepEqual(await refusal("format=tar"), [400, "Invalid request: format: must be zip or jsonl"]);
  assert.deepEqual(await refusal("status=done"), [
    400,
    "Invalid request: status: must be among unassigned, in-annotation, ready-for-adjudication, adjudicated",
  ]);
  assert.deepEqual(await refusal("status="), [400, "Invalid request: status: choose at least one document status"]);
  assert.deepEqual(await refusal("sets=annotators"), [400, "Invalid request: annotators: choose at least one annotator whose sets to export"]);
  assert.deepEqual(await refusal("annotators=ann@example.org"), [
    400,
    "Invalid request: annotators: annotators are chosen only with sets=annotators",
  ]);
  assert.deepEqual(await refusal("sets=annotators&annotators=not-an-email"), [400, "Invalid request: annotators: must be e-mail addresses"]);
  assert.equal((await refusal("verbose=1"))[0], 400);
  assert.deepEqual(await refusal("status=in-annotation&sets=annotators&annotators=nobody@example.org"), [
    400,
    "No sets of nobody@example.org in Cyber: choose among the project's annotators.",
  ]);
  assert.deepEqual(await refusal(""), [400, "Nothing to export: no document of Cyber is adjudicated."]);
  assert.equal((await refusal("status=in-annotation", { "sec-fetch-site": "cross-site" }))[0], 403);
});

test("the file name survives any project name", () => {
  assert.equal(contentDisposition('Zürich "data".zip'), `attachment; filename="Z_rich _data_.zip"; filename*=UTF-8''Z%C3%BCrich%20%22data%22.zip`);
});
