// Dataset exports from a real database: byte-faithful gold files while a gold
// set is as imported, serialized ones once it changed, the status filter,
// annotators' sets with their agreement, JSON Lines, the manifest, and refusals.

import assert from "node:assert/strict";
import { before, test } from "node:test";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { saveOperations } from "@/lib/annotation-sets/save-operations";
import { parseCasieDocument, serializeCasieDocument } from "@/lib/casie";
import type { CasieDocument } from "@/lib/casie/types";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { loadGoldDocuments } from "@/lib/documents/store";
import { importFiles } from "@/lib/import/import-files";
import { FIXTURE, fixturePath, readFixture } from "@/lib/testing/casie-fixtures";
import { readZipEntries } from "@/lib/testing/read-zip";
import { createUser } from "@/lib/users";
import { MANIFEST_ENTRY, prepareDatasetExport, type DatasetExportOptions } from "./dataset-export";
import type { ExportManifest } from "./export-manifest";
import type { ExportRequest } from "./export-query";
import { ExportRefusal } from "./export-selection";

const PROJECT = "Export";
const testDatabase = useTestDatabase();
let client: Database;
let projectTagset: unknown;
const NOW = new Date("2026-11-25T10:00:00Z");
const clinic = parseCasieDocument(readFixture(FIXTURE.clinicBreach), {}).document!;

const GOLD_ADJUDICATED: ExportRequest = { format: "zip", statuses: ["adjudicated"], sets: { kind: "gold" } };

before(async () => {
  client = (await testDatabase.open()).client;
  await importFiles(
    [FIXTURE.clinicBreach, FIXTURE.prettyPrinted, FIXTURE.otherKeyOrder].map((file) => fixturePath(file)),
    { projectName: PROJECT, client },
  );
  const documents = await client.document.findMany({ select: { id: true, name: true } });
  const idOf = (name: string) => documents.find((document) => document.name === name)!.id;
  projectTagset = (await client.project.findUniqueOrThrow({ where: { name: PROJECT } })).tagset;
  // Two documents adjudicated; the water utility's is nobody's yet (unassigned).
  await client.annotationSet.updateMany({
    where: { kind: "GOLD", documentId: { in: [idOf("clinic-breach"), idOf("library-phishing-pretty")] } },
    data: { status: "ADJUDICATED" },
  });
  // The library's gold set is changed by a save: it can no longer be the imported file.
  const libraryGold = await client.annotationSet.findFirstOrThrow({ where: { kind: "GOLD", documentId: idOf("library-phishing-pretty") } });
  const saved = await saveOperations(
    {
      setId: libraryGold.id,
      baseVersion: 0,
      clientId: "test",
      operations: [{ seq: 1, operation: { kind: "setEventAttributes", eventIndex: "E1", from: { realis: "Actual" }, to: { realis: "Generic" } } }],
      userId: null,
    },
    client,
  );
  assert.equal(saved.status, "saved");

  // ann and bob annotated the clinic's article: bob calls E1 "Other".
  const annotate = async (email: string, document: CasieDocument) => {
    const { id } = await createUser({ email, name: email.split("@")[0], password: "a long password", role: "ANNOTATOR" }, client);
    const set = await client.annotationSet.create({ data: { documentId: idOf("clinic-breach"), kind: "ANNOTATOR", annotatorId: id } });
    await importIntoEmptySet(set.id, document, id, client);
  };
  await annotate("ann@example.org", clinic);
  const bobs = structuredClone(clinic);
  bobs.hoppers[0].events[0].realis = "Other";
  await annotate("bob@example.org", bobs);
});

const options = (extra: Partial<DatasetExportOptions> = {}): DatasetExportOptions => ({ client, now: NOW, ...extra });

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The zip's entries by name, in archive order. */
async function exportZip(request: ExportRequest, extra?: Partial<DatasetExportOptions>): Promise<Map<string, string>> {
  const prepared = await prepareDatasetExport({ name: PROJECT }, request, options(extra));
  const entries = await readZipEntries(await bytesOf(prepared.chunks()));
  assert.equal(entries.size, prepared.entries, "the entries announced");
  return entries;
}

const manifestOf = (entries: Map<string, string>) => JSON.parse(entries.get(MANIFEST_ENTRY)!) as ExportManifest;

test("the adjudicated gold sets: the imported file byte for byte while unchanged, the set serialized once changed, then the manifest", async () => {
  const entries = await exportZip(GOLD_ADJUDICATED);
  assert.deepEqual([...entries.keys()], ["gold/clinic-breach.json", "gold/library-phishing-pretty.json", MANIFEST_ENTRY]);
  assert.equal(entries.get("gold/clinic-breach.json"), readFixture(FIXTURE.clinicBreach));

  const library = await client.document.findFirstOrThrow({ where: { name: "library-phishing-pretty" } });
  const [stored] = await loadGoldDocuments([library.id], client);
  const changed = entries.get("gold/library-phishing-pretty.json")!;
  assert.equal(changed, serializeCasieDocument(stored.casie));
  assert.notEqual(changed, readFixture(FIXTURE.prettyPrinted));
  assert.equal(parseCasieDocument(changed, {}).document!.hoppers[0].events[0].realis, "Generic");

  const manifest = manifestOf(entries);
  const events = (casie: CasieDocument) => casie.hoppers.flatMap((hopper) => hopper.events);
  assert.deepEqual(
    { ...manifest, tagset: undefined },
    {
      hopperExport: 1,
      project: PROJECT,
      exportedAt: NOW.toISOString(),
      format: "zip",
      selection: { statuses: ["adjudicated"], sets: "gold" },
      tagset: undefined,
      counts: {
        documents: 2,
        files: 2,
        hoppers: clinic.hoppers.length + stored.casie.hoppers.length,
        events: events(clinic).length + events(stored.casie).length,
        arguments: [...events(clinic), ...events(stored.casie)].reduce((sum, event) => sum + event.arguments.length, 0),
        bySet: { gold: manifest.counts.bySet.gold },
      },
      documents: [
        { name: "clinic-breach", sourcefile: "clinic-breach.txt", status: "adjudicated", sets: ["gold"] },
        { name: "library-phishing-pretty", sourcefile: "library-phishing-pretty.txt", status: "adjudicated", sets: ["gold"] },
      ],
      agreement: null,
    },
  );
  assert.deepEqual(manifest.counts.bySet.gold, {
    files: 2,
    hoppers: manifest.counts.hoppers,
    events: manifest.counts.events,
    arguments: manifest.counts.arguments,
  });
  assert.deepEqual(manifest.tagset, projectTagset);
});

test("the status filter chooses the documents; pages of one document give the same export", async () => {
  const unassigned = await exportZip({ ...GOLD_ADJUDICATED, statuses: ["unassigned"] });
  assert.deepEqual([...unassigned.keys()], ["gold/water-utility-key-order.json", MANIFEST_ENTRY]);
  assert.equal(unassigned.get("gold/water-utility-key-order.json"), readFixture(FIXTURE.otherKeyOrder));

  const both = await exportZip({ ...GOLD_ADJUDICATED, statuses: ["adjudicated", "unassigned"] });
  const paged = await exportZip({ ...GOLD_ADJUDICATED, statuses: ["adjudicated", "unassigned"] }, { pageSize: 1 });
  assert.deepEqual(
    [...both.keys()],
    ["gold/clinic-breach.json", "gold/library-phishing-pretty.json", "gold/water-utility-key-order.json", MANIFEST_ENTRY],
  );
  assert.deepEqual(paged, both);
});

test("JSON Lines: a compact line per document and set that parses back to the zip's document, the manifest last", async () => {
  const zip = await exportZip(GOLD_ADJUDICATED);
  const prepared = await prepareDatasetExport({ name: PROJECT }, { ...GOLD_ADJUDICATED, format: "jsonl" }, options());
  assert.equal(prepared.fileName, `${PROJECT}-gold-2026-11-25.jsonl`);
  const text = (await bytesOf(prepared.chunks())).toString("utf8");
  assert.ok(text.endsWith("\n"));
  const lines = text.slice(0, -1).split("\n");
  assert.equal(lines.length, prepared.entries);
  const records = lines.slice(0, -1).map((line) => JSON.parse(line) as { name: string; set: string; document: unknown });
  assert.deepEqual(
    records.map(({ name, set }) => `${set}/${name}.json`),
    [...zip.keys()].filter((name) => name !== MANIFEST_ENTRY),
  );
  for (const record of records) {
    assert.deepEqual(record.document, JSON.parse(zip.get(`${record.set}/${record.name}.json`)!));
    assert.deepEqual(
      parseCasieDocument(JSON.stringify(record.document), {}).document!.hoppers,
      parseCasieDocument(zip.get(`gold/${record.name}.json`)!, {}).document!.hoppers,
    );
  }
  assert.ok(!lines[0].includes("\n") && !/": /.test(lines[0]), "compact");
  const { manifest } = JSON.parse(lines.at(-1)!) as { manifest: ExportManifest };
  assert.deepEqual({ ...manifest, format: "zip" }, manifestOf(zip));
});

test("chosen annotators' sets, each in its folder, with their agreement in the manifest", async () => {
  const entries = await exportZip({
    format: "zip",
    statuses: ["adjudicated"],
    sets: { kind: "annotators", emails: ["bob@example.org", "Ann@example.org"] },
  });
  assert.deepEqual([...entries.keys()], ["bob@example.org/clinic-breach.json", "ann@example.org/clinic-breach.json", MANIFEST_ENTRY]);
  const realisOf = (name: string) => parseCasieDocument(entries.get(name)!, {}).document!.hoppers[0].events[0].realis;
  assert.equal(realisOf("ann@example.org/clinic-breach.json"), "Actual");
  assert.equal(realisOf("bob@example.org/clinic-breach.json"), "Other");
  assert.deepEqual(parseCasieDocument(entries.get("ann@example.org/clinic-breach.json")!, {}).document!.hoppers, clinic.hoppers);

  const manifest = manifestOf(entries);
  assert.deepEqual(manifest.selection.sets, ["bob@example.org", "ann@example.org"]);
  assert.deepEqual(manifest.documents, [
    { name: "clinic-breach", sourcefile: "clinic-breach.txt", status: "adjudicated", sets: ["bob@example.org", "ann@example.org"] },
  ]);
  assert.equal(manifest.counts.bySet["ann@example.org"].files, 1);
  const agreement = manifest.agreement!;
  assert.deepEqual(agreement.annotators, ["ann@example.org", "bob@example.org"]);
  assert.equal(agreement.comparedDocuments, 1);
  assert.equal(agreement.f1.nuggetsExact, 1, "the same nuggets");
  assert.equal(agreement.f1.conll, 1, "the same hoppers");
  assert.deepEqual(
    agreement.pairs.map(({ key, response, documents }) => [key, response, documents]),
    [["ann@example.org", "bob@example.org", 1]],
  );
  assert.ok(agreement.alpha.realis !== null && agreement.alpha.realis < 1, "one realis differs");

  const one = manifestOf(await exportZip({ format: "zip", statuses: ["adjudicated"], sets: { kind: "annotators", emails: ["ann@example.org"] } }));
  assert.equal(one.agreement, null, "one annotator: nothing to compare");
});

test("progress is reported file by file up to the total", async () => {
  const seen: string[] = [];
  const prepared = await prepareDatasetExport(
    { name: PROJECT },
    GOLD_ADJUDICATED,
    options({ onProgress: ({ done, total }) => seen.push(`${done}/${total}`) }),
  );
  await bytesOf(prepared.chunks());
  assert.deepEqual(seen, ["1/2", "2/2"]);
});

test("refusals: an unknown project, an annotator without sets in it, nothing matching", async () => {
  const refused = (where: { name: string }, request: ExportRequest) => assert.rejects(prepareDatasetExport(where, request, options()), ExportRefusal);
  await refused({ name: "Nope" }, GOLD_ADJUDICATED);
  await assert.rejects(
    prepareDatasetExport(
      { name: PROJECT },
      { ...GOLD_ADJUDICATED, sets: { kind: "annotators", emails: ["ann@example.org", "carol@example.org"] } },
      options(),
    ),
    { name: "Error", message: /No sets of carol@example\.org in Export/ },
  );
  await assert.rejects(prepareDatasetExport({ name: PROJECT }, { ...GOLD_ADJUDICATED, statuses: ["ready-for-adjudication"] }, options()), {
    message: "Nothing to export: no document of Export is ready-for-adjudication.",
  });
  await refused({ name: PROJECT }, { ...GOLD_ADJUDICATED, statuses: [] });
  await refused({ name: PROJECT }, { ...GOLD_ADJUDICATED, statuses: ["unassigned"], sets: { kind: "annotators", emails: ["ann@example.org"] } });
});
