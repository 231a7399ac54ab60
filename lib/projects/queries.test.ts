// The project pages' queries on a real database holding the CASIE sample
// (100 annotated documents) plus one raw article without a gold set.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { CurrentUser } from "@/lib/auth/access";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { importFiles } from "@/lib/import/import-files";
import { DOCUMENTS_PER_PAGE, type DocumentListQuery } from "./document-list-query";
import { findProject, listProjectDocuments, listProjects } from "./queries";

const SAMPLE = path.resolve(__dirname, "../../../shared/casie-sample");

const testDatabase = useTestDatabase();
let client: Database;
let work: string;
let sampleId: string;
let otherId: string;

const user = (role: CurrentUser["role"], id: string = randomUUID()): CurrentUser => ({ id, email: `${id}@example.org`, name: "", role });
const byName = (page = 1): DocumentListQuery => ({ sort: "name", order: "asc", page });

before(async () => {
  client = (await testDatabase.open()).client;
  work = await mkdtemp(path.join(tmpdir(), "hopper-projects-"));
  // A raw article under a name of its own (the sample's articles share their names with the annotations).
  await copyFile(path.join(SAMPLE, "source/2602.txt"), path.join(work, "90001.txt"));
  await importFiles([path.join(SAMPLE, "annotation"), path.join(work, "90001.txt")], { projectName: "Sample", client });
  await importFiles([path.join(SAMPLE, "annotation/2602.json")], { projectName: "Other", client });
  const projects = await client.project.findMany({ select: { id: true, name: true } });
  sampleId = projects.find((p) => p.name === "Sample")!.id;
  otherId = projects.find((p) => p.name === "Other")!.id;
});

after(() => rm(work, { recursive: true, force: true }));

test("admins and reviewers see every project, annotators their own, with document counts", async () => {
  const all = [
    { id: otherId, name: "Other", description: "", documentCount: 1 },
    { id: sampleId, name: "Sample", description: "", documentCount: 101 },
  ];
  assert.deepEqual(await listProjects(user("ADMIN"), client), all);
  assert.deepEqual(await listProjects(user("REVIEWER"), client), all);

  const annotator = await client.user.create({ data: { email: "annotator@example.org", passwordHash: "-", role: "ANNOTATOR" } });
  assert.deepEqual(await listProjects(user("ANNOTATOR", annotator.id), client), []);
  await client.projectMember.create({ data: { projectId: otherId, userId: annotator.id, role: "ANNOTATOR" } });
  assert.deepEqual(await listProjects(user("ANNOTATOR", annotator.id), client), [all[0]]);
});

test("findProject answers null for unknown and malformed ids", async () => {
  assert.equal((await findProject(sampleId, client))?.name, "Sample");
  assert.equal(await findProject(randomUUID(), client), null);
  assert.equal(await findProject("../etc", client), null);
});

test("each document comes with its gold-set counts and its number of import warnings", async () => {
  const { documents } = await listProjectDocuments(sampleId, byName(), client);
  const find = (name: string) => documents.find((d) => d.name === name);
  assert.deepEqual(
    { ...find("2602"), id: undefined },
    {
      id: undefined,
      name: "2602",
      title: "Hackers blackmail patients of cosmetic surgery clinic - Help Net Security",
      date: "2017_05_31",
      hasGold: true,
      hopperCount: 2,
      eventCount: 7,
      argumentCount: 25,
      warningCount: 0,
    },
  );
  assert.ok(find("10059")!.warningCount > 0, "10059's spans are shifted");
});

test("names sort by their number, pages hold DOCUMENTS_PER_PAGE documents", async () => {
  const first = await listProjectDocuments(sampleId, byName(), client);
  assert.equal(first.total, 101);
  assert.equal(first.pageCount, 2);
  assert.equal(first.documents.length, DOCUMENTS_PER_PAGE);
  const numbers = first.documents.map((d) => Number(d.name));
  assert.deepEqual(
    numbers,
    [...numbers].sort((a, b) => a - b),
  );

  const second = await listProjectDocuments(sampleId, byName(2), client);
  assert.deepEqual(
    second.documents.map((d) => [d.name, d.hasGold, d.eventCount]),
    [["90001", false, 0]],
  );
  assert.equal((await listProjectDocuments(sampleId, byName(50), client)).page, 2, "a page past the end shows the last one");

  const descending = await listProjectDocuments(sampleId, { sort: "name", order: "desc", page: 1 }, client);
  assert.equal(descending.documents[0].name, "90001");
});

test("documents sort by date, events and warnings", async () => {
  const sorted = async (sort: DocumentListQuery["sort"], order: DocumentListQuery["order"]) =>
    (await listProjectDocuments(sampleId, { sort, order, page: 1 }, client)).documents;

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
