// `hopper export --format zip|jsonl` and `hopper import --annotator`, run as a
// user runs them: the dataset file written, a second annotator's files of the
// same articles filling their sets, and the refusals.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { parseCasieDocument } from "@/lib/casie";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { FIXTURE, fixturePath, readFixture } from "@/lib/testing/casie-fixtures";
import { readZipEntries } from "@/lib/testing/read-zip";
import type { ExportManifest } from "./export-manifest";

const root = path.resolve(__dirname, "../..");
const testDatabase = useTestDatabase();
let client: Database;
let url: string;
let work: string;

const hopper = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "scripts/hopper-launcher.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });

function succeeds(...args: string[]): string {
  const run = hopper(...args);
  assert.equal(run.status, 0, `hopper ${args.join(" ")}:\n${run.stdout}${run.stderr}`);
  return run.stdout;
}

before(async () => {
  ({ client, url } = await testDatabase.open());
  work = await mkdtemp(path.join(tmpdir(), "hopper-export-cli-"));
  succeeds("import", fixturePath(FIXTURE.clinicBreach), fixturePath(FIXTURE.otherKeyOrder), "--project", "Cli");
  succeeds("user", "add", "ann@example.org", "--role", "annotator", "--password", "a long password");
  succeeds("user", "add", "bob@example.org", "--role", "annotator", "--password", "a long password");
  succeeds("member", "add", "ann@example.org", "--project", "Cli");
});

after(() => rm(work, { recursive: true, force: true }));

const zipEntries = async (file: string) => readZipEntries(await readFile(file));

test("--format zip writes the chosen documents' gold files, byte for byte, and the manifest", async () => {
  const out = path.join(work, "gold.zip");
  assert.match(
    succeeds("export", "--project", "Cli", "--out", out, "--format", "zip", "--status", "unassigned"),
    /Exported 2 documents \(2 files and the manifest\)/,
  );
  const entries = await zipEntries(out);
  assert.deepEqual([...entries.keys()], ["gold/clinic-breach.json", "gold/water-utility-key-order.json", "manifest.json"]);
  assert.equal(entries.get("gold/clinic-breach.json"), readFixture(FIXTURE.clinicBreach));
  const manifest = JSON.parse(entries.get("manifest.json")!) as ExportManifest;
  assert.deepEqual([manifest.project, manifest.counts.documents, manifest.selection], ["Cli", 2, { statuses: ["unassigned"], sets: "gold" }]);
});

test("--format jsonl writes a line per document and the manifest last", async () => {
  const out = path.join(work, "gold.jsonl");
  succeeds("export", "--project", "Cli", "--out", out, "--format", "jsonl", "--status", "unassigned,adjudicated");
  const lines = (await readFile(out, "utf8")).trimEnd().split("\n");
  assert.deepEqual(
    lines.map((line) => Object.keys(JSON.parse(line) as object).join(",")),
    ["name,set,document", "name,set,document", "manifest"],
  );
  assert.deepEqual(JSON.parse(lines[0]).document, JSON.parse(readFixture(FIXTURE.clinicBreach)));
});

test("import --annotator fills the annotator's sets on documents already there and imports new ones into their sets; export --annotators writes them", async () => {
  const imported = succeeds(
    "import",
    fixturePath(FIXTURE.clinicBreach),
    fixturePath(FIXTURE.prettyPrinted),
    "--project",
    "Cli",
    "--annotator",
    "ann@example.org",
  );
  assert.match(imported, /Imported 2 documents/);
  const sets = await client.annotationSet.findMany({
    where: { kind: "ANNOTATOR", annotator: { email: "ann@example.org" } },
    select: { document: { select: { name: true } }, version: true },
    orderBy: { document: { name: "asc" } },
  });
  assert.deepEqual(
    sets.map((set) => [set.document.name, set.version]),
    [
      ["clinic-breach", 1],
      ["library-phishing-pretty", 1],
    ],
  );
  assert.equal(
    await client.annotationSet.count({ where: { kind: "GOLD", document: { name: "library-phishing-pretty" } } }),
    0,
    "a new document gets no gold set",
  );
  assert.equal(await client.assignment.count({ where: { annotator: { email: "ann@example.org" } } }), 2, "ann is assigned both");

  const again = hopper("import", fixturePath(FIXTURE.clinicBreach), "--project", "Cli", "--annotator", "ann@example.org");
  assert.equal(again.status, 0);
  assert.match(again.stdout, /already has annotations/);

  const out = path.join(work, "ann.zip");
  succeeds("export", "--project", "Cli", "--out", out, "--format", "zip", "--status", "in-annotation", "--annotators", "ann@example.org");
  const entries = await zipEntries(out);
  assert.deepEqual([...entries.keys()], ["ann@example.org/clinic-breach.json", "ann@example.org/library-phishing-pretty.json", "manifest.json"]);
  assert.deepEqual(
    parseCasieDocument(entries.get("ann@example.org/clinic-breach.json")!, {}).document!.hoppers,
    parseCasieDocument(readFixture(FIXTURE.clinicBreach), {}).document!.hoppers,
  );
});

test("refusals: an account that is not a project annotator, unknown statuses and annotators, filters without a format", () => {
  const refused = (args: string[], status: number, message: RegExp) => {
    const run = hopper(...args);
    assert.equal(run.status, status, `${run.stdout}${run.stderr}`);
    assert.match(run.stderr, message);
  };
  refused(
    ["import", fixturePath(FIXTURE.clinicBreach), "--project", "Cli", "--annotator", "bob@example.org"],
    1,
    /bob@example\.org is not an annotator of "Cli"/,
  );
  refused(["import", fixturePath(FIXTURE.clinicBreach), "--project", "Nope", "--annotator", "ann@example.org"], 1, /no project named "Nope"/);
  const out = path.join(work, "refused.zip");
  refused(["export", "--project", "Cli", "--out", out, "--format", "zip", "--status", "finished"], 2, /--status: must be among/);
  refused(
    ["export", "--project", "Cli", "--out", out, "--format", "zip", "--annotators", "bob@example.org"],
    1,
    /No sets of bob@example\.org in Cli/,
  );
  refused(["export", "--project", "Cli", "--out", out, "--format", "zip"], 1, /Nothing to export: no document of Cli is adjudicated/);
  refused(["export", "--project", "Cli", "--out", out, "--status", "unassigned"], 2, /--status and --annotators need --format zip or jsonl/);
});
