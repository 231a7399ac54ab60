// `kill -9` in the middle of an import leaves every document whole or absent,
// and running the same import again completes the rest.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

const root = path.resolve(__dirname, "../..");
const DOCUMENTS = 1500;
const EVENTS_PER_DOCUMENT = 12;
const ARGUMENTS_PER_EVENT = 2;

/** A document in the corpus's style with a known number of hoppers, events and arguments. */
function corpusDocument(n: number): string {
  const words: string[] = [];
  for (let i = 0; i < EVENTS_PER_DOCUMENT * 3; i++) words.push(`word${i}`);
  const content = words.join(" ");
  const spanOf = (i: number, index: string) => {
    const start = content.indexOf(`word${i} `) >= 0 ? content.indexOf(`word${i} `) : content.lastIndexOf(`word${i}`);
    return { startOffset: start, index, endOffset: start + `word${i}`.length, text: `word${i}` };
  };
  const hoppers = [];
  for (let e = 0; e < EVENTS_PER_DOCUMENT; e++) {
    const argument = [];
    for (let a = 1; a <= ARGUMENTS_PER_EVENT; a++) {
      const s = spanOf(e * 3 + a, `T${e * 3 + a}`);
      argument.push({ index: s.index, text: s.text, endOffset: s.endOffset, role: { type: "Victim" }, startOffset: s.startOffset, type: "Person" });
    }
    hoppers.push({
      index: e,
      events: [{ index: `E${e}`, type: "Attack", realis: "Actual", nugget: spanOf(e * 3, `T${e * 3}`), argument, subtype: "Databreach" }],
    });
  }
  return JSON.stringify({
    content,
    sourcefile: `${n}.txt`,
    cyberevent: { hopper: hoppers },
    info: { title: `Document ${n}`, date: "2020_01_01", type: "text", link: "" },
  });
}

let database: TestDatabase;
let corpus: string;

before(async () => {
  database = await createTestDatabase();
  corpus = await mkdtemp(path.join(tmpdir(), "hopper-kill-"));
  await mkdir(corpus, { recursive: true });
  for (let n = 0; n < DOCUMENTS; n++) await writeFile(path.join(corpus, `${n}.json`), corpusDocument(n));
});

after(async () => {
  await database.drop();
  await rm(corpus, { recursive: true, force: true });
});

// What `npm run hopper` runs, started by node directly (not through npm) so that SIGKILL hits the process holding the connections.
const importArgs = () => [path.join(root, "scripts/hopper-launcher.mjs"), "import", corpus, "--project", "killed"];

test("kill -9 during an import leaves only whole documents, and a second run completes the rest", async () => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    const importer = spawn(process.execPath, importArgs(), { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, stdio: "ignore" });
    const exited = new Promise((resolve) => importer.once("exit", resolve));
    while ((await count("Document")) < 50) {
      if (importer.exitCode !== null) assert.fail("the import ended before it could be interrupted");
      await sleep(10);
    }
    importer.kill("SIGKILL");
    await exited;

    const documents = await count("Document");
    assert.ok(documents > 0 && documents < DOCUMENTS, `interrupted with ${documents} of ${DOCUMENTS} documents stored`);
    // Every stored document is whole: its gold set with every hopper, event, span and argument.
    const whole = await client.query(`
      SELECT d."name",
        (SELECT count(*) FROM "AnnotationSet" s WHERE s."documentId" = d."id") AS sets,
        (SELECT count(*) FROM "Hopper" h JOIN "AnnotationSet" s ON s."id" = h."setId" WHERE s."documentId" = d."id") AS hoppers,
        (SELECT count(*) FROM "Event" e JOIN "AnnotationSet" s ON s."id" = e."setId" WHERE s."documentId" = d."id") AS events,
        (SELECT count(*) FROM "Span" x JOIN "AnnotationSet" s ON s."id" = x."setId" WHERE s."documentId" = d."id") AS spans,
        (SELECT count(*) FROM "Argument" a JOIN "AnnotationSet" s ON s."id" = a."setId" WHERE s."documentId" = d."id") AS arguments
      FROM "Document" d`);
    for (const row of whole.rows) {
      assert.deepEqual(
        [row.sets, row.hoppers, row.events, row.spans, row.arguments].map(Number),
        [1, EVENTS_PER_DOCUMENT, EVENTS_PER_DOCUMENT, EVENTS_PER_DOCUMENT * (1 + ARGUMENTS_PER_EVENT), EVENTS_PER_DOCUMENT * ARGUMENTS_PER_EVENT],
        `document ${row.name} is whole`,
      );
    }
    assert.equal(await count("AnnotationSet"), documents, "no set without its document");

    const rerun = spawnSync(process.execPath, importArgs(), { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stdout, new RegExp(`Imported ${(DOCUMENTS - documents).toLocaleString("en")} documents`));
    assert.match(rerun.stdout, new RegExp(`Skipped ${documents.toLocaleString("en")} files?:`));
    assert.equal(await count("Document"), DOCUMENTS);
    assert.equal(await count("Argument"), DOCUMENTS * EVENTS_PER_DOCUMENT * ARGUMENTS_PER_EVENT);
  } finally {
    await client.end();
  }
});
