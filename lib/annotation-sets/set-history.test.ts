// A set's history: its changes in words, its state at any version, and who
// may read them (annotation stays blind).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET as casieJson } from "@/app/api/annotation-sets/[setId]/casie.json/route";
import { GET as history } from "@/app/api/annotation-sets/[setId]/history/route";
import { parseCasieDocument } from "@/lib/casie";
import { db } from "@/lib/db/client";
import { openAnnotatorSet } from "./open-annotator-set";
import { readSetAtVersion, readSetHistory } from "./set-history";
import { ANNOTATE_BOTH, closeTestWorld, createTestWorld, saveAs, setRealis, type TestWorld } from "./test-fixtures";
import { answer, getRequest } from "./test-requests";

let world: TestWorld;
let annSet: string;
let goldSet: string;

before(async () => {
  world = await createTestWorld();
  annSet = (await openAnnotatorSet(world.ann, world.documentId))!.setId;
  await saveAs(annSet, 0, [ANNOTATE_BOTH], { userId: world.ann.id, clientId: "history-window" });
  await saveAs(annSet, 1, [setRealis("E1", "Actual", "Generic")], { userId: world.ann.id, clientId: "history-window" });
  await saveAs(annSet, 2, [setRealis("E2", "Actual", "Other")], { userId: world.admin.id, clientId: "admin-window" });
  goldSet = (await db().annotationSet.findFirstOrThrow({ where: { documentId: world.goldDocumentId, kind: "GOLD" } })).id;
});
after(() => closeTestWorld(world));

const realisOf = (document: { hoppers: { events: { index: string; realis: string }[] }[] }) =>
  Object.fromEntries(document.hoppers.flatMap((hopper) => hopper.events.map((event) => [event.index, event.realis])));

test("the history lists every change newest first, with who made it and what it did in words", async () => {
  const { entries, olderBefore } = await readSetHistory(annSet);
  assert.deepEqual(
    entries.map(({ version, author, description }) => ({ version, author, description })),
    [
      { version: 3, author: "admin", description: "Set E2's realis to Other" },
      { version: 2, author: "ann", description: "Set E1's realis to Generic" },
      { version: 1, author: "ann", description: "annotate" },
    ],
  );
  assert.ok(entries.every((entry) => entry.at instanceof Date));
  assert.equal(olderBefore, null);
});

test("the history pages from newest to oldest", async () => {
  const first = await readSetHistory(annSet, { limit: 2 });
  assert.deepEqual(
    first.entries.map((entry) => entry.version),
    [3, 2],
  );
  assert.equal(first.olderBefore, 2);
  const second = await readSetHistory(annSet, { before: first.olderBefore, limit: 2 });
  assert.deepEqual(
    second.entries.map((entry) => entry.version),
    [1],
  );
  assert.equal(second.olderBefore, null);
});

test("the set at an earlier version is rebuilt from the log; a version it never had is none", async () => {
  assert.deepEqual(realisOf((await readSetAtVersion(annSet, 3))!.document), { E1: "Generic", E2: "Other" });
  assert.deepEqual(realisOf((await readSetAtVersion(annSet, 2))!.document), { E1: "Generic", E2: "Actual" });
  assert.deepEqual(realisOf((await readSetAtVersion(annSet, 1))!.document), { E1: "Actual", E2: "Actual" });
  assert.deepEqual((await readSetAtVersion(annSet, 0))!.document.hoppers, []);
  assert.equal(await readSetAtVersion(annSet, 4), null);
  assert.equal(await readSetAtVersion(annSet, -1), null);
  assert.equal(await readSetAtVersion("not-a-set", 0), null);
  // An imported gold set has no logged changes: version 0 is the import.
  assert.deepEqual(realisOf((await readSetAtVersion(goldSet, 0))!.document), { E1: "Actual", E2: "Actual" });
});

test("the CASIE download of an earlier version is that version's file", async () => {
  const response = await casieJson(...(await getRequest(world.ann, annSet, "/casie.json?version=2")));
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-disposition") ?? "", /^attachment; filename="doc\d+-v2\.json"$/);
  const parsed = parseCasieDocument(await response.text());
  assert.ok(parsed.document, JSON.stringify(parsed.issues));
  assert.deepEqual(realisOf(parsed.document), { E1: "Generic", E2: "Actual" });
  const current = parseCasieDocument(await (await casieJson(...(await getRequest(world.ann, annSet, "/casie.json")))).text());
  assert.ok(current.document);
  assert.deepEqual(realisOf(current.document), { E1: "Generic", E2: "Other" });
});

test("history and downloads are the set's viewers' only: its annotator, reviewers and admins", async () => {
  for (const user of [world.ann, world.reviewer, world.admin]) {
    assert.equal((await history(...(await getRequest(user, annSet, "/history")))).status, 200, user.name);
    assert.equal((await casieJson(...(await getRequest(user, annSet, "/casie.json?version=1")))).status, 200, user.name);
  }
  // Another annotator of the project, someone outside it, a gold set for an annotator, guessed ids: no such set.
  for (const [user, setId] of [
    [world.bob, annSet],
    [world.outsider, annSet],
    [world.ann, goldSet],
    [world.ann, "00000000-0000-4000-8000-000000000000"],
    [world.ann, "../../etc"],
  ] as const) {
    assert.deepEqual((await answer(await history(...(await getRequest(user, setId, "/history")))))[0], 404);
    assert.deepEqual((await answer(await casieJson(...(await getRequest(user, setId, "/casie.json?version=0")))))[0], 404);
  }
  assert.equal((await history(...(await getRequest(null, annSet, "/history")))).status, 401);
  assert.equal((await casieJson(...(await getRequest(null, annSet, "/casie.json")))).status, 401);
});

test("malformed or absent versions are refused clearly", async () => {
  for (const query of ["?version=-1", "?version=1e3", "?version=abc", "?version=99999999999", "?version="]) {
    const [status, body] = await answer(await casieJson(...(await getRequest(world.ann, annSet, `/casie.json${query}`))));
    assert.equal(status, 400, query);
    assert.equal(body.code, "invalid-request");
  }
  const [status, body] = await answer(await casieJson(...(await getRequest(world.ann, annSet, "/casie.json?version=40"))));
  assert.equal(status, 404);
  assert.match(String(body.error), /no version 40/);
  assert.equal((await history(...(await getRequest(world.ann, annSet, "/history?before=x")))).status, 400);
  const page = (await answer(await history(...(await getRequest(world.ann, annSet, "/history?before=3")))))[1] as { entries: { version: number }[] };
  assert.deepEqual(
    page.entries.map((entry) => entry.version),
    [2, 1],
  );
});
