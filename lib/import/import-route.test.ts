// The import route handler, called with real Requests as Next calls it: who may
// upload into which project, refusals before the body is read, and the NDJSON
// answer of an accepted upload.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { POST } from "@/app/api/projects/[projectId]/imports/route";
import { closeTestWorld, createTestWorld, sessionCookie, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { FIXTURE, readFixture } from "@/lib/testing/casie-fixtures";
import { deflatedEntry, madeUpArticle } from "@/lib/testing/test-zips";
import { createUser } from "@/lib/users";
import { UPLOAD_LIMITS } from "./upload-limits";
import { importUploadUrl, type UploadEvent, type UploadOptions } from "./upload-protocol";
import { zipArchive } from "./zip-writer";

const ORIGIN = "http://hopper.test";
let world: TestWorld;
let manager: CurrentUser;
/** An annotator by global role who reviews this project. */
let projectReviewer: CurrentUser;
let archivedId: string;

before(async () => {
  world = await createTestWorld();
  const person = async (name: string): Promise<CurrentUser> => {
    const { id, email } = await createUser({ email: `${name}@example.org`, name, password: "a long password", role: "ANNOTATOR" });
    return { id, email, name, role: "ANNOTATOR" };
  };
  [manager, projectReviewer] = await Promise.all([person("manager"), person("project-reviewer")]);
  const archived = await findOrCreateProject("Archived");
  archivedId = archived.id;
  await db().project.update({ where: { id: archivedId }, data: { archivedAt: new Date() } });
  await db().projectMember.createMany({
    data: [
      { projectId: world.projectId, userId: manager.id, role: "MANAGER" },
      { projectId: world.projectId, userId: projectReviewer.id, role: "REVIEWER" },
      { projectId: archivedId, userId: manager.id, role: "MANAGER" },
    ],
  });
});
after(() => closeTestWorld(world));

let articles = 0;
function articlesZip(count = 2): Uint8Array<ArrayBuffer> {
  return zipArchive(Array.from({ length: count }, () => deflatedEntry(`route/article-${++articles}.txt`, madeUpArticle(articles))));
}

async function upload(
  user: CurrentUser | null,
  body: Uint8Array<ArrayBuffer> | null,
  {
    projectId = world.projectId,
    options = {},
    headers = {},
  }: { projectId?: string; options?: Partial<UploadOptions>; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = ORIGIN + importUploadUrl(projectId, { name: "upload.zip", target: "gold", replace: false, ...options });
  const request = new Request(url, {
    method: "POST",
    headers: {
      host: "hopper.test",
      origin: ORIGIN,
      "content-type": "application/zip",
      ...(user && { cookie: await sessionCookie(user) }),
      ...headers,
    },
    body,
  });
  return POST(request, { params: Promise.resolve({ projectId }) });
}

async function refusal(response: Response): Promise<[number, string, string]> {
  const body = (await response.json()) as { error: string; code: string };
  return [response.status, body.code, body.error];
}

async function events(response: Response): Promise<UploadEvent[]> {
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/x-ndjson");
  return (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as UploadEvent);
}

const documentCount = (projectId = world.projectId) => db().document.count({ where: { projectId } });

test("an admin's upload is answered with progress lines, then the report", async () => {
  const before = await documentCount();
  const lines = await events(await upload(world.admin, articlesZip(3)));
  assert.deepEqual(lines[0], { type: "checked", files: 3, skipped: 0 });
  const progress = lines.filter((line) => line.type === "progress");
  assert.ok(progress.length >= 1);
  assert.deepEqual(progress.at(-1), { type: "progress", done: 3, total: 3 });
  const last = lines.at(-1)!;
  assert.equal(last.type, "report");
  if (last.type !== "report") return;
  assert.equal(last.report.imported.length, 3);
  assert.match(last.text, /^Project "Cyber"\nImported 3 documents: 0 hoppers, 0 events, 0 arguments\.$/);
  assert.equal(await documentCount(), before + 3);
});

test("a project manager may upload, into the gold set or into a project annotator's set", async () => {
  const clinic = zipArchive([deflatedEntry("clinic.json", readFixture(FIXTURE.clinicBreach))]);
  const lines = await events(await upload(manager, clinic, { options: { target: { annotatorId: world.ann.id } } }));
  assert.equal(lines.at(-1)!.type, "report");
  const set = await db().annotationSet.findFirstOrThrow({ where: { annotatorId: world.ann.id, document: { name: "clinic-breach" } } });
  assert.equal(set.kind, "ANNOTATOR");
  assert.equal(await db().assignment.count({ where: { documentId: set.documentId, annotatorId: world.ann.id, assignedById: manager.id } }), 1);
});

test("refuses the signed out, annotators, reviewers who do not manage, non-members and guessed ids", async () => {
  const before = await documentCount();
  assert.deepEqual(await refusal(await upload(null, articlesZip())), [401, "signed-out", "Sign in to continue."]);
  const notManager = [403, "forbidden", "Only admins and the project's managers import documents."];
  assert.deepEqual(await refusal(await upload(world.ann, articlesZip())), notManager);
  assert.deepEqual(await refusal(await upload(projectReviewer, articlesZip())), notManager);
  assert.deepEqual(await refusal(await upload(world.reviewer, articlesZip())), notManager, "a global reviewer sees every project but manages none");
  const hidden = [404, "not-found", "No such project."];
  assert.deepEqual(await refusal(await upload(world.outsider, articlesZip())), hidden);
  assert.deepEqual(await refusal(await upload(world.admin, articlesZip(), { projectId: "00000000-0000-4000-8000-000000000000" })), hidden);
  assert.deepEqual(await refusal(await upload(world.admin, articlesZip(), { projectId: "nope" })), hidden);
  assert.equal(await documentCount(), before);
});

test("refuses an archived project: it is read-only", async () => {
  const archived = [403, "forbidden", "The project is archived: it is read-only."];
  assert.deepEqual(await refusal(await upload(manager, articlesZip(), { projectId: archivedId })), archived);
  assert.deepEqual(await refusal(await upload(world.admin, articlesZip(), { projectId: archivedId })), archived);
  assert.equal(await documentCount(archivedId), 0);
});

test("refuses another origin, a declared size over the limit, and bad options before reading the body", async () => {
  const [status, code] = await refusal(await upload(world.admin, articlesZip(), { headers: { origin: "https://evil.test" } }));
  assert.deepEqual([status, code], [403, "cross-origin"]);
  const declared = { "content-length": String(UPLOAD_LIMITS.maxUploadBytes + 1) };
  assert.deepEqual(await refusal(await upload(world.admin, null, { headers: declared })), [
    413,
    "too-large",
    "Request body too large: the limit is 100 MiB.",
  ]);
  const notAnnotator = [400, "invalid-request", "The chosen annotator is not an annotator of this project."];
  assert.deepEqual(await refusal(await upload(world.admin, articlesZip(), { options: { target: { annotatorId: manager.id } } })), notAnnotator);
  assert.deepEqual(
    await refusal(await upload(world.admin, articlesZip(), { options: { target: { annotatorId: world.outsider.id } } })),
    notAnnotator,
  );
  const [badTarget, badCode, message] = await refusal(await upload(world.admin, articlesZip(), { options: { target: { annotatorId: "ann" } } }));
  assert.deepEqual([badTarget, badCode], [400, "invalid-request"]);
  assert.match(message, /target: must be gold or an annotator's id/);
});

test("refuses an upload the zip checks refuse, with their status and message, importing nothing", async () => {
  const before = await documentCount();
  const escaping = zipArchive([deflatedEntry("ok.txt", madeUpArticle(100)), deflatedEntry("../escape.txt", madeUpArticle(101))]);
  const [status, code, message] = await refusal(await upload(world.admin, escaping));
  assert.deepEqual([status, code], [400, "invalid-request"]);
  assert.match(message, /climbs out of the archive's folder/);
  const [typeStatus] = await refusal(await upload(world.admin, articlesZip(), { options: { name: "upload.rar" } }));
  assert.equal(typeStatus, 415);
  assert.equal(await documentCount(), before);
});
