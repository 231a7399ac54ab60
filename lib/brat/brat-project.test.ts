// A project's gold sets exported as brat standoff with `hopper brat export` and
// imported into another project with `hopper brat import` come back the same.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { loadGoldDocuments } from "@/lib/documents/store";
import { importFiles } from "@/lib/import/import-files";
import { CASIE_FIXTURES } from "@/lib/testing/casie-fixtures";
import type { AgreementReport } from "@/lib/agreement/agreement-report";
import { hoppersWithoutLayouts } from "@/lib/casie/hoppers-without-layouts";

const root = path.resolve(__dirname, "../..");
const testDatabase = useTestDatabase();
let client: Database;
let url: string;
let work: string;

before(async () => {
  ({ client, url } = await testDatabase.open());
  work = await mkdtemp(path.join(tmpdir(), "hopper-brat-"));
});

after(() => rm(work, { recursive: true, force: true }));

const hopper = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "scripts/hopper-launcher.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });

async function goldSets(project: string) {
  const { rows } = await client.pool.query<{ id: string }>(
    `SELECT d."id" FROM "Document" d JOIN "Project" p ON p."id" = d."projectId" WHERE p."name" = $1 ORDER BY d."name"`,
    [project],
  );
  const documents = await loadGoldDocuments(
    rows.map((row) => row.id),
    client,
  );
  return documents.map((document) => ({
    name: document.name,
    content: document.casie.content,
    hoppers: hoppersWithoutLayouts(document.casie.hoppers),
  }));
}

test("brat export then brat import gives every fixture document back with the same annotations", async () => {
  await importFiles([CASIE_FIXTURES.annotationDir], { projectName: "Fixtures", client });
  const out = path.join(work, "brat");
  const exported = hopper("brat", "export", "--project", "Fixtures", "--out", out);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /Exported 6 documents as brat standoff/);
  const files = (await readdir(out)).sort();
  assert.equal(files.length, 12);
  assert.match(await readFile(path.join(out, "clinic-breach.ann"), "utf8"), /^E1\tDatabreach:T1 Attacker:T2/m);

  const imported = hopper("brat", "import", out, "--project", "Back");
  assert.equal(imported.status, 0, imported.stdout + imported.stderr);
  const [before, back] = await Promise.all([goldSets("Fixtures"), goldSets("Back")]);
  assert.equal(back.length, 6);
  assert.deepEqual(back, before);

  const checked = hopper("brat", "check", out);
  assert.equal(checked.status, 0, checked.stdout);
  assert.match(checked.stdout, /clinic-breach\.ann: ok/);
});

test("brat import --annotator gives an account's sets the files' annotations; the agreement with the gold is then perfect", () => {
  const out = path.join(work, "brat");
  const user = hopper("user", "add", "ann@example.org", "--role", "annotator", "--password", "a long password");
  assert.equal(user.status, 0, user.stderr);
  const imported = hopper("brat", "import", out, "--project", "Fixtures", "--annotator", "ann@example.org");
  assert.equal(imported.status, 0, imported.stdout + imported.stderr);
  assert.match(imported.stdout, /Imported 6 of 6 files as ann@example\.org's sets in "Fixtures"/);
  const agreement = hopper("agreement", "--project", "Fixtures", "--with-gold", "--json");
  assert.equal(agreement.status, 0, agreement.stderr);
  const report = JSON.parse(agreement.stdout) as AgreementReport;
  assert.deepEqual(
    report.pairs.map((pair) => [pair.key, pair.response, pair.documents]),
    [["ann@example.org", "gold", 6]],
  );
  assert.equal(report.total.nuggets.exact.f1, 1);
  assert.equal(report.total.arguments.spanRoleEntityType.f1, 1);
  assert.equal(report.total.coreference.all.conll, 1);
  // Again: the sets have annotations now, and an import never overwrites them.
  const again = hopper("brat", "import", out, "--project", "Fixtures", "--annotator", "ann@example.org");
  assert.equal(again.status, 1);
  assert.match(again.stdout, /clinic-breach\.ann: skipped: the set already has annotations/);
});
