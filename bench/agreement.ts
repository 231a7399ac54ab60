// `npm run bench` (agreement): a project of 1,000 documents annotated by 3
// annotators, made from the bench corpus (the CASIE sample, else the fixtures)
// repeated under new sourcefiles: the first annotator's sets are the documents'
// own annotations, the others perturbed copies (nuggets dropped, shifted, given
// another subtype or realis; arguments dropped or given another role; events
// moved to other hoppers). Times the project's agreement (every pair of every
// document, Krippendorff's units, the report's figures) two ways, in the same run:
//   - in memory, next to JSON.stringify of the same sets;
//   - from the database, as the agreement page and `hopper agreement` read it
//     (loadAgreementReport: the sets read batch by batch, then the same figures),
//     the project stored first in a fresh database (bench/annotated-project.ts);
//     and `hopper agreement` once, in a process of its own (start included).
// Target: under 5 s. Medians; the first, cold run apart.

import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_AGREEMENT_QUERY } from "@/lib/agreement/agreement-query";
import { agreementReport, type AgreementReport } from "@/lib/agreement/agreement-report";
import { formatFigure } from "@/lib/agreement/format-agreement";
import { projectAgreement, type DocumentSets } from "@/lib/agreement/project-agreement";
import { loadAgreementReport } from "@/lib/agreement/project-agreement-report";
import { parseCasieDocument } from "@/lib/casie/parse";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { storeAnnotatedProject, type AnnotatedDocument } from "./annotated-project";
import { describeLoad, median, runBench } from "./bench-app";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";
import { runCli } from "./cli-run";
import { perturbed, randomSource } from "./perturbed-sets";

const DOCUMENTS = Number(process.env.BENCH_AGREEMENT_DOCUMENTS ?? 1000);
const ANNOTATORS = 3;
const RUNS = Number(process.env.BENCH_AGREEMENT_RUNS ?? 5);
/** Fewer from the database, each several seconds: the bench stays under two minutes. */
const DATABASE_RUNS = Number(process.env.BENCH_AGREEMENT_DATABASE_RUNS ?? 3);
const TARGET_MS = 5000;
const PROJECT = "Agreement bench";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ms: number) => (ms <= TARGET_MS ? "met" : "MISSED");

/** The report's headline figures, as the bench prints them: the database's must be the memory's. */
function figures(report: AgreementReport): string {
  const total = report.total;
  return (
    `nugget F1 ${formatFigure(total.nuggets.exact.f1)} (overlap ${formatFigure(total.nuggets.overlap.f1)}), ` +
    `argument F1 ${formatFigure(total.arguments.spanRole.f1)}, CoNLL ${formatFigure(total.coreference.all.conll)}, ` +
    `subtype κ ${formatFigure(total.decisions.subtype.kappa)}, subtype α ${formatFigure(report.alpha.subtype.alpha)}`
  );
}

/** The corpus repeated to `count` documents, each with its annotators' sets. */
function annotatedDocuments(count: number): AnnotatedDocument[] {
  const originals = readAnnotationFiles(benchCorpus().corpus).map(
    ({ name, text }) => parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name }).document!,
  );
  const random = randomSource(42);
  return Array.from({ length: count }, (_, n) => {
    const original = originals[n % originals.length];
    const document = { ...original, sourcefile: `${path.parse(original.sourcefile).name}-${Math.floor(n / originals.length)}.txt` };
    const sets = [document];
    for (let a = 2; a <= ANNOTATORS; a++) sets.push({ ...document, hoppers: perturbed(document.hoppers, random) });
    return { name: `document-${n}`, sets };
  });
}

async function timed(runs: number, work: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  console.log(describeBenchCorpus(benchCorpus()));
  const annotated = annotatedDocuments(DOCUMENTS);
  const documents: DocumentSets[] = annotated.map(({ name, sets }, n) => ({
    documentId: String(n),
    name,
    sets: sets.map((set, a) => ({ annotator: `annotator-${a + 1}`, hoppers: set.hoppers })),
  }));
  const events = annotated.reduce(
    (total, { sets }) => total + sets.reduce((sum, set) => sum + set.hoppers.reduce((s, h) => s + h.events.length, 0), 0),
    0,
  );

  const loadBefore = loadavg();
  let started = performance.now();
  // The first run, as the CLI makes it once: the code is not optimized yet.
  const report = agreementReport("bench", projectAgreement(documents));
  const cold = performance.now() - started;
  const baselines: number[] = [];
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baselines.push(...(await timed(1, () => JSON.stringify(documents))));
    times.push(...(await timed(1, () => agreementReport("bench", projectAgreement(documents)))));
  }
  const time = median(times);
  const baseline = median(baselines);
  console.log(
    `agreement: ${DOCUMENTS} documents × ${ANNOTATORS} annotators (${events} events, ${report.pairs.length} pairs), median of ${RUNS} runs on ${cpus().length} cores:`,
  );
  console.log(
    `  in memory: ${seconds(time)} (target ${verdict(time)}); JSON.stringify of the same sets: ${seconds(baseline)}, ratio ${(time / baseline).toFixed(1)}×`,
  );
  console.log(`    first run (cold): ${seconds(cold)} (target ${verdict(cold)}); every run: ${times.map(seconds).join(", ")}`);
  console.log(`    figures: ${figures(report)}`);
  console.log(`    ${describeLoad(loadBefore, loadavg())}`);

  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  try {
    const filling = performance.now();
    const project = await storeAnnotatedProject(PROJECT, annotated, client);
    const filled = performance.now() - filling;
    const loadBeforeDatabase = loadavg();
    started = performance.now();
    const stored = await loadAgreementReport(project, DEFAULT_AGREEMENT_QUERY, client);
    const coldStored = performance.now() - started;
    const storedTimes = await timed(DATABASE_RUNS, () => loadAgreementReport(project, DEFAULT_AGREEMENT_QUERY, client));
    const cli = await runCli(["agreement", "--project", PROJECT, "--json"], { ...process.env, DATABASE_URL: database.url });
    const cliCompared = (JSON.parse(cli.stdout) as AgreementReport).comparedDocuments;
    const storedTime = median(storedTimes);
    console.log(
      `  from the database, median of ${DATABASE_RUNS} runs (${server.embedded ? "embedded PostgreSQL" : "DATABASE_URL's server"}; ${stored.comparedDocuments} documents compared, stored in ${seconds(filled)}):`,
    );
    console.log(
      `    loadAgreementReport (the page's, the CLI's): ${seconds(storedTime)} (target ${verdict(storedTime)}), ` +
        `${(storedTime / time).toFixed(1)}× in memory, so reading the sets costs ${seconds(storedTime - time)}`,
    );
    console.log(`    first run: ${seconds(coldStored)} (target ${verdict(coldStored)}); every run: ${storedTimes.map(seconds).join(", ")}`);
    console.log(
      `    hopper agreement --json (its own process, start included, cold): ${seconds(cli.ms)} (target ${verdict(cli.ms)}), ` +
        `${(cli.stdout.length / 1024).toFixed(0)} KiB, ${cliCompared === stored.comparedDocuments ? "the same documents compared" : `DIFFERENT: ${cliCompared} documents compared`}`,
    );
    console.log(`    figures: ${figures(stored) === figures(report) ? "the same as in memory" : `DIFFERENT: ${figures(stored)}`}`);
    console.log(`    ${describeLoad(loadBeforeDatabase, loadavg())}`);
  } finally {
    await client.$disconnect();
    await database.drop();
    await server.stop();
  }
}

runBench(main);
