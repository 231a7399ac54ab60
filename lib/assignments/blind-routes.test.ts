// Annotation is blind: every route handler under app/ that takes a set or a
// document id, asked by an annotator with another annotator's set id, the
// gold set's id, and guessed or malformed ids, answers as if there were no
// such set (404) or refuses (403), and never sends annotations. The list of
// route files is read from app/, so a new route without a case here fails.
// (Pages are tried the same way in e2e/blind.spec.ts.)

import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import * as setRoute from "@/app/api/annotation-sets/[setId]/route";
import * as setCasieRoute from "@/app/api/annotation-sets/[setId]/casie.json/route";
import * as commentsRoute from "@/app/api/annotation-sets/[setId]/comments/route";
import * as eventsRoute from "@/app/api/annotation-sets/[setId]/events/route";
import * as historyRoute from "@/app/api/annotation-sets/[setId]/history/route";
import * as presenceRoute from "@/app/api/annotation-sets/[setId]/presence/route";
import * as exportRoute from "@/app/api/projects/[projectId]/export/route";
import * as importsRoute from "@/app/api/projects/[projectId]/imports/route";
import * as tagsetRoute from "@/app/projects/[projectId]/tagset/tagset.json/route";
import * as agreementCsvRoute from "@/app/projects/[projectId]/agreement/agreement.csv/route";
import * as operationsRoute from "@/app/api/annotation-sets/[setId]/operations/route";
import * as reopenRoute from "@/app/api/annotation-sets/[setId]/reopen/route";
import * as submitRoute from "@/app/api/annotation-sets/[setId]/submit/route";
import * as casieRoute from "@/app/documents/[documentId]/casie.json/route";
import * as adjudicationRoute from "@/app/api/documents/[documentId]/adjudication/route";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import { ANNOTATE_BOTH, closeTestWorld, createTestWorld, sessionCookie, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { ORIGIN, testWindow } from "@/lib/annotation-sets/test-requests";
import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { findOrCreateProject } from "@/lib/projects/project-store";

type Params = { setId: string; documentId: string; projectId: string };
type Handler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;
/** A route file's exports: its handlers by method. */
type RouteModule = Record<string, Handler>;

/** Every route file under app/ that takes an id, with its module; routes without ids (sign-in, health) are listed apart. */
const SET_ROUTES: Record<string, RouteModule> = {
  "app/api/annotation-sets/[setId]/route.ts": setRoute,
  "app/api/annotation-sets/[setId]/events/route.ts": eventsRoute,
  "app/api/annotation-sets/[setId]/operations/route.ts": operationsRoute,
  "app/api/annotation-sets/[setId]/submit/route.ts": submitRoute,
  "app/api/annotation-sets/[setId]/reopen/route.ts": reopenRoute,
  "app/api/annotation-sets/[setId]/casie.json/route.ts": setCasieRoute,
  "app/api/annotation-sets/[setId]/history/route.ts": historyRoute,
  "app/api/annotation-sets/[setId]/comments/route.ts": commentsRoute,
  "app/api/annotation-sets/[setId]/presence/route.ts": presenceRoute,
};
/** Routes about a project: nobody outside it learns it exists (lib/import/import-route.test.ts tries the import's other refusals). */
const PROJECT_ROUTES: Record<string, RouteModule> = {
  "app/api/projects/[projectId]/imports/route.ts": importsRoute,
  "app/api/projects/[projectId]/export/route.ts": exportRoute,
  "app/projects/[projectId]/tagset/tagset.json/route.ts": tagsetRoute,
  "app/projects/[projectId]/agreement/agreement.csv/route.ts": agreementCsvRoute,
};
const DOCUMENT_ROUTES: Record<string, RouteModule> = { "app/documents/[documentId]/casie.json/route.ts": casieRoute };
/** Reviewers' routes about a document: to anyone else the document does not exist. */
const REVIEWER_DOCUMENT_ROUTES: Record<string, RouteModule> = { "app/api/documents/[documentId]/adjudication/route.ts": adjudicationRoute };
const WITHOUT_IDS = ["app/api/auth/[...nextauth]/route.ts", "app/api/health/route.ts"];

const GUESSED = ["00000000-0000-4000-8000-000000000000", "nope", "../../etc/passwd", "%00", '\'; DROP TABLE "User"; --', ""];

let world: TestWorld;
let annSet: string;
let bobSet: string;
let goldSet: string;

before(async () => {
  world = await createTestWorld();
  annSet = (await openAnnotatorSet(world.ann, world.goldDocumentId))!.setId;
  bobSet = (await openAnnotatorSet(world.bob, world.goldDocumentId))!.setId;
  const save = testWindow("blind-window");
  const [request, context] = await call(world.bob, "POST", "operations", bobSet, save(0, [ANNOTATE_BOTH]));
  assert.equal((await operationsRoute.POST(request, context)).status, 200);
  goldSet = (await db().annotationSet.findFirstOrThrow({ where: { documentId: world.goldDocumentId, kind: "GOLD" } })).id;
});
after(() => closeTestWorld(world));

async function call(user: CurrentUser, method: string, name: string, id: string, body?: unknown): Promise<[Request, { params: Promise<Params> }]> {
  const headers: Record<string, string> = { host: "hopper.test", origin: ORIGIN, cookie: await sessionCookie(user) };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`${ORIGIN}/${name}/${encodeURIComponent(id)}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return [request, { params: Promise.resolve({ setId: id, documentId: id, projectId: id }) }];
}

/** A plausible body for each method: the refusal must come before the body matters. */
const BODIES: Record<string, unknown> = { GET: undefined, POST: { version: 0, note: "a note", baseVersion: 0, clientId: "x", operations: [] } };

async function routeFiles(): Promise<string[]> {
  const entries = await readdir(path.resolve("app"), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "route.ts")
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)));
}

test("every route handler under app/ is tried here", async () => {
  assert.deepEqual(
    (await routeFiles()).sort(),
    [
      ...Object.keys(SET_ROUTES),
      ...Object.keys(DOCUMENT_ROUTES),
      ...Object.keys(REVIEWER_DOCUMENT_ROUTES),
      ...Object.keys(PROJECT_ROUTES),
      ...WITHOUT_IDS,
    ].sort(),
  );
});

test("an annotator asking any set route about another annotator's set, the gold set or a guessed id learns nothing", async () => {
  for (const [file, module] of Object.entries(SET_ROUTES)) {
    for (const [method, handler] of Object.entries(module)) {
      for (const setId of [bobSet, goldSet, ...GUESSED]) {
        const response = await handler(...(await call(world.ann, method, file, setId, BODIES[method])));
        const text = await response.text();
        assert.equal(response.status, 404, `${method} ${file} with ${setId}: ${text}`);
        assert.deepEqual(JSON.parse(text), { error: "No such annotation set.", code: "not-found" });
      }
      // The outsider (not a member) learns nothing about ann's own set either.
      assert.equal((await handler(...(await call(world.outsider, method, file, annSet, BODIES[method])))).status, 404, `${method} ${file}`);
    }
  }
  assert.equal((await db().annotationSet.findUniqueOrThrow({ where: { id: bobSet } })).status, "IN_PROGRESS", "nothing moved bob's set");
});

test("an annotator cannot download the gold set of a document, nor reach a document by a guessed id", async () => {
  for (const [file, module] of Object.entries(DOCUMENT_ROUTES)) {
    for (const [method, handler] of Object.entries(module)) {
      const own = await handler(...(await call(world.ann, method, file, world.goldDocumentId)));
      assert.equal(own.status, 403, `${method} ${file}`);
      assert.doesNotMatch(await own.text(), /cyberevent|hopper/);
      for (const documentId of GUESSED) assert.equal((await handler(...(await call(world.ann, method, file, documentId)))).status, 404);
      assert.equal((await handler(...(await call(world.outsider, method, file, world.goldDocumentId)))).status, 404);
      assert.equal((await handler(...(await call(world.reviewer, method, file, world.goldDocumentId)))).status, 200, "reviewers download it");
    }
  }
});

test("an annotator, an outsider or a guessed id learns nothing from a reviewer's document route; a reviewer is answered", async () => {
  const bodies: Record<string, unknown> = { GET: undefined, POST: { action: "reject", itemId: "span:0-1" } };
  for (const [file, module] of Object.entries(REVIEWER_DOCUMENT_ROUTES)) {
    for (const [method, handler] of Object.entries(module)) {
      const attempts: [CurrentUser, string][] = [
        [world.ann, world.goldDocumentId],
        [world.outsider, world.goldDocumentId],
        ...GUESSED.map((id): [CurrentUser, string] => [world.ann, id]),
      ];
      for (const [user, documentId] of attempts) {
        const response = await handler(...(await call(user, method, file, documentId, bodies[method])));
        const text = await response.text();
        assert.equal(response.status, 404, `${method} ${file} by ${user.name} with ${documentId}: ${text}`);
        assert.doesNotMatch(text, /hopper|versions/);
      }
      const signedOut = new Request(`${ORIGIN}/${file}`, { method, headers: { host: "hopper.test", origin: ORIGIN } });
      assert.equal(
        (await handler(signedOut, { params: Promise.resolve({ setId: "", projectId: "", documentId: world.goldDocumentId }) })).status,
        401,
      );
    }
    const [request, context] = await call(world.reviewer, "GET", file, world.goldDocumentId);
    assert.equal((await module.GET(request, context)).status, 200, "reviewers adjudicate");
  }
});

test("someone outside a project, or with a guessed id, learns nothing of it from its routes", async () => {
  for (const [file, module] of Object.entries(PROJECT_ROUTES)) {
    for (const [method, handler] of Object.entries(module)) {
      for (const [user, projectId] of [[world.outsider, world.projectId], ...GUESSED.map((id) => [world.ann, id] as const)] as const) {
        const response = await handler(...(await call(user, method, file, projectId, BODIES[method])));
        assert.equal(response.status, 404, `${method} ${file} by ${user.name} with ${projectId}: ${await response.text()}`);
      }
    }
  }
});

test("the dataset export: refused signed out, to annotators, to reviewers who do not manage the project, and for another project's id", async () => {
  const exportUrl = (projectId: string) => `${ORIGIN}/api/projects/${projectId}/export?sets=gold&status=unassigned,in-annotation,adjudicated`;
  const ask = async (user: CurrentUser | null, projectId = world.projectId) => {
    const headers: Record<string, string> = { host: "hopper.test" };
    if (user) headers.cookie = await sessionCookie(user);
    const response = await exportRoute.GET(new Request(exportUrl(projectId), { headers }), { params: Promise.resolve({ projectId }) });
    const text = await response.text();
    if (response.status !== 200) assert.doesNotMatch(text, /cyberevent|hopper/, "no annotations in a refusal");
    return response.status;
  };
  const other = await findOrCreateProject("Another");
  await db().projectMember.create({ data: { projectId: other.id, userId: world.bob.id, role: "MANAGER" } });
  await db().projectMember.create({ data: { projectId: world.projectId, userId: world.outsider.id, role: "REVIEWER" } });
  try {
    assert.equal(await ask(null), 401, "signed out");
    assert.equal(await ask(world.ann), 403, "an annotator of the project");
    assert.equal(await ask(world.reviewer), 403, "a reviewer (global role) who does not manage it");
    assert.equal(await ask(world.outsider), 403, "a reviewer of the project, not its manager");
    assert.equal(await ask(world.bob, other.id), 400, "bob manages the other project (and it has nothing to export)");
    assert.equal(await ask(world.ann, other.id), 404, "not a member of the other project: it does not exist");
    assert.equal(await ask(world.admin), 200, "admins export");
  } finally {
    await db().projectMember.deleteMany({ where: { OR: [{ projectId: other.id }, { projectId: world.projectId, userId: world.outsider.id }] } });
  }
});

test("the agreement CSV is refused to the signed out and to the project's annotators (it shows the other annotators' sets)", async () => {
  const file = "app/projects/[projectId]/agreement/agreement.csv/route.ts";
  const signedOut = await agreementCsvRoute.GET(new Request(`${ORIGIN}/projects/${world.projectId}/agreement/agreement.csv`), {
    params: Promise.resolve({ projectId: world.projectId }),
  });
  assert.equal(signedOut.status, 401);
  assert.deepEqual(await signedOut.json(), { error: "Sign in to continue.", code: "signed-out" });
  const annotator = await agreementCsvRoute.GET(...(await call(world.ann, "GET", file, world.projectId)));
  assert.equal(annotator.status, 403);
  const text = await annotator.text();
  assert.doesNotMatch(text, /bob|nuggets/);
  assert.equal(JSON.parse(text).code, "forbidden");
  assert.equal((await agreementCsvRoute.GET(...(await call(world.reviewer, "GET", file, world.projectId)))).status, 200, "reviewers download it");
});
