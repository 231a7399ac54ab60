// `npm run bench`: import and export of a corpus of at least 1,000 documents
// (the CASIE sample, or the project's fixtures without it, repeated under new
// names), next to the cost of plain JSON.parse + JSON.stringify of the same
// files measured in the same run.

import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { exportProject } from "@/lib/export/export-project";
import { importFiles } from "@/lib/import/import-files";
import { readAnnotationFiles, type CasieCorpus } from "@/lib/testing/casie-corpus";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";

const TARGET_DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);

async function buildCorpus(documents: CasieCorpus, dir: string): Promise<Map<string, string>> {
  const files = readAnnotationFiles(documents);
  if (!files.length) throw new Error(`no documents in ${documents.annotationDir}`);
  const names = files.map((file) => file.name);
  const sources = files.map((file) => file.text);
  const corpus = new Map<string, string>();
  for (let copy = 0; corpus.size < TARGET_DOCUMENTS; copy++) {
    names.forEach((name, i) => {
      if (corpus.size >= TARGET_DOCUMENTS) return;
      const stem = `${path.parse(name).name}-${copy}`;
      // Only the sourcefile changes, so every copy is a distinct document with the original's bytes otherwise.
      corpus.set(`${stem}.json`, sources[i].replace(/"sourcefile": "[^"]*"/, `"sourcefile": "${stem}.txt"`));
    });
  }
  await mkdir(dir, { recursive: true });
  await Promise.all([...corpus].map(([name, text]) => writeFile(path.join(dir, name), text)));
  return corpus;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function main() {
  const work = path.join(tmpdir(), `hopper-bench-${process.pid}`);
  const input = path.join(work, "in");
  const output = path.join(work, "out");
  const source = benchCorpus();
  console.log(describeBenchCorpus(source));
  const corpus = await buildCorpus(source.corpus, input);
  const megabytes = [...corpus.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;

  // Baseline: the least any JSON tool must do with these files.
  const files = [...corpus.values()];
  let start = performance.now();
  for (const text of files) JSON.stringify(JSON.parse(text));
  const baselineMs = performance.now() - start;

  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  try {
    start = performance.now();
    const report = await importFiles([input], { projectName: "bench", client });
    const importMs = performance.now() - start;
    if (report.imported.length !== corpus.size) throw new Error(`imported ${report.imported.length} of ${corpus.size}: ${report.skipped[0]?.reason}`);

    start = performance.now();
    await exportProject("bench", output, { client });
    const exportMs = performance.now() - start;

    let identical = 0;
    for (const [name, text] of corpus) if ((await readFile(path.join(output, name), "utf8")) === text) identical++;

    const n = corpus.size;
    const rate = (ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en")} docs/s`;
    console.log(`corpus: ${n} documents, ${megabytes.toFixed(1)} MB (${server.embedded ? "embedded PostgreSQL" : "DATABASE_URL's server"})`);
    console.log(`baseline JSON.parse + JSON.stringify: ${seconds(baselineMs)}  ${rate(baselineMs)}`);
    console.log(
      `import: ${seconds(importMs)}  ${rate(importMs)}  ${(importMs / baselineMs).toFixed(0)}× baseline  (target: 1,000 documents under 10 s)`,
    );
    console.log(
      `export: ${seconds(exportMs)}  ${rate(exportMs)}  ${(exportMs / baselineMs).toFixed(0)}× baseline  (target: 1,000 documents under 3 s)`,
    );
    console.log(`byte-identical re-exports: ${identical} of ${n}`);
  } finally {
    await client.$disconnect();
    await database.drop();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).stack}`);
  process.exit(1);
});
