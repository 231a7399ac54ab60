// The bulk repair of a project's shifted spans, on the project's own fixtures
// (ferry-ransom-shifted: 11 spans shifted by +1; parking-ransom-past-end: 10, the
// last past the end of the text): who may make it, each repair a logged,
// invertible operation that keeps a reviewer's concurrent edits, the export with
// the corrected offsets, and `hopper repair [--dry-run]`.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { repairSpanOperation } from "@/lib/annotation/editor-commands";
import { invertOperation } from "@/lib/annotation/operation-kinds";
import { shiftRepairs } from "@/lib/annotation/shift-repairs";
import { parseCasieDocument, type CasieDocument } from "@/lib/casie";
import { db } from "@/lib/db/client";
import { exportProject } from "@/lib/export/export-project";
import { importFiles } from "@/lib/import/import-files";
import { CASIE_FIXTURES, FIXTURE, readFixture } from "@/lib/testing/casie-fixtures";
import { findShiftRepairs, repairShiftedSpansAs, shiftRepairsFor } from "./repair-shifted-spans";
import { loadAnnotationSet } from "./set-state";
import { closeTestWorld, createTestWorld, saveAs, setRealis, type TestWorld } from "./test-fixtures";

const root = path.resolve(__dirname, "../..");
let world: TestWorld;
let work: string;

before(async () => {
  world = await createTestWorld();
  work = await mkdtemp(path.join(tmpdir(), "hopper-repair-"));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
  await closeTestWorld(world);
});

const SHIFTED = "ferry-ransom-shifted";
const PAST_END = "parking-ransom-past-end";

function fixture(file: string): CasieDocument {
  const { document } = parseCasieDocument(readFixture(file as typeof FIXTURE.shifted));
  assert.ok(document, file);
  return document;
}

async function importProject(name: string): Promise<string> {
  await importFiles([CASIE_FIXTURES.annotationDir], { projectName: name, client: db() });
  const { rows } = await db().pool.query<{ id: string }>('SELECT "id" FROM "Project" WHERE "name" = $1', [name]);
  return rows[0].id;
}

async function goldSetOf(projectId: string, documentName: string): Promise<string> {
  const { rows } = await db().pool.query<{ id: string }>(
    `SELECT s."id" FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId" WHERE d."projectId" = $1 AND d."name" = $2 AND s."kind" = 'GOLD'`,
    [projectId, documentName],
  );
  return rows[0].id;
}

/** Every span of an exported file sits on its text; its offsets are the fixture's less one. */
function assertRepairedExport(exported: string, original: CasieDocument): void {
  const { document } = parseCasieDocument(exported);
  assert.ok(document);
  const spans = (doc: CasieDocument) => doc.hoppers.flatMap((h) => h.events.flatMap((e) => [e.nugget, ...e.arguments]));
  const before = spans(original);
  const after = spans(document);
  assert.equal(after.length, before.length);
  after.forEach((span, i) => {
    assert.deepEqual([span.index, span.startOffset, span.endOffset], [before[i].index, before[i].startOffset - 1, before[i].endOffset - 1]);
    assert.equal(document.content.slice(span.startOffset, span.endOffset), span.text, span.index);
  });
}

test("who may repair: reviewers, managers and admins of the project; not annotators, outsiders, nor in an archived project", async () => {
  const projectId = await importProject("Repair access");
  await db().projectMember.create({ data: { projectId, userId: world.ann.id, role: "ANNOTATOR" } });
  const refusal = async (user: TestWorld["ann"] | null) => {
    const listed = await shiftRepairsFor(user, projectId);
    const repaired = await repairShiftedSpansAs(user, projectId);
    assert.deepEqual(listed, repaired);
    return listed.ok ? "allowed" : listed.code;
  };
  assert.equal(await refusal(null), "signed-out");
  assert.equal(await refusal(world.outsider), "not-found");
  assert.equal(await refusal(world.ann), "forbidden");
  await db().project.update({ where: { id: projectId }, data: { archivedAt: new Date() } });
  assert.equal(await refusal(world.reviewer), "archived");
  assert.equal(await refusal(world.admin), "archived");
  const { rows } = await db().pool.query<{ versions: number }>(
    `SELECT sum(s."version")::int AS "versions" FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId" WHERE d."projectId" = $1`,
    [projectId],
  );
  assert.equal(rows[0].versions, 0, "nothing was changed");
  await db().project.update({ where: { id: projectId }, data: { archivedAt: null } });
  const listed = await shiftRepairsFor(world.reviewer, projectId);
  assert.ok(listed.ok);
  assert.deepEqual(
    listed.documents.map((document) => [document.documentName, document.repairs.length]),
    [
      [SHIFTED, 11],
      [PAST_END, 10],
    ].sort(),
  );
});

test("a reviewer repairs one span with the checks' repair and the rest in bulk, beside another reviewer's edit; the export has the corrected offsets", async () => {
  const projectId = await importProject("Repair");
  const setId = await goldSetOf(projectId, SHIFTED);
  const imported = (await loadAnnotationSet(setId))!;
  // One click in the editor: the checks' repair of T1, then another reviewer's edit, both saved as any window's.
  const oneClick = repairSpanOperation(imported.document, "T1")!;
  assert.equal((await saveAs(setId, 0, [oneClick], { userId: world.reviewer.id, clientId: "reviewer-one" })).status, "saved");
  const event = imported.document.hoppers[0].events[0];
  const otherEdit = setRealis(event.index, event.realis, event.realis === "Other" ? "Actual" : "Other");
  assert.equal((await saveAs(setId, 1, [otherEdit], { userId: world.admin.id, clientId: "admin-window" })).status, "saved");

  const result = await repairShiftedSpansAs(world.reviewer, projectId);
  assert.ok(result.ok);
  assert.deepEqual(
    result.documents.map(({ documentName, repaired, refused }) => [documentName, repaired.length, refused.length]),
    [
      [SHIFTED, 10, 0],
      [PAST_END, 10, 0],
    ].sort(),
  );
  const repaired = (await loadAnnotationSet(setId))!;
  assert.equal(repaired.version, 12, "T1's repair, the other edit, and one operation per repaired span");
  assert.equal(repaired.status, "IMPORTED", "the gold keeps its status");
  assert.deepEqual(shiftRepairs(repaired.document), []);
  assert.equal(repaired.document.hoppers[0].events[0].realis, otherEdit.kind === "setEventAttributes" ? otherEdit.to.realis : "");
  const logged = await db().annotationOperation.findMany({ where: { setId, version: { gt: 2 } }, orderBy: { version: "asc" } });
  assert.equal(logged.length, 10);
  for (const entry of logged) {
    assert.equal(entry.userId, world.reviewer.id);
    assert.equal((entry.operation as { kind: string }).kind, "setSpanBounds");
  }
  assert.deepEqual(await findShiftRepairs(projectId, db()), []);

  const out = path.join(work, "export");
  await exportProject("Repair", out, { client: db() });
  assertRepairedExport(await readFile(path.join(out, `${SHIFTED}.json`), "utf8"), fixture(FIXTURE.shifted));
  assertRepairedExport(await readFile(path.join(out, `${PAST_END}.json`), "utf8"), fixture(FIXTURE.shiftedPastEnd));
  const untouched = await readFile(path.join(out, "clinic-breach.json"), "utf8");
  assert.equal(untouched, readFixture(FIXTURE.clinicBreach), "a document without shifts exports as imported");

  // Each repair is an ordinary operation: its inverse, saved, puts the span back where it was.
  const last = logged.at(-1)!;
  const undo = invertOperation(last.operation as Parameters<typeof invertOperation>[0]);
  assert.equal((await saveAs(setId, 12, [undo], { userId: world.reviewer.id, clientId: "reviewer-one" })).status, "saved");
  assert.equal(shiftRepairs((await loadAnnotationSet(setId))!.document).length, 1);
});

test("`hopper repair --dry-run` lists every repair and changes nothing; `hopper repair` makes them; the export has the corrected offsets", async () => {
  const projectId = await importProject("Repair CLI");
  const hopper = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, "scripts/hopper-launcher.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: world.database.url },
      encoding: "utf8",
    });
  const content = fixture(FIXTURE.shiftedPastEnd).content;
  const dry = hopper("repair", "--project", "Repair CLI", "--dry-run");
  assert.equal(dry.status, 0, dry.stderr);
  const lines = dry.stdout.trim().split("\n");
  assert.equal(lines.length, 22);
  assert.ok(lines.includes(`${PAST_END}: T8 "the criminals" 247-${content.length + 1} → 246-${content.length}`), dry.stdout);
  assert.equal(lines.filter((line) => line.startsWith(`${SHIFTED}: T`)).length, 11);
  assert.equal(lines.at(-1), "Would repair 21 shifted spans in 2 documents (dry run: nothing changed)");
  assert.equal((await loadAnnotationSet(await goldSetOf(projectId, SHIFTED)))!.version, 0);

  const run = hopper("repair", "--project", "Repair CLI");
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /Repaired 21 shifted spans in 2 documents\n$/);
  const logged = await db().annotationOperation.findMany({ where: { setId: await goldSetOf(projectId, PAST_END) } });
  assert.equal(logged.length, 10);
  assert.ok(logged.every((entry) => entry.userId === null && entry.clientId?.startsWith("repair-")));

  const again = hopper("repair", "--project", "Repair CLI", "--dry-run");
  assert.match(again.stdout, /^Would repair 0 shifted spans in 0 documents/);
  const out = path.join(work, "cli-export");
  const exported = hopper("export", "--project", "Repair CLI", "--out", out);
  assert.equal(exported.status, 0, exported.stderr);
  assertRepairedExport(await readFile(path.join(out, `${PAST_END}.json`), "utf8"), fixture(FIXTURE.shiftedPastEnd));
  assert.equal(hopper("repair", "--project", "No such project").status, 1);
  assert.equal(hopper("repair").status, 2);
});
