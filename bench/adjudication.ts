// `npm run bench` (adjudication): the adjudication view of the bench corpus's
// largest document (the CASIE sample's, else the fixtures') annotated by 3
// annotators (its own annotations and two perturbed copies, as bench/agreement.ts
// makes them): the disagreements, the agreed gold, the gold's versions and the
// text's marks, computed as the page's server and client compute them (target:
// ready under 1 s), next to a JSON round trip of the same sets (what shipping
// them costs at the least), measured in the same run; the first, cold run apart.
// The database reads are the set reads every page makes and are not counted here.

import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { adjudicationState } from "@/lib/adjudication/adjudication-state";
import { findDisagreements } from "@/lib/adjudication/disagreements";
import type { AnnotatorSet } from "@/lib/adjudication/event-rows";
import { agreedGoldOperations } from "@/lib/adjudication/gold-operations";
import { itemMarks, markedSegments } from "@/lib/adjudication/text-marks";
import { EMPTY_NUMBERING } from "@/lib/annotation/index-allocation";
import { applyOperations } from "@/lib/annotation/operation-kinds";
import { parseCasieDocument } from "@/lib/casie/parse";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { median } from "./bench-app";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";
import { perturbed, randomSource } from "./perturbed-sets";

const ANNOTATORS = 3;
const RUNS = Number(process.env.BENCH_ADJUDICATION_RUNS ?? 7);
const TARGET_MS = 1000;

const eventCount = (document: CasieDocument) => document.hoppers.reduce((sum, hopper) => sum + hopper.events.length, 0);

/** What the page needs before it shows anything: the model, the gold started with the agreed part, the gold's versions and the marks. */
function adjudicationView(sets: AnnotatorSet[], empty: CasieDocument) {
  const model = findDisagreements(sets);
  const gold = applyOperations(empty, agreedGoldOperations(model, empty, EMPTY_NUMBERING));
  const state = adjudicationState(model, gold, []);
  const segments = markedSegments(gold.content.length, itemMarks(state.items, state.rows));
  return { state, segments };
}

function main() {
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

  const loadBefore = loadavg()[0];
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
      `median of ${RUNS} runs, load average ${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after on ${cpus().length} cores:`,
  );
  console.log(
    `  view ready: ${time.toFixed(1)} ms (target ${TARGET_MS} ms: ${time <= TARGET_MS ? "met" : "MISSED"}); ` +
      `JSON round trip of the same sets: ${baseline.toFixed(1)} ms, ratio ${(time / baseline).toFixed(1)}×`,
  );
  console.log(`  first run (cold): ${cold.toFixed(1)} ms (target ${cold <= TARGET_MS ? "met" : "MISSED"})`);
}

main();
