// `npm run bench`: import and export of a corpus of at least 1,000 documents
// (the CASIE sample, or the project's fixtures without it, repeated under new
// names), next to the cost of plain JSON.parse + JSON.stringify of the same
// files measured in the same run; then the CLI's import and export as a user
// runs them (wall clock, process start included) next to PostgreSQL's COPY of
// the same files into and out of the same database, each against its target.

import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { exportProject } from "@/lib/export/export-project";
import { BATCHES_IN_FLIGHT, importFiles } from "@/lib/import/import-files";
import { readAnnotationFiles, type CasieCorpus } from "@/lib/testing/casie-corpus";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";
import { runCli } from "./cli-run";
import { copyFilesIn, copyFilesOut } from "./copy-baseline";

const TARGET_DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
/** Runs of each CLI command: the machine may be shared, so the median is printed. */
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 5);
/** Issue 7's targets for the CLI, wall clock for 1,000 documents. */
const CLI_IMPORT_TARGET_MS = 2000;
const CLI_EXPORT_TARGET_MS = 1000;

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function countIdentical(corpus: Map<string, string>, dir: string): Promise<number> {
  let identical = 0;
  for (const [name, text] of corpus) if ((await readFile(path.join(dir, name), "utf8").catch(() => null)) === text) identical++;
  return identical;
}

/**
 * The CLI as a user runs it, `npm run hopper -- import|export`, each run on a
 * fresh database of the test server, beside COPY of the same files in and out
 * of that database; medians of CLI_RUNS runs.
 */
async function benchCli(corpus: Map<string, string>, input: string, work: string) {
  const names = [...corpus.keys()];
  const cliOut = path.join(work, "cli-out");
  const copyOut = path.join(work, "copy-out");
  const loadBefore = loadavg()[0];
  // The first run builds the CLI's bundle when its sources changed: not part of what is timed.
  await runCli(["help"], process.env);
  const times = { start: [] as number[], import: [] as number[], export: [] as number[], copyIn: [] as number[], copyOut: [] as number[] };
  let identical = 0;
  for (let run = 0; run < CLI_RUNS; run++) {
    const database = await createTestDatabase();
    const env = { ...process.env, DATABASE_URL: database.url };
    try {
      times.start.push((await runCli(["help"], env)).ms);
      const imported = await runCli(["import", input, "--project", "cli"], env);
      if (!imported.stdout.includes(`Imported ${corpus.size.toLocaleString("en")} documents`))
        throw new Error(`the CLI's import:\n${imported.stdout}`);
      times.import.push(imported.ms);
      await rm(cliOut, { recursive: true, force: true });
      times.export.push((await runCli(["export", "--project", "cli", "--out", cliOut], env)).ms);
      if (run === 0) identical = await countIdentical(corpus, cliOut);
      times.copyIn.push(await copyFilesIn(database.url, input, names));
      await rm(copyOut, { recursive: true, force: true });
      await mkdir(copyOut);
      times.copyOut.push(await copyFilesOut(database.url, copyOut));
      if (run === 0 && (await countIdentical(corpus, copyOut)) !== corpus.size) throw new Error("COPY out did not give the files back");
    } finally {
      await database.drop();
    }
  }
  const n = corpus.size;
  const scaled = (ms: number) => (ms * n) / 1000;
  const line = (label: string, ms: number, copyLabel: string, copyMs: number, targetMs: number) =>
    `  ${label}: ${seconds(ms)}  ${copyLabel}: ${seconds(copyMs)} (CLI ${(ms / copyMs).toFixed(1)}× COPY)  ` +
    `target: at most ${seconds(scaled(targetMs))}, ${ms <= scaled(targetMs) ? "met" : `missed by ${seconds(ms - scaled(targetMs))}`}`;
  console.log(
    `CLI as a user runs it (npm run hopper, wall clock with process start), median of ${CLI_RUNS} runs, ` +
      `load average ${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after on ${cpus().length} cores:`,
  );
  console.log(`  start alone (hopper help): ${seconds(median(times.start))}`);
  console.log(line("import", median(times.import), "COPY in", median(times.copyIn), CLI_IMPORT_TARGET_MS));
  console.log(line("export", median(times.export), "COPY out", median(times.copyOut), CLI_EXPORT_TARGET_MS));
  console.log(`  every run, import: ${times.import.map(seconds).join(", ")}; export: ${times.export.map(seconds).join(", ")}`);
  console.log(`  byte-identical CLI re-exports: ${identical} of ${n}`);
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
  // Import and export need only plain pg connections, as the CLI gives them.
  const pool = new pg.Pool({ connectionString: database.url, max: BATCHES_IN_FLIGHT });
  const client = { pool };
  try {
    start = performance.now();
    const report = await importFiles([input], { projectName: "bench", client });
    const importMs = performance.now() - start;
    if (report.imported.length !== corpus.size) throw new Error(`imported ${report.imported.length} of ${corpus.size}: ${report.skipped[0]?.reason}`);

    start = performance.now();
    await exportProject("bench", output, { client });
    const exportMs = performance.now() - start;

    const identical = await countIdentical(corpus, output);

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

    await benchCli(corpus, input, work);
  } finally {
    await pool.end();
    await database.drop();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).stack}`);
  process.exit(1);
});
