// Two annotators' sets seeded in a real database: the data function and the
// `hopper agreement` command (run as a user runs it) report their disagreements.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { openAnnotatorSet } from "@/lib/annotation-sets/open-annotator-set";
import { closeTestWorld, CONTENT, createTestDocument, createTestWorld, E1, E2, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { db } from "@/lib/db/client";
import { agreementReport, type AgreementReport } from "./agreement-report";
import { loadProjectAgreement } from "./load-project-agreement";

const root = path.resolve(__dirname, "../..");
let world: TestWorld;
let documentId: string;

before(async () => {
  world = await createTestWorld();
  // The document has a gold set too, as ann annotated it.
  documentId = await createTestDocument(world.projectId, [{ index: 0, events: [E1, E2] }]);
  const annotate = async (user: TestWorld["ann"], hoppers: { index: number; events: (typeof E1)[] }[]) => {
    const { setId } = (await openAnnotatorSet(user, documentId))!;
    await importIntoEmptySet(setId, { content: CONTENT, sourcefile: "x.txt", hoppers }, user.id);
  };
  // ann: "stole" and "paid" in one hopper; bob: the same events, "paid" Other, in hoppers of their own.
  await annotate(world.ann, [{ index: 0, events: [E1, E2] }]);
  await annotate(world.bob, [
    { index: 0, events: [E1] },
    { index: 1, events: [{ ...E2, realis: "Other" }] },
  ]);
  // A document only ann opened and left untouched (status NEW): left out.
  await openAnnotatorSet(world.ann, world.documentId);
});

after(() => closeTestWorld(world));

function checkReport(report: AgreementReport) {
  assert.deepEqual(report.annotators, ["ann@example.org", "bob@example.org"]);
  assert.equal(report.comparedDocuments, 1);
  // The other documents: the one ann left untouched, and the one with a gold set only.
  assert.equal(report.uncomparedDocuments, 2);
  assert.deepEqual(report.total.nuggets.exact, { recall: 1, precision: 1, f1: 1 });
  assert.deepEqual(report.total.decisions.realis, { items: 2, observed: 0.5, kappa: 0 });
  assert.equal(report.total.arguments.spanRoleEntityType.f1, 1);
  // Hoppers: {stole paid} against {stole} {paid}: MUC recall 0/1, precision 0/0.
  assert.deepEqual(report.total.coreference.all.muc, { recall: 0, precision: null, f1: 0 });
  assert.equal(report.pairs.length, 1);
  assert.equal(report.documents[0].documentId, documentId);
}

test("the project's agreement from the database: annotator sets by e-mail, untouched sets left out", async () => {
  const agreement = await loadProjectAgreement({ name: "Cyber" }, { client: db() });
  checkReport(agreementReport("Cyber", agreement));
  // With the gold set and every status, the gold-only document and ann's untouched set count too.
  const withGold = agreementReport(
    "Cyber",
    await loadProjectAgreement({ name: "Cyber" }, { client: db(), withGold: true, statuses: ["NEW", "IN_PROGRESS", "IMPORTED"] }),
  );
  assert.deepEqual(withGold.annotators, ["ann@example.org", "bob@example.org", "gold"]);
  await assert.rejects(loadProjectAgreement({ name: "No such project" }, { client: db() }), /no project named "No such project"/);
});

test("`hopper agreement --json --csv` prints the report and writes the CSV", async () => {
  const folder = await mkdtemp(path.join(tmpdir(), "hopper-agreement-"));
  try {
    const csv = path.join(folder, "agreement.csv");
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, "scripts/hopper-launcher.mjs"), "agreement", "--project", "Cyber", ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: world.database.url },
        encoding: "utf8",
      });
    const json = run("--json", "--csv", csv);
    assert.equal(json.status, 0, json.stderr);
    checkReport(JSON.parse(json.stdout) as AgreementReport);
    const lines = (await readFile(csv, "utf8")).trim().split("\n");
    assert.equal(lines[0], "scope,document,key,response,label,metric,value");
    assert.ok(lines.includes("project,,,,,coreference.all.muc.precision,n/a"), "a 0/0 is n/a");
    assert.ok(lines.includes("pair,,ann@example.org,bob@example.org,,nuggets.exact.f1,1"));
    assert.ok(lines.includes("label,,,,Attack/Ransom,subtype.f1,1"));
    const { rows } = await db().pool.query<{ name: string }>('SELECT "name" FROM "Document" WHERE "id" = $1', [documentId]);
    assert.ok(lines.includes(`document,${rows[0].name},,,,decisions.realis.observed,0.5`));

    const text = run();
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /Agreement in project "Cyber": 2 annotators, 1 documents compared/);
    assert.match(text.stdout, /hoppers over all nuggets: MUC\s+0\.000\s+—\s+0\.000/);
    assert.equal(run("--status", "DONE").status, 2);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
