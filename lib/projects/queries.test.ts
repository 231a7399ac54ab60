// The project pages' queries on a real database holding 101 documents: the
// project's six CASIE fixtures, 94 numbered copies of them and one raw article
// without a gold set.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { CurrentUser } from "@/lib/auth/access";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { importFiles } from "@/lib/import/import-files";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES, FIXTURE, fixtureArticlePath, fixturePath } from "@/lib/testing/casie-fixtures";
import { DOCUMENTS_PER_PAGE, type DocumentListQuery } from "./document-list-query";
import { findProject, listProjectDocuments, listProjects } from "./queries";

const testDatabase = useTestDatabase();
let client: Database;
let work: string;
let projectId: string;
let otherId: string;

const user = (role: CurrentUser["role"], id: string = randomUUID()): CurrentUser => ({ id, email: `${id}@example.org`, name: "", role });
const byName = (page = 1): DocumentListQuery => ({ sort: "name", order: "asc", page });

/** Numbered copies of the fixtures, in turn, each with its own sourcefile. */
const COPIES = 94;

before(async () => {
  client = (await testDatabase.open()).client;
  work = await mkdtemp(path.join(tmpdir(), "hopper-projects-"));
  const copies = path.join(work, "copies");
  await mkdir(copies);
  const fixtures = readAnnotationFiles(CASIE_FIXTURES);
  for (let n = 1; n <= COPIES; n++) {
    const { text } = fixtures[(n - 1) % fixtures.length];
    await writeFile(path.join(copies, `${n}.json`), text.replace(/"sourcefile": "[^"]*"/, `"sourcefile": "${n}.txt"`));
  }
  // A raw article under a name of its own (the fixtures' articles share their names with the annotations).
  await copyFile(fixtureArticlePath(FIXTURE.clinicBreach), path.join(work, "90001.txt"));
  await importFiles([CASIE_FIXTURES.annotationDir, copies, path.join(work, "90001.txt")], { projectName: "Fixtures", client });
  await importFiles([fixturePath(FIXTURE.clinicBreach)], { projectName: "Other", client });
  const projects = await client.project.findMany({ select: { id: true, name: true } });
  projectId = projects.find((p) => p.name === "Fixtures")!.id;
  otherId = projects.find((p) => p.name === "Other")!.id;
});

after(() => rm(work, { recursive: true, force: true }));

test("admins and reviewers see every project, annotators their own, with document counts", async () => {
  const all = [
    { id: projectId, name: "Fixtures", description: "", documentCount: 101, archivedAt: null },
    { id: otherId, name: "Other", description: "", documentCount: 1, archivedAt: null },
  ];
  assert.deepEqual(await listProjects(user("ADMIN"), client), all);
  assert.deepEqual(await listProjects(user("REVIEWER"), client), all);

  const annotator = await client.user.create({ data: { email: "annotator@example.org", passwordHash: "-", role: "ANNOTATOR" } });
  assert.deepEqual(await listProjects(user("ANNOTATOR", annotator.id), client), []);
  await client.projectMember.create({ data: { projectId: otherId, userId: annotator.id, role: "ANNOTATOR" } });
  assert.deepEqual(await listProjects(user("ANNOTATOR", annotator.id), client), [all[1]]);
});

test("findProject answers null for unknown and malformed ids", async () => {
  assert.equal((await findProject(projectId, client))?.name, "Fixtures");
  assert.equal(await findProject(randomUUID(), client), null);
  assert.equal(await findProject("../etc", client), null);
});

test("each document comes with its gold-set counts and its number of import warnings", async () => {
  const { documents } = await listProjectDocuments(projectId, byName(), client);
  const find = (name: string) => documents.find((d) => d.name === name);
  assert.deepEqual(
    { ...find("clinic-breach"), id: undefined },
    {
      id: undefined,
      name: "clinic-breach",
      title: "Dental clinic in Zürich loses patient records to extortionists - Example Security News",
      date: "2019_03_14",
      hasGold: true,
      hopperCount: 4,
      eventCount: 6,
      argumentCount: 14,
      warningCount: 0,
      status: "unassigned",
      tagsetProblems: 0,
    },
  );
  assert.equal(find("ferry-ransom-shifted")!.warningCount, 11, "all its spans are shifted");
  assert.deepEqual([find("90001")!.hasGold, find("90001")!.eventCount], [false, 0]);
});

test("names sort by their number, then names without one; pages hold DOCUMENTS_PER_PAGE documents", async () => {
  const first = await listProjectDocuments(projectId, byName(), client);
  assert.equal(first.total, 101);
  assert.equal(first.pageCount, 2);
  assert.equal(first.documents.length, DOCUMENTS_PER_PAGE);
  const names = first.documents.map((d) => d.name);
  assert.deepEqual(names, [
    ...Array.from({ length: COPIES }, (_, i) => String(i + 1)),
    "90001",
    "clinic-breach",
    "ferry-ransom-shifted",
    "library-phishing-pretty",
    "parking-ransom-past-end",
    "router-flaw-general",
  ]);

  const second = await listProjectDocuments(projectId, byName(2), client);
  assert.deepEqual(
    second.documents.map((d) => [d.name, d.hasGold, d.eventCount]),
    [["water-utility-key-order", true, 2]],
  );
  assert.equal((await listProjectDocuments(projectId, byName(50), client)).page, 2, "a page past the end shows the last one");

  const descending = await listProjectDocuments(projectId, { sort: "name", order: "desc", page: 1 }, client);
  assert.deepEqual(
    descending.documents.slice(0, 3).map((d) => d.name),
    ["90001", "94", "93"],
  );
});

test("documents sort by date, events and warnings", async () => {
  const sorted = async (sort: DocumentListQuery["sort"], order: DocumentListQuery["order"]) =>
    (await listProjectDocuments(projectId, { sort, order, page: 1 }, client)).documents;

  const dates = (await sorted("date", "asc")).map((d) => d.date);
  assert.deepEqual(dates, [...dates].sort());
  const events = (await sorted("events", "desc")).map((d) => d.eventCount);
  assert.deepEqual(
    events,
    [...events].sort((a, b) => b - a),
  );
  const warnings = await sorted("warnings", "desc");
  assert.ok(warnings[0].warningCount >= warnings[1].warningCount && warnings[0].warningCount > 0);
});

test("a malformed project id lists nothing", async () => {
  assert.deepEqual(await listProjectDocuments("nope", byName(), client), { documents: [], total: 0, page: 1, pageCount: 1 });
});
