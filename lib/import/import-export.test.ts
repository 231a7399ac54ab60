// Import and export through a real database: byte-identical round trips (the
// project's fixtures always, the CASIE sample when it is beside the checkout),
// the report, refusals, and all-or-nothing documents.

import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Database } from "@/lib/db/client";
import { serializeCasieDocument } from "@/lib/casie";
import { loadGoldDocument } from "@/lib/documents/load";
import { loadGoldDocuments } from "@/lib/documents/store";
import { useTestDatabase } from "@/lib/db/test-database";
import { saveOperations } from "@/lib/annotation-sets/save-operations";
import { exportProject } from "@/lib/export/export-project";
import { annotationFileNames, readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES, FIXTURE, fixturePath, readFixture } from "@/lib/testing/casie-fixtures";
import { locateCasieSample } from "@/lib/testing/casie-sample";
import { formatImportReport } from "./format-report";
import { importFiles } from "./import-files";

const { sample, skip } = locateCasieSample();

const testDatabase = useTestDatabase();
let client: Database;
let work: string;

before(async () => {
  client = (await testDatabase.open()).client;
  work = await mkdtemp(path.join(tmpdir(), "hopper-import-"));
});

after(() => rm(work, { recursive: true, force: true }));

async function writeFiles(dir: string, files: Record<string, string>): Promise<string> {
  const full = path.join(work, dir);
  await rm(full, { recursive: true, force: true });
  await import("node:fs/promises").then((fs) => fs.mkdir(full, { recursive: true }));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(full, name), text, "utf8");
  return full;
}

async function exportedFiles(project: string): Promise<Map<string, string>> {
  const out = path.join(work, `out-${project}`);
  await rm(out, { recursive: true, force: true });
  await exportProject(project, out, { client });
  const names = await readdir(out);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(out, name), "utf8")] as const)));
}

/**
 * Each document of the project serialized from its stored annotations, as an
 * export writes it once a save changed the gold set: the rows must hold every byte too.
 */
async function serializedFromRows(project: string): Promise<Map<string, string>> {
  const documents = await client.document.findMany({ where: { project: { name: project } }, select: { id: true } });
  const stored = await loadGoldDocuments(
    documents.map((d) => d.id),
    client,
  );
  return new Map(stored.map((document) => [`${document.name}.json`, serializeCasieDocument(document.casie)]));
}

// Hand-written documents in the shapes the corpus has and a few it could have.
const CONTENT = "Hackers stole data from Acme Corp. in Zürich; Acme paid €5 🔒.";
const span = (text: string, from = 0) => {
  const start = CONTENT.indexOf(text, from);
  return { startOffset: start, endOffset: start + text.length, text };
};
const compactDocument = JSON.stringify({
  content: CONTENT,
  sourcefile: "compact.txt",
  cyberevent: {
    hopper: [
      {
        index: 0,
        relation: "Same",
        events: [
          {
            index: "E1",
            type: "Attack",
            realis: "Actual",
            nugget: { ...span("stole"), index: "T1" },
            argument: [
              { index: "T2", text: "Hackers", endOffset: 7, role: { type: "Attacker" }, startOffset: 0, type: "Person" },
              {
                index: "T3",
                external_reference: { wikidataid: "Q1" },
                ...span("Acme Corp."),
                role: { type: "Victim", confidence: 1.0 },
                type: "Organization",
              },
            ],
            subtype: "Databreach",
          },
        ],
      },
      { index: 1, events: [{ nugget: { ...span("paid"), index: "T4" }, index: "E2", type: "Attack", subtype: "Ransom", realis: "Actual" }] },
    ],
  },
  info: { title: "Zürich breach", date: "2020_01_02", type: "text", link: "https://example.org/a" },
});

function pythonStyle(json: string): string {
  // Python's json.dumps defaults: ", " and ": " separators, non-ASCII as \uXXXX.
  return json
    .replace(/("(?:[^"\\]|\\.)*")|([,:])/g, (_m, str: string | undefined, sep: string | undefined) => (str ? str : `${sep} `))
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/"confidence": 1(?=[},])/, '"confidence": 1.0');
}

const FIXTURES: Record<string, string> = {
  "compact.json": pythonStyle(compactDocument),
  "pretty.json": JSON.stringify({ ...JSON.parse(compactDocument), sourcefile: "pretty.txt" }, null, 2) + "\n",
  "unicode.json": JSON.stringify({ ...JSON.parse(compactDocument), sourcefile: "unicode.txt" }),
  "reordered.json": pythonStyle(
    JSON.stringify({
      info: { link: "x", title: "t" },
      sourcefile: "reordered.txt",
      extra: [1, { a: null }],
      cyberevent: { hopper: [] },
      content: CONTENT,
    }),
  ),
};

describe("importing and exporting", () => {
  test("hand-written documents in other styles and key orders come back byte for byte", async () => {
    const dir = await writeFiles("styles", FIXTURES);
    const report = await importFiles([dir], { projectName: "styles", client });
    assert.deepEqual(report.skipped, []);
    assert.equal(report.imported.length, 4);
    const exported = await exportedFiles("styles");
    const fromRows = await serializedFromRows("styles");
    for (const [name, text] of Object.entries(FIXTURES)) {
      assert.equal(exported.get(name), text, `${name} re-exports unchanged`);
      assert.equal(fromRows.get(name), text, `${name} serializes unchanged from its rows`);
    }
  });

  test("the report counts what was imported and names every skipped file and warning", async () => {
    const shifted = JSON.parse(compactDocument);
    shifted.sourcefile = "shifted.txt";
    for (const argument of shifted.cyberevent.hopper[0].events[0].argument) {
      argument.startOffset += 1;
      argument.endOffset += 1;
    }
    const dir = await writeFiles("report", {
      "good.json": compactDocument.replace("compact.txt", "good.txt"),
      "shifted.json": JSON.stringify(shifted),
      "broken.json": '{"content": "abc", "sourcefile": ',
      "outside.json": JSON.stringify({ ...JSON.parse(compactDocument), content: "short", sourcefile: "outside.txt" }),
      "notes.md": "ignored",
    });
    const missing = path.join(work, "missing.json");
    const report = await importFiles([dir, missing], { projectName: "report", client });
    assert.deepEqual(report.imported.map((d) => d.file).sort(), ["good.json", "shifted.json"]);
    assert.deepEqual(report.skipped.map((s) => s.file).sort(), [missing, "broken.json", "outside.json"].sort());
    const good = report.imported.find((d) => d.file === "good.json")!;
    assert.deepEqual([good.hoppers, good.events, good.arguments], [2, 2, 2]);

    const text = formatImportReport(report);
    assert.match(text, /Imported 2 documents: 4 hoppers, 4 events, 4 arguments\./);
    assert.match(text, /shifted\.json: 2 spans shifted by \+1/);
    assert.match(text, /broken\.json: invalid CASIE document/);
    assert.match(text, /\(line 1, column \d+\)/);
    assert.match(text, /outside\.json: invalid CASIE document/);
    assert.ok(text.includes(`${missing}: no such file or folder`));
    assert.equal(await client.document.count({ where: { project: { name: "report" } } }), 2);
  });

  test("a document already in the project is refused, or replaced with replace", async () => {
    const dir = await writeFiles("again", { "compact.json": FIXTURES["compact.json"] });
    await importFiles([dir], { projectName: "again", client });
    const again = await importFiles([dir], { projectName: "again", client });
    assert.equal(again.imported.length, 0);
    assert.match(again.skipped[0].reason, /already in the project as compact\.txt \(use --replace/);

    const changed = FIXTURES["compact.json"].replace('"realis": "Actual"', '"realis": "Generic"');
    await writeFiles("again", { "compact.json": changed });
    const replaced = await importFiles([dir], { projectName: "again", client, replace: true });
    assert.equal(replaced.imported.length, 1);
    assert.equal(await client.document.count({ where: { project: { name: "again" } } }), 1);
    assert.equal((await exportedFiles("again")).get("compact.json"), changed);
  });

  test("a document the database refuses is skipped alone: the others written with it in one transaction are stored", async () => {
    const document = (sourcefile: string) => JSON.stringify({ ...JSON.parse(compactDocument), sourcefile });
    const outOfRange = JSON.parse(compactDocument);
    outOfRange.sourcefile = "out-of-range.txt";
    outOfRange.cyberevent.hopper[1].index = 3_000_000_000;
    const files: Record<string, string> = { "out-of-range.json": JSON.stringify(outOfRange), "twin-a.json": document("twin.txt") };
    for (let n = 0; n < 8; n++) files[`doc${n}.json`] = document(`doc${n}.txt`);
    files["twin-b.json"] = document("twin.txt");
    const dir = await writeFiles("refused", files);
    const report = await importFiles([dir], { projectName: "refused", client });

    assert.deepEqual(report.imported.map((d) => d.file).sort(), [...Array.from({ length: 8 }, (_, n) => `doc${n}.json`), "twin-a.json"].sort());
    assert.deepEqual(
      report.skipped.map((s) => [s.file, s.reason.replace(/:.*/, "")]),
      [
        ["out-of-range.json", "the database refused it"],
        ["twin-b.json", "already in the project as twin.txt (use --replace to replace it)"],
      ],
    );
    const stored = await client.document.findMany({ where: { project: { name: "refused" } }, include: { sets: { include: { _count: true } } } });
    assert.equal(stored.length, 9);
    for (const { sets } of stored) assert.deepEqual([sets.length, sets[0]._count.hoppers, sets[0]._count.arguments], [1, 2, 2]);
  });

  test("an export writes the imported file while the gold set is as imported, and the set's annotations once a save changed them", async () => {
    const dir = await writeFiles("kept", { "compact.json": FIXTURES["compact.json"] });
    const [imported] = (await importFiles([dir], { projectName: "kept", client })).imported;
    const gold = await client.annotationSet.findFirstOrThrow({ where: { documentId: imported.documentId, kind: "GOLD" } });
    assert.equal(gold.importedText, FIXTURES["compact.json"]);
    assert.equal((await exportedFiles("kept")).get("compact.json"), FIXTURES["compact.json"]);

    const realis = { from: { realis: "Actual" }, to: { realis: "Generic" } };
    const saved = await saveOperations(
      {
        setId: gold.id,
        baseVersion: 0,
        clientId: "test",
        operations: [{ seq: 1, operation: { kind: "setEventAttributes", eventIndex: "E1", ...realis } }],
        userId: null,
      },
      client,
    );
    assert.equal(saved.status, "saved");
    const changed = FIXTURES["compact.json"].replace('"realis": "Actual"', '"realis": "Generic"');
    assert.equal((await exportedFiles("kept")).get("compact.json"), changed);
  });

  test("a file that would not export to the same bytes keeps no copy: its export is the set serialized", async () => {
    // One space inside the empty list: no json.dumps option writes that.
    const text = JSON.stringify({ ...JSON.parse(compactDocument), sourcefile: "spaced.txt" })
      .replace('"argument":[', '"argument": [')
      .replace("}]}", "} ]}");
    const dir = await writeFiles("spaced", { "spaced.json": text });
    const [imported] = (await importFiles([dir], { projectName: "spaced", client })).imported;
    assert.deepEqual(
      imported.warnings.map((warning) => warning.code),
      ["not-byte-identical"],
    );
    const gold = await client.annotationSet.findFirstOrThrow({ where: { documentId: imported.documentId, kind: "GOLD" } });
    assert.equal(gold.importedText, null);
    const exported = (await exportedFiles("spaced")).get("spaced.json");
    assert.notEqual(exported, text);
    assert.deepEqual(JSON.parse(exported!), JSON.parse(text));
  });

  test("tabs, line breaks and backslashes are stored as they are", async () => {
    const content = 'Tab\there,\r\nline\\break "quoted"\\n.';
    const text = JSON.stringify({ content, sourcefile: "escapes.txt", cyberevent: { hopper: [] }, info: { title: "a\tb\\c\nd" } });
    const dir = await writeFiles("escapes", { "escapes.json": text });
    const [imported] = (await importFiles([dir], { projectName: "escapes", client })).imported;
    const stored = await loadGoldDocument(imported.documentId, client);
    assert.deepEqual([stored?.casie.content, stored?.title], [content, "a\tb\\c\nd"]);
    assert.equal((await serializedFromRows("escapes")).get("escapes.json"), text);
  });

  test("raw articles become documents without annotations", async () => {
    const article =
      "<title>Acme breached</title>\n<source> https://example.org/acme </source>\n<date> 2021_03_04 </date>\n<text>\nFirst line.\nSecond line.\n</text>\n";
    const dir = await writeFiles("articles", { "42.txt": article });
    const report = await importFiles([dir], { projectName: "articles", client });
    assert.equal(report.imported.length, 1);
    const document = await client.document.findFirstOrThrow({ where: { project: { name: "articles" } }, include: { sets: true } });
    assert.equal(document.content, "First line. Second line.");
    assert.equal(document.title, "Acme breached");
    assert.equal(document.sets.length, 0);
    const exported = JSON.parse((await exportedFiles("articles")).get("42.json")!);
    assert.deepEqual(exported.cyberevent, { hopper: [] });
    assert.equal(exported.info.link, "https://example.org/acme");
  });

  test("the project's fixtures re-export byte-identical, 6 of 6, their quirks reported as warnings", async () => {
    const report = await importFiles([CASIE_FIXTURES.annotationDir], { projectName: "fixtures", client });
    assert.deepEqual(report.skipped, []);
    assert.deepEqual(
      report.imported.map((d) => d.file),
      annotationFileNames(CASIE_FIXTURES),
    );
    const exported = await exportedFiles("fixtures");
    const fromRows = await serializedFromRows("fixtures");
    for (const { name, text } of readAnnotationFiles(CASIE_FIXTURES)) {
      assert.equal(exported.get(name), text, `${name} re-exports unchanged`);
      assert.equal(fromRows.get(name), text, `${name} serializes unchanged from its rows`);
    }
    const warnings = formatImportReport(report).split("\n").slice(2);
    assert.deepEqual(warnings, [
      "Warnings in 3 documents:",
      `  ${FIXTURE.shifted}: 11 spans shifted by +1`,
      `  ${FIXTURE.shiftedPastEnd}: 10 spans shifted by +1`,
      `  ${FIXTURE.generalRealis}: warning unknown-realis at $.cyberevent.hopper[1].events[0].realis (line 1, column ${readFixture(FIXTURE.generalRealis).indexOf('"General"') + 1}): expected a realis value of the project's tagset (Actual, Generic, Other), found "General"`,
    ]);
  });

  test("a shifted span ending one past the content is imported as it is, with the shift warning, and exported byte-identical", async () => {
    const report = await importFiles([fixturePath(FIXTURE.shiftedPastEnd)], { projectName: "past-end", client });
    assert.deepEqual(report.skipped, []);
    const [imported] = report.imported;
    assert.deepEqual([imported.hoppers, imported.events, imported.arguments], [2, 3, 7]);
    assert.ok(imported.warnings.every((warning) => warning.code === "span-shifted-plus-1"));

    const stored = await loadGoldDocument(imported.documentId, client);
    assert.ok(stored);
    const criminals = stored.casie.hoppers[1].events[0].arguments[1];
    assert.deepEqual([criminals.index, criminals.endOffset, criminals.text], ["T8", stored.casie.content.length + 1, "the criminals"]);
    assert.equal(stored.warnings.length, 10);
    assert.equal((await exportedFiles("past-end")).get(FIXTURE.shiftedPastEnd), readFixture(FIXTURE.shiftedPastEnd));
  });

  test("the CASIE sample re-exports byte-identical, 100 of 100", { skip }, async () => {
    assert.ok(sample);
    const report = await importFiles([sample.annotationDir], { projectName: "sample", client });
    assert.deepEqual(report.skipped, []);
    assert.equal(report.imported.length, 100);
    const exported = await exportedFiles("sample");
    const fromRows = await serializedFromRows("sample");
    const identical = readAnnotationFiles(sample).filter(({ name, text }) => exported.get(name) === text && fromRows.get(name) === text).length;
    assert.equal(identical, 100, `${identical} of 100 identical, exported and serialized from their rows`);
  });
});
