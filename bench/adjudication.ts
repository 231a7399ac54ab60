// `npm run bench` (adjudication): the adjudication view of the bench corpus's
// largest document (the CASIE sample's, else the fixtures') annotated by 3
// annotators (its own annotations and two perturbed copies, as bench/agreement.ts
// makes them), ready to show (target: under 1 s), two ways, in the same run:
//   - in memory: the disagreements, the agreed gold, the gold's versions and the
//     text's marks, computed as the page's server and client compute them, next
//     to a JSON round trip of the same sets (what shipping them costs at the least);
//   - from the database, the sets stored submitted and assigned in a fresh one
//     (bench/annotated-project.ts): openAdjudication for a reviewer (the sets and
//     the gold read, the disagreements found, the decisions read), then the
//     marks. The first open of a document also starts its gold with the agreed
//     part, a save: timed on copies of the document; the warm opens on one.
// Medians; the first, cold run apart.

import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { adjudicationState } from "@/lib/adjudication/adjudication-state";
import { findDisagreements } from "@/lib/adjudication/disagreements";
import type { AnnotatorSet } from "@/lib/adjudication/event-rows";
import { agreedGoldOperations } from "@/lib/adjudication/gold-operations";
import { itemMarks, markedSegments } from "@/lib/adjudication/text-marks";
import { openAdjudication, type AdjudicationResult } from "@/lib/adjudication-store/adjudication-store";
import { EMPTY_NUMBERING } from "@/lib/annotation/index-allocation";
import { applyOperations } from "@/lib/annotation/operation-kinds";
import { parseCasieDocument } from "@/lib/casie/parse";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { storeAnnotatedProject } from "./annotated-project";
import { describeLoad, median, runBench } from "./bench-app";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";
import { perturbed, randomSource } from "./perturbed-sets";

const ANNOTATORS = 3;
const RUNS = Number(process.env.BENCH_ADJUDICATION_RUNS ?? 7);
const TARGET_MS = 1000;
/** Copies of the document in the database: one first open each, the first of them cold. */
const COPIES = RUNS + 1;

const eventCount = (document: CasieDocument) => document.hoppers.reduce((sum, hopper) => sum + hopper.events.length, 0);

/** What the page needs before it shows anything: the model, the gold started with the agreed part, the gold's versions and the marks. */
function adjudicationView(sets: AnnotatorSet[], empty: CasieDocument) {
  const model = findDisagreements(sets);
  const gold = applyOperations(empty, agreedGoldOperations(model, empty, EMPTY_NUMBERING));
  const state = adjudicationState(model, gold, []);
  const segments = markedSegments(gold.content.length, itemMarks(state.items, state.rows));
  return { state, segments };
}

/** The view from the database: the adjudication as the page's server reads it, then the marks its client computes. */
async function openedView(open: () => Promise<AdjudicationResult>) {
  const opened = await open();
  if (!opened.ok) throw new Error(`the adjudication did not open: ${opened.message}`);
  const { state, gold } = opened.adjudication;
  return { state, segments: markedSegments(gold.content.length, itemMarks(state.items, state.rows)), goldVersion: opened.adjudication.goldVersion };
}

const milliseconds = (ms: number) => `${ms.toFixed(1)} ms`;
const verdict = (ms: number) => (ms <= TARGET_MS ? "met" : "MISSED");

async function main(): Promise<void> {
  const source = benchCorpus();
  console.log(describeBenchCorpus(source));
  const documents = readAnnotationFiles(source.corpus).map(
    ({ name, text }) => parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name }).document!,
  );
  const largest = documents.reduce((a, b) => (eventCount(b) > eventCount(a) ? b : a));
  const random = randomSource(7);
  const sets: AnnotatorSet[] = [{ annotatorId: "annotator-1", name: "annotator-1", document: largest }];
  for (let a = 2; a <= ANNOTATORS; a++) {
    sets.push({ annotatorId: `annotator-${a}`, name: `annotator-${a}`, document: { ...largest, hoppers: perturbed(largest.hoppers, random) } });
  }
  const empty: CasieDocument = { content: largest.content, sourcefile: largest.sourcefile, hoppers: [] };

  const loadBefore = loadavg();
  let started = performance.now();
  const { state, segments } = adjudicationView(sets, empty);
  const cold = performance.now() - started;
  const times: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    JSON.parse(JSON.stringify(sets));
    baselines.push(performance.now() - started);
    started = performance.now();
    adjudicationView(sets, empty);
    times.push(performance.now() - started);
  }
  const time = median(times);
  const baseline = median(baselines);
  console.log(
    `adjudication: ${largest.sourcefile} (${largest.content.length} characters) × ${ANNOTATORS} annotators ` +
      `(${sets.map((set) => eventCount(set.document)).join(" + ")} events; ${state.items.length} disagreements, ${segments.length} text segments), ` +
      `median of ${RUNS} runs on ${cpus().length} cores:`,
  );
  console.log(
    `  in memory, view ready: ${milliseconds(time)} (target ${TARGET_MS} ms: ${verdict(time)}); ` +
      `JSON round trip of the same sets: ${milliseconds(baseline)}, ratio ${(time / baseline).toFixed(1)}×`,
  );
  console.log(`    first run (cold): ${milliseconds(cold)} (target ${verdict(cold)}); ${describeLoad(loadBefore, loadavg())}`);

  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  try {
    const stem = path.parse(largest.sourcefile).name;
    const copies = Array.from({ length: COPIES }, (_, n) => {
      const sourcefile = `${stem}-${n}.txt`;
      return { name: `${stem}-${n}`, sets: sets.map((set) => ({ ...set.document, sourcefile })) };
    });
    const project = await storeAnnotatedProject("Adjudication bench", copies, client);
    const open = (documentId: string) => () => openAdjudication(project.reviewer, documentId, client);
    const loadBeforeDatabase = loadavg();
    const [coldDocument, ...others] = project.documentIds;
    started = performance.now();
    const first = await openedView(open(coldDocument));
    const coldFirst = performance.now() - started;
    const firstOpens: number[] = [];
    for (const documentId of others) {
      started = performance.now();
      await openedView(open(documentId));
      firstOpens.push(performance.now() - started);
    }
    const warmOpens: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      await openedView(open(coldDocument));
      warmOpens.push(performance.now() - started);
    }
    const firstOpen = median(firstOpens);
    const warmOpen = median(warmOpens);
    console.log(
      `  from the database (${server.embedded ? "embedded PostgreSQL" : "DATABASE_URL's server"}; ${first.state.items.length} disagreements, ` +
        `${first.segments.length} text segments${first.state.items.length === state.items.length ? ", as in memory" : `, DIFFERENT from memory's ${state.items.length}`}), ` +
        `openAdjudication for a reviewer and the marks:`,
    );
    console.log(
      `    first open (the gold started with the agreed part, version ${first.goldVersion}): ${milliseconds(firstOpen)} median of ${firstOpens.length} documents ` +
        `(target ${verdict(firstOpen)}), ${(firstOpen / time).toFixed(1)}× in memory; the first of all (cold): ${milliseconds(coldFirst)} (target ${verdict(coldFirst)})`,
    );
    console.log(
      `    warm open: ${milliseconds(warmOpen)} median of ${RUNS} (target ${verdict(warmOpen)}), ${(warmOpen / time).toFixed(1)}× in memory; ` +
        `every open: ${warmOpens.map((ms) => ms.toFixed(0)).join(", ")} ms`,
    );
    console.log(`    ${describeLoad(loadBeforeDatabase, loadavg())}`);
  } finally {
    await client.$disconnect();
    await database.drop();
    await server.stop();
  }
}

runBench(main);
