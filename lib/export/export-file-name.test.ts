// Documents whose sourcefiles share a stem (`2602.txt`, `2602.html`) are both
// exported, each under a name of its own, by the dataset export, `hopper export`
// and the brat export.

import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { exportProjectToBrat } from "@/lib/brat/brat-folder";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { importFiles } from "@/lib/import/import-files";
import { FIXTURE, readFixture } from "@/lib/testing/casie-fixtures";
import { readZipEntries } from "@/lib/testing/read-zip";
import { MANIFEST_ENTRY, prepareDatasetExport } from "./dataset-export";
import { exportFileName, ExportFileNames } from "./export-file-name";
import type { ExportManifest } from "./export-manifest";
import { exportProject } from "./export-project";

const PROJECT = "Shared stems";
const testDatabase = useTestDatabase();
let client: Database;
let dir: string;
/** The clinic fixture as the CASIE file of `sourcefile`. */
const fileOf = (sourcefile: string) => readFixture(FIXTURE.clinicBreach).replace(/"sourcefile": "[^"]*"/, `"sourcefile": "${sourcefile}"`);

before(async () => {
  client = (await testDatabase.open()).client;
  dir = await mkdtemp(path.join(tmpdir(), "hopper-stems-"));
  // A file is named like its sourcefile's stem: the two come from two folders.
  const files: string[] = [];
  for (const [folder, sourcefile] of [
    ["a", "2602.txt"],
    ["b", "2602.html"],
    ["c", "2603.txt"],
  ]) {
    await mkdir(path.join(dir, folder));
    const file = path.join(dir, folder, `${path.parse(sourcefile).name}.json`);
    await writeFile(file, fileOf(sourcefile));
    files.push(file);
  }
  const report = await importFiles(files, { projectName: PROJECT, client });
  assert.equal(report.imported.length, 3);
});
after(() => rm(dir, { recursive: true, force: true }));

test("a name shared in the project gives way to the whole sourcefile, as one path segment", () => {
  assert.equal(exportFileName({ name: "2603", sourcefile: "2603.txt", nameShared: false }), "2603");
  assert.equal(exportFileName({ name: "2602", sourcefile: "2602.html", nameShared: true }), "2602.html");
  assert.equal(exportFileName({ name: "x", sourcefile: "../up/x.txt", nameShared: true }), ".._up_x.txt");
  assert.equal(exportFileName({ name: "a\\b", sourcefile: "a\\b.txt", nameShared: false }), "a_b");
});

test("a name given twice is refused rather than overwritten", () => {
  const names = new ExportFileNames();
  assert.equal(names.claim("gold/2602.txt.json"), "gold/2602.txt.json");
  assert.throws(() => names.claim("gold/2602.txt.json"), /two documents would both be exported as gold\/2602\.txt\.json/);
});

test("the dataset zip holds both documents sharing a stem, and the manifest names their files", async () => {
  const prepared = await prepareDatasetExport(
    { name: PROJECT },
    { format: "zip", statuses: ["unassigned"], sets: { kind: "gold" } },
    { client, now: new Date("2026-12-01T00:00:00Z") },
  );
  const parts: Uint8Array[] = [];
  for await (const chunk of prepared.chunks()) parts.push(chunk);
  const entries = await readZipEntries(Buffer.concat(parts));
  assert.deepEqual([...entries.keys()].sort(), ["gold/2602.html.json", "gold/2602.txt.json", "gold/2603.json", MANIFEST_ENTRY]);
  assert.equal(entries.get("gold/2602.html.json"), fileOf("2602.html"));
  assert.equal(entries.get("gold/2602.txt.json"), fileOf("2602.txt"));
  const manifest = JSON.parse(entries.get(MANIFEST_ENTRY)!) as ExportManifest;
  assert.deepEqual(manifest.documents.map((document) => [document.name, document.sourcefile]).sort(), [
    ["2602.html", "2602.html"],
    ["2602.txt", "2602.txt"],
    ["2603", "2603.txt"],
  ]);
});

test("hopper export writes both documents sharing a stem", async () => {
  const out = path.join(dir, "out");
  await exportProject(PROJECT, out, { client });
  assert.deepEqual((await readdir(out)).sort(), ["2602.html.json", "2602.txt.json", "2603.json"]);
  assert.equal(await readFile(path.join(out, "2602.html.json"), "utf8"), fileOf("2602.html"));
});

test("the brat export writes both documents sharing a stem", async () => {
  const out = path.join(dir, "brat");
  assert.equal(await exportProjectToBrat(PROJECT, out, { client }), 3);
  assert.deepEqual((await readdir(out)).sort(), ["2602.html.ann", "2602.html.txt", "2602.txt.ann", "2602.txt.txt", "2603.ann", "2603.txt"]);
});
