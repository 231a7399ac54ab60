// The agreement CSV download (app/projects/[projectId]/agreement/agreement.csv):
// the CLI's CSV, by project id, for who reviews the project, with the status
// filter validated. Its refusals to outsiders, annotators and the signed out are
// tried in lib/assignments/blind-routes.test.ts with every other route's.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET } from "@/app/projects/[projectId]/agreement/agreement.csv/route";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { openAnnotatorSet } from "@/lib/annotation-sets/open-annotator-set";
import { closeTestWorld, CONTENT, createTestWorld, E1, E2, sessionCookie, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { ORIGIN } from "@/lib/annotation-sets/test-requests";
import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/users";
import { agreementAccess } from "./agreement-access";
import { agreementReport } from "./agreement-report";
import { agreementCsv } from "./format-agreement";
import { loadProjectAgreement } from "./load-project-agreement";
import { loadAgreementReport } from "./project-agreement-report";

let world: TestWorld;
let manager: CurrentUser;
/** An annotator by account whom the project made one of its reviewers. */
let projectReviewer: CurrentUser;

before(async () => {
  world = await createTestWorld();
  const member = async (name: string, role: "MANAGER" | "REVIEWER"): Promise<CurrentUser> => {
    const { id, email } = await createUser({ email: `${name}@example.org`, name, password: "a long password", role: "ANNOTATOR" });
    await db().projectMember.create({ data: { projectId: world.projectId, userId: id, role } });
    return { id, email, name, role: "ANNOTATOR" };
  };
  [manager, projectReviewer] = await Promise.all([member("manager", "MANAGER"), member("project-reviewer", "REVIEWER")]);
  // On the document with a gold set (E1 and E2 in one hopper): ann as the gold, bob with "paid" Other in a hopper of its own.
  const annotate = async (user: CurrentUser, hoppers: { index: number; events: (typeof E1)[] }[]) => {
    const { setId } = (await openAnnotatorSet(user, world.goldDocumentId))!;
    await importIntoEmptySet(setId, { content: CONTENT, sourcefile: "x.txt", hoppers }, user.id);
  };
  await annotate(world.ann, [{ index: 0, events: [E1, E2] }]);
  await annotate(world.bob, [
    { index: 0, events: [E1] },
    { index: 1, events: [{ ...E2, realis: "Other" }] },
  ]);
});
after(() => closeTestWorld(world));

async function download(user: CurrentUser, query = "", projectId = world.projectId): Promise<Response> {
  const request = new Request(`${ORIGIN}/projects/${projectId}/agreement/agreement.csv${query}`, { headers: { cookie: await sessionCookie(user) } });
  return GET(request, { params: Promise.resolve({ projectId }) });
}

const csvLines = async (response: Response) => (await response.text()).trimEnd().split("\n");

test("who reviews the project downloads the CSV `hopper agreement --csv` writes", async () => {
  const expected = agreementCsv(agreementReport("Cyber", await loadProjectAgreement({ name: "Cyber" }, { client: db() })));
  assert.ok(expected.includes("pair,,ann@example.org,bob@example.org,,nuggets.exact.f1,1\n"));
  for (const user of [world.admin, world.reviewer, manager, projectReviewer]) {
    const response = await download(user);
    assert.equal(response.status, 200, user.name);
    assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.equal(response.headers.get("content-disposition"), 'attachment; filename="Cyber-agreement.csv"');
    assert.equal(response.headers.get("cache-control"), "private, no-store");
    assert.equal(await response.text(), expected, user.name);
  }
});

test("the status filter and the gold set, as the CLI's --status and --with-gold", async () => {
  // Nothing is submitted: no pair to compare.
  const submitted = await csvLines(await download(world.reviewer, "?status=SUBMITTED"));
  assert.ok(!submitted.some((line) => line.startsWith("pair,")));
  assert.ok(submitted.includes("project,,,,,nuggets.exact.f1,n/a"), "0/0 over no pair is n/a");
  const withGold = await csvLines(await download(world.reviewer, "?status=in_progress,imported&gold=1"));
  assert.ok(withGold.includes("pair,,ann@example.org,gold,,nuggets.exact.f1,1"));
  assert.ok(withGold.includes("pair,,bob@example.org,gold,,decisions.realis.observed,0.5"));
  for (const query of ["?status=DONE", "?gold=yes", "?status=NEW&status=NEW&status=NEW&status=NEW&status=NEW&status=NEW"]) {
    const response = await download(world.reviewer, query);
    assert.equal(response.status, 400, query);
    const body = (await response.json()) as { code: string; error: string };
    assert.equal(body.code, "invalid-request", query);
  }
});

test("the app's report by project id is the CLI's by name", async () => {
  const byName = agreementReport("Cyber", await loadProjectAgreement({ name: "Cyber" }, { client: db(), statuses: ["IN_PROGRESS"], withGold: true }));
  const byId = await loadAgreementReport({ id: world.projectId, name: "Cyber" }, { statuses: ["IN_PROGRESS"], withGold: true });
  assert.deepEqual(byId, byName);
  await assert.rejects(loadProjectAgreement({ id: "00000000-0000-4000-8000-000000000000" }, { client: db() }), /no project with id/);
});

test("an archived project's agreement is still for its reviewers, with its managers' links", async () => {
  await db().project.update({ where: { id: world.projectId }, data: { archivedAt: new Date() } });
  try {
    assert.equal((await download(world.reviewer)).status, 200);
    const access = await agreementAccess(manager, world.projectId);
    assert.ok(access.allowed && access.project.archived && access.manages);
    const reviewerAccess = await agreementAccess(projectReviewer, world.projectId);
    assert.ok(reviewerAccess.allowed && !reviewerAccess.manages);
    assert.deepEqual(await agreementAccess(world.ann, world.projectId), { allowed: false, reason: "forbidden" });
  } finally {
    await db().project.update({ where: { id: world.projectId }, data: { archivedAt: null } });
  }
});
