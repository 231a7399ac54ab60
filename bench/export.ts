// `npm run bench` (export): the zip export of projects of 1,000 and 5,000
// adjudicated documents (the bench corpus repeated under new names, imported as
// gold sets, a tenth of them changed by a save so they are serialized rather
// than copied), written to a file as `hopper export --format zip` writes it. Prints
// each export's time and its peak memory (the heap and buffers in use, sampled
// every few milliseconds, above what was in use before it began; and the
// process's peak RSS), the 5,000/1,000 memory ratio, and next to them the time of
// `hopper export --format dir` of the same 1,000 documents measured in the same
// run. Targets: 1,000 documents under 3 s; peak memory at 5,000 at most 1.5× that at 1,000.

import { createWriteStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { prepareDatasetExport } from "@/lib/export/dataset-export";
import { exportProject } from "@/lib/export/export-project";
import { importFiles } from "@/lib/import/import-files";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { describeLoad, median, runBench } from "./bench-app";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";

const SIZES = [1000, 5000];
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const TARGET_MS = 3000;
const TARGET_MEMORY_RATIO = 1.5;
const SAMPLE_MS = 5;

/** `count` CASIE files, the corpus's repeated under new sourcefiles, written into `dir`. */
async function writeCorpus(dir: string, count: number): Promise<void> {
  const files = readAnnotationFiles(benchCorpus().corpus);
  await mkdir(dir, { recursive: true });
  const writes: Promise<void>[] = [];
  for (let n = 0; n < count; n++) {
    const file = files[n % files.length];
    const stem = `${path.parse(file.name).name}-${Math.floor(n / files.length)}`;
    writes.push(writeFile(path.join(dir, `${stem}.json`), file.text.replace(/"sourcefile": "[^"]*"/, `"sourcefile": "${stem}.txt"`)));
  }
  await Promise.all(writes);
}

/** Every gold set adjudicated; every tenth one changed (its version raised), so it is serialized from its rows. */
async function adjudicate(projectName: string, client: Database): Promise<void> {
  await client.pool.query(
    `UPDATE "AnnotationSet" s SET "status" = 'ADJUDICATED', "version" = CASE WHEN d."name" LIKE '%0' THEN 1 ELSE 0 END
       FROM "Document" d JOIN "Project" p ON p."id" = d."projectId" WHERE s."documentId" = d."id" AND s."kind" = 'GOLD' AND p."name" = $1`,
    [projectName],
  );
}

interface Measurement {
  ms: number;
  /** Heap and buffers in use above the level before the export. */
  peakBytes: number;
  peakRss: number;
  zipBytes: number;
}

/** The bytes in use: the JavaScript heap and the buffers outside it (zlib's, the chunks'). */
const inUse = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external + usage.arrayBuffers;
};

async function measureZipExport(projectName: string, out: string, client: Database): Promise<Measurement> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = inUse();
  let peak = baseline;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, inUse());
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, SAMPLE_MS);
  const started = performance.now();
  try {
    const prepared = await prepareDatasetExport(
      { name: projectName },
      { format: "zip", statuses: ["adjudicated"], sets: { kind: "gold" } },
      { client },
    );
    await pipeline(Readable.from(prepared.chunks()), createWriteStream(out));
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  return { ms, peakBytes: Math.max(peak, inUse()) - baseline, peakRss, zipBytes: (await stat(out)).size };
}

async function main(): Promise<void> {
  console.log(describeBenchCorpus(benchCorpus()));
  if (!(globalThis as { gc?: () => void }).gc) console.log("(run with --expose-gc for a settled heap before each export)");
  const work = path.join(tmpdir(), `hopper-bench-export-${process.pid}`);
  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  try {
    for (const size of SIZES) {
      await writeCorpus(path.join(work, `corpus-${size}`), size);
      const report = await importFiles([path.join(work, `corpus-${size}`)], { projectName: `export-${size}`, client });
      if (report.imported.length !== size) throw new Error(`imported ${report.imported.length} of ${size} documents`);
      await adjudicate(`export-${size}`, client);
    }
    // One export first, so that connections are open and code is compiled: not timed.
    await measureZipExport(`export-${SIZES[0]}`, path.join(work, "warm-up.zip"), client);

    const loadBefore = loadavg();
    const results = new Map<number, Measurement[]>();
    const baselines: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const size of SIZES) {
        const measured = await measureZipExport(`export-${size}`, path.join(work, `export-${size}.zip`), client);
        results.set(size, [...(results.get(size) ?? []), measured]);
      }
      const started = performance.now();
      await exportProject(`export-${SIZES[0]}`, path.join(work, `dir-${run}`), { client });
      baselines.push(performance.now() - started);
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log(`zip export of the adjudicated gold sets (a tenth serialized, the rest as imported), median of ${RUNS} runs:`);
    const peaks = new Map<number, number>();
    for (const size of SIZES) {
      const runs = results.get(size)!;
      const ms = median(runs.map((run) => run.ms));
      const peak = median(runs.map((run) => run.peakBytes));
      peaks.set(size, peak);
      console.log(
        `  ${size.toLocaleString("en")} documents: ${seconds(ms)}, peak memory ${megabytes(peak)} above the start ` +
          `(peak RSS ${megabytes(Math.max(...runs.map((run) => run.peakRss)))}), zip ${megabytes(runs[0].zipBytes)}`,
      );
    }
    const first = median(results.get(SIZES[0])!.map((run) => run.ms));
    console.log(
      `  target: ${SIZES[0].toLocaleString("en")} documents under ${seconds(TARGET_MS)}, ${first < TARGET_MS ? "met" : `missed by ${seconds(first - TARGET_MS)}`}`,
    );
    const ratio = peaks.get(SIZES[1])! / peaks.get(SIZES[0])!;
    console.log(
      `  peak memory ${SIZES[1].toLocaleString("en")}/${SIZES[0].toLocaleString("en")}: ${ratio.toFixed(2)}×  target: at most ${TARGET_MEMORY_RATIO}×, ${ratio <= TARGET_MEMORY_RATIO ? "met" : "missed"}`,
    );
    const baseline = median(baselines);
    console.log(
      `  baseline, hopper export --format dir of the same ${SIZES[0].toLocaleString("en")} documents: ${seconds(baseline)} (zip ${(first / baseline).toFixed(2)}× baseline)`,
    );
    console.log(describeLoad(loadBefore, loadavg()));
  } finally {
    await client.$disconnect();
    await database.drop();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

runBench(main);
