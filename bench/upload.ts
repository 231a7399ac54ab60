// `npm run bench` (upload): a browser's import of a 1,000-document zip, over
// HTTP against the production app (`next start`): the time from the upload's
// first byte to the report's last (target: under 5 s), next to the CLI's
// in-process import of the same files into the same database, measured in the
// same run (the least the upload must do on top of is that import).
// The zip is built here from the CASIE sample (or the project's fixtures) under
// new names, as bench/run.ts builds its corpus; nothing of it is kept.

import { mkdir, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { importFiles } from "@/lib/import/import-files";
import { importUploadUrl, type UploadEvent } from "@/lib/import/upload-protocol";
import { zipArchive } from "@/lib/import/zip-writer";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { createUser } from "@/lib/users";
import { BENCH_SECRET, describeLoad, median, runBench, startApp, type App } from "./bench-app";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
/** Runs of each import, each into a project of its own: the machine may be shared, so the median is printed. */
const RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 3);
const TARGET_MS = 5000;

/** `DOCUMENTS` CASIE files, the corpus's repeated under new sourcefiles, by file name. */
function buildCorpus(): Map<string, string> {
  const source = benchCorpus();
  console.log(describeBenchCorpus(source));
  const files = readAnnotationFiles(source.corpus);
  const corpus = new Map<string, string>();
  for (let copy = 0; corpus.size < DOCUMENTS; copy++) {
    for (const file of files) {
      if (corpus.size >= DOCUMENTS) break;
      const stem = `${path.parse(file.name).name}-${copy}`;
      corpus.set(`${stem}.json`, file.text.replace(/"sourcefile": "[^"]*"/, `"sourcefile": "${stem}.txt"`));
    }
  }
  return corpus;
}

/** Posts the zip and reads the answer to its report; milliseconds from the first byte sent to the report. */
async function upload(app: App, projectId: string, cookie: string, zip: Uint8Array<ArrayBuffer>): Promise<{ ms: number; imported: number }> {
  const started = performance.now();
  const response = await fetch(app.base + importUploadUrl(projectId, { name: "corpus.zip", target: "gold", replace: false }), {
    method: "POST",
    headers: { origin: app.base, cookie, "content-type": "application/zip" },
    body: zip,
  });
  if (response.status !== 200) throw new Error(`the upload was answered ${response.status}: ${await response.text()}`);
  const lines = (await response.text()).trim().split("\n");
  const ms = performance.now() - started;
  const last = JSON.parse(lines.at(-1)!) as UploadEvent;
  if (last.type !== "report") throw new Error(`the upload ended with ${lines.at(-1)}`);
  return { ms, imported: last.report.imported.length };
}

async function main(): Promise<void> {
  const corpus = buildCorpus();
  const encoder = new TextEncoder();
  const zip = zipArchive(
    [...corpus].map(([name, text]) => {
      const data = encoder.encode(text);
      return { name: `corpus/${name}`, data, deflated: deflateRawSync(data) };
    }),
  );
  const work = path.join(tmpdir(), `hopper-bench-upload-${process.pid}`);
  await mkdir(work, { recursive: true });
  await Promise.all([...corpus].map(([name, text]) => writeFile(path.join(work, name), text)));

  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  let app: App | undefined;
  try {
    const admin = await createUser(
      { email: "admin@bench.test", name: "Admin", password: "bench-password-not-for-production", role: "ADMIN" },
      client,
    );
    const cookie = `next-auth.session-token=${await encode({ token: { sub: admin.id }, secret: BENCH_SECRET })}`;
    app = await startApp(database.url);
    const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    const textBytes = [...corpus.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    console.log(
      `upload of ${corpus.size} documents (${megabytes(zip.length)} zip, ${megabytes(textBytes)} inflated) over HTTP against next start ` +
        `(${app.built ? "built first" : "build up to date"}), ${server.embedded ? "embedded PostgreSQL" : "DATABASE_URL's server"}`,
    );

    // One upload first, so that the route is compiled and connections are open: not timed.
    const warmUp = await findOrCreateProject("warm-up", client);
    await upload(app, warmUp.id, cookie, zipArchive([{ name: "one.json", data: encoder.encode(corpus.values().next().value) }]));

    const uploads: number[] = [];
    const baselines: number[] = [];
    const loadBefore = loadavg();
    for (let run = 0; run < RUNS; run++) {
      const project = await findOrCreateProject(`upload-${run}`, client);
      const { ms, imported } = await upload(app, project.id, cookie, zip);
      if (imported !== corpus.size) throw new Error(`the upload imported ${imported} of ${corpus.size} documents`);
      uploads.push(ms);

      const started = performance.now();
      const report = await importFiles([work], { projectName: `cli-${run}`, client });
      baselines.push(performance.now() - started);
      if (report.imported.length !== corpus.size) throw new Error(`the CLI's import imported ${report.imported.length} of ${corpus.size} documents`);
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const upload1 = median(uploads);
    const baseline = median(baselines);
    console.log(`median of ${RUNS} runs, each into a new project:`);
    console.log(
      `  upload start → report: ${seconds(upload1)}  target: under ${seconds(TARGET_MS)}, ${upload1 < TARGET_MS ? "met" : `missed by ${seconds(upload1 - TARGET_MS)}`}`,
    );
    console.log(
      `  baseline, the CLI's in-process import of the same files: ${seconds(baseline)}  (upload ${(upload1 / baseline).toFixed(2)}× baseline)`,
    );
    console.log(`  every run, upload: ${uploads.map(seconds).join(", ")}; baseline: ${baselines.map(seconds).join(", ")}`);
    console.log(describeLoad(loadBefore, loadavg()));
  } finally {
    await app?.stop();
    await client.$disconnect();
    await database.drop();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

runBench(main);
