// Browser uploads through a real database: zips made here (json, txt, nested
// folders), each limit refused with its message and nothing written, and the
// annotations of CASIE files going to the gold set or to an annotator's set.

import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { loadAnnotationSet } from "@/lib/annotation-sets/set-state";
import { parseCasieDocument } from "@/lib/casie";
import { findOrCreateProject, type ProjectRecord } from "@/lib/projects/project-store";
import { FIXTURE, readFixture } from "@/lib/testing/casie-fixtures";
import { deflatedEntry, madeUpArticle, storedEntry, writeUploadFile } from "@/lib/testing/test-zips";
import { createUser } from "@/lib/users";
import { formatImportReport } from "./format-report";
import type { AnnotationTarget } from "./import-files";
import { receiveUpload } from "./receive-upload";
import { importUpload, REPLACE_HINT } from "./upload-import";
import { UPLOAD_LIMITS, UploadRefusal, type UploadLimits } from "./upload-limits";
import type { ZipEntryInput } from "./zip-writer";

const testDatabase = useTestDatabase();
let client: Database;

before(async () => {
  client = (await testDatabase.open()).client;
});

let projects = 0;
async function newProject(): Promise<ProjectRecord> {
  return findOrCreateProject(`Uploads ${++projects}`, client);
}

async function upload(
  project: ProjectRecord,
  entries: readonly ZipEntryInput[] | Uint8Array,
  options: { name?: string; limits?: Partial<UploadLimits>; target?: AnnotationTarget; replace?: boolean } = {},
) {
  const { file, bytes } = await writeUploadFile(entries);
  try {
    return await importUpload(
      { file, name: options.name ?? "upload.zip", bytes },
      {
        project,
        target: options.target ?? { kind: "gold" },
        replace: options.replace ?? false,
        client,
        limits: { ...UPLOAD_LIMITS, ...options.limits },
      },
    );
  } finally {
    await rm(path.dirname(file), { recursive: true, force: true });
  }
}

/** What a project holds, row by row: a refused upload leaves it as it was. */
async function rowCounts(projectId: string) {
  const documents = { document: { projectId } };
  return {
    documents: await client.document.count({ where: { projectId } }),
    sets: await client.annotationSet.count({ where: documents }),
    events: await client.event.count({ where: { set: documents } }),
    assignments: await client.assignment.count({ where: documents }),
  };
}

async function refusedWith(promise: Promise<unknown>, status: number, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof UploadRefusal, `expected an UploadRefusal, got ${(error as Error).stack}`);
    assert.equal(error.status, status);
    assert.match(error.message, message);
    return true;
  });
}

const clinic = readFixture(FIXTURE.clinicBreach);
const clinicEvents = parseCasieDocument(clinic).document!.hoppers.flatMap((h) => h.events).length;

describe("a zip of CASIE files and raw articles in nested folders", () => {
  test("imports every article and reports what it skipped, as the CLI does", async () => {
    const project = await newProject();
    const report = await upload(project, [
      deflatedEntry("corpus/annotation/clinic-breach.json", clinic),
      { name: "corpus/", data: new Uint8Array() },
      storedEntry("corpus/source/deep/er/article-2.txt", madeUpArticle(2)),
      deflatedEntry("corpus/source/article-10.txt", madeUpArticle(10)),
      deflatedEntry("corpus/README.md", "# notes"),
      deflatedEntry("__MACOSX/corpus/._article-2.txt", "\u0000\u0005\u0016\u0007"),
      deflatedEntry("corpus/broken.json", '{"content": "x"'),
    ]);
    assert.deepEqual(
      report.imported.map((d) => [d.file, d.events]),
      [
        ["corpus/annotation/clinic-breach.json", clinicEvents],
        ["corpus/source/article-10.txt", 0],
        ["corpus/source/deep/er/article-2.txt", 0],
      ],
    );
    assert.deepEqual(
      report.skipped.map((s) => [s.file, s.reason.replace(/ \(.*/, "")]),
      [
        ["__MACOSX/corpus/._article-2.txt", "macOS metadata, not an article"],
        ["corpus/broken.json", "invalid CASIE document"],
        ["corpus/README.md", "not a .json"],
      ],
    );
    const text = formatImportReport(report);
    assert.match(text, new RegExp(`Imported 3 documents: 1 hopper|Imported 3 documents: \\d+ hoppers, ${clinicEvents} events`));
    assert.match(text, /corpus\/README\.md: not a \.json \(CASIE\) or \.txt \(raw article\) file/);
    assert.deepEqual(await rowCounts(project.id), { documents: 3, sets: 1, events: clinicEvents, assignments: 0 });
    const gold = await client.annotationSet.findFirstOrThrow({ where: { document: { projectId: project.id } } });
    assert.equal(gold.kind, "GOLD");
    assert.equal(gold.importedText, clinic, "a file that round-trips is kept for exports, as the CLI keeps it");
  });

  test("a single .json or .txt file is an upload too", async () => {
    const project = await newProject();
    const json = await upload(project, new TextEncoder().encode(clinic), { name: "clinic-breach.json" });
    const txt = await upload(project, new TextEncoder().encode(madeUpArticle(1)), { name: "one.txt" });
    assert.deepEqual(
      [...json.imported, ...txt.imported].map((d) => d.file),
      ["clinic-breach.json", "one.txt"],
    );
    await refusedWith(
      upload(project, new TextEncoder().encode("x"), { name: "notes.docx" }),
      415,
      /upload a \.zip archive, a CASIE \.json file or a raw \.txt article/,
    );
  });

  test("a file that is not UTF-8 is skipped with the reason; the others go in", async () => {
    const project = await newProject();
    const latin1 = Uint8Array.from([...madeUpArticle(3)].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a]));
    const report = await upload(project, [deflatedEntry("latin1.txt", latin1), deflatedEntry("fine.txt", madeUpArticle(4))]);
    assert.deepEqual(
      report.skipped.map((s) => [s.file, s.reason]),
      [["latin1.txt", "not valid UTF-8 text"]],
    );
    assert.deepEqual(
      report.imported.map((d) => d.file),
      ["fine.txt"],
    );
    assert.equal((await rowCounts(project.id)).documents, 1);
  });

  test("re-importing is refused as already in the project, or replaces the documents when asked", async () => {
    const project = await newProject();
    const entries = [deflatedEntry("clinic-breach.json", clinic), deflatedEntry("a.txt", madeUpArticle(5))];
    const first = await upload(project, entries);
    const again = await upload(project, entries);
    assert.equal(again.imported.length, 0);
    assert.deepEqual(
      again.skipped.map((s) => s.reason),
      [
        `already in the project as a.txt (${REPLACE_HINT})`,
        `already in the project as ${parseCasieDocument(clinic).document!.sourcefile} (${REPLACE_HINT})`,
      ],
    );
    const replaced = await upload(project, entries, { replace: true });
    assert.equal(replaced.imported.length, 2);
    assert.notEqual(replaced.imported[1].documentId, first.imported[1].documentId);
    assert.deepEqual(await rowCounts(project.id), { documents: 2, sets: 1, events: clinicEvents, assignments: 0 });
  });
});

describe("annotations into an annotator's set", () => {
  test("make the annotator's set (logged as one operation, as importIntoEmptySet logs it) and assign them the document", async () => {
    const project = await newProject();
    const [ann, manager] = await Promise.all(
      ["ann", "manager"].map((name) =>
        createUser({ email: `${name}-${projects}@example.org`, name, password: "a long password", role: "ANNOTATOR" }, client),
      ),
    );
    const report = await upload(project, [deflatedEntry("clinic-breach.json", clinic), deflatedEntry("plain.txt", madeUpArticle(6))], {
      target: { kind: "annotator", annotatorId: ann.id, assignedById: manager.id },
    });
    assert.equal(report.imported.length, 2);
    const set = await client.annotationSet.findFirstOrThrow({ where: { document: { projectId: project.id } } });
    assert.deepEqual([set.kind, set.annotatorId, set.status, set.version, set.importedText], ["ANNOTATOR", ann.id, "IN_PROGRESS", 1, null]);
    const logged = await client.annotationOperation.findMany({ where: { setId: set.id } });
    assert.deepEqual(
      logged.map((entry) => [entry.version, entry.userId, (entry.operation as { kind: string; label: string }).label]),
      [[1, manager.id, "Import annotations"]],
    );
    const state = await loadAnnotationSet(set.id, client);
    assert.deepEqual(state!.document.hoppers, parseCasieDocument(clinic).document!.hoppers);
    const assignments = await client.assignment.findMany({ where: { document: { projectId: project.id } } });
    assert.deepEqual(
      assignments.map((a) => [a.documentId, a.annotatorId, a.assignedById]),
      [[set.documentId, ann.id, manager.id]],
      "the raw article has no annotations: it stays unassigned",
    );
  });
});

describe("limits refuse the whole upload before anything is written", () => {
  const small: Partial<UploadLimits> = { maxEntryBytes: 64 * 1024, maxTotalBytes: 256 * 1024, ratioFloorBytes: 16 * 1024, maxRatio: 50 };

  async function refusesWhole(entries: readonly ZipEntryInput[] | Uint8Array, limits: Partial<UploadLimits>, status: number, message: RegExp) {
    const project = await newProject();
    // Good articles first: nothing of them may be written either.
    const good = [deflatedEntry("a/first.json", clinic), deflatedEntry("a/second.txt", madeUpArticle(7))];
    await refusedWith(upload(project, entries instanceof Uint8Array ? entries : [...good, ...entries], { limits }), status, message);
    assert.deepEqual(await rowCounts(project.id), { documents: 0, sets: 0, events: 0, assignments: 0 });
  }

  test("an upload larger than the limit, counted as it streams in whatever Content-Length said", async () => {
    const chunk = new Uint8Array(600);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    await refusedWith(receiveUpload(body, { ...UPLOAD_LIMITS, maxUploadBytes: 1000 }), 413, /The upload is larger than 1000 bytes/);
    const received = await receiveUpload(new Response(chunk).body, { ...UPLOAD_LIMITS, maxUploadBytes: 1000 });
    assert.equal(received.bytes, 600);
    await received.discard();
    await refusesWhole([deflatedEntry("big.txt", madeUpArticle(8))], { maxUploadBytes: 500 }, 413, /larger than 500 bytes/);
  });

  test("a zip bomb: an entry inflating far beyond its compressed size", async () => {
    const zeros = new Uint8Array(2 * 1024 * 1024);
    await refusesWhole(
      [deflatedEntry("bomb.txt", zeros)],
      { ...small, maxEntryBytes: 4 * 1024 * 1024 },
      413,
      /bomb\.txt inflates more than 50 times/,
    );
  });

  test("a zip bomb whose headers lie about its size", async () => {
    const zeros = new Uint8Array(1024 * 1024);
    await refusesWhole([deflatedEntry("liar.txt", zeros, { claimedSize: 100 })], UPLOAD_LIMITS, 413, /inflates to more than its header says/);
  });

  test("entries that inflate to more than the total limit together", async () => {
    const entries = Array.from({ length: 6 }, (_, i) => deflatedEntry(`part-${i}.txt`, madeUpArticle(i).repeat(400).slice(0, 60_000)));
    await refusesWhole(entries, { ...small, maxRatio: 1000 }, 413, /its files inflate to more than 256 KiB together/);
  });

  test("paths that escape the archive", async () => {
    for (const [name, message] of [
      ["../evil.txt", /climbs out of the archive's folder/],
      ["a/../../evil.txt", /climbs out of the archive's folder/],
      ["/etc/evil.txt", /is absolute/],
      ["C:/evil.txt", /is absolute/],
      ["a\\..\\..\\evil.txt", /uses backslashes/],
    ] as const) {
      await refusesWhole([deflatedEntry(name, madeUpArticle(9))], {}, 400, message);
    }
  });

  test("too many entries", async () => {
    const entries = Array.from({ length: 5 }, (_, i) => deflatedEntry(`n-${i}.txt`, madeUpArticle(i)));
    await refusesWhole(entries, { maxEntries: 6 }, 413, /The zip archive has 7 entries; at most 6 are taken/);
  });

  test("an upload that is not a zip archive, or a damaged one", async () => {
    await refusesWhole(new TextEncoder().encode("not a zip at all"), {}, 400, /The upload is not a readable zip archive/);
    const { zipArchive } = await import("./zip-writer");
    const archive = zipArchive([deflatedEntry("a.txt", madeUpArticle(1))]);
    archive.fill(0xff, 30 + "a.txt".length, 30 + "a.txt".length + 8);
    await refusesWhole(archive, {}, 400, /The zip archive is damaged/);
  });
});
