// `npm run bench` (agreement): a project of 1,000 documents annotated by 3
// annotators, built in memory from the bench corpus (the CASIE sample, else the
// fixtures): the first annotator's sets are the documents' own annotations, the
// others perturbed copies (nuggets dropped, shifted, given another subtype or
// realis; arguments dropped or given another role; events moved to other
// hoppers). Times the project's agreement (every pair of every document,
// Krippendorff's units, the report's figures) against the target, next to
// JSON.stringify of the same sets, measured in the same run; the first, cold run apart.

import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { agreementReport } from "@/lib/agreement/agreement-report";
import type { AnnotatorSet } from "@/lib/agreement/document-agreement";
import { projectAgreement, type DocumentSets } from "@/lib/agreement/project-agreement";
import { formatFigure } from "@/lib/agreement/format-agreement";
import { parseCasieDocument } from "@/lib/casie/parse";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";
import { perturbed, randomSource } from "./perturbed-sets";

const DOCUMENTS = Number(process.env.BENCH_AGREEMENT_DOCUMENTS ?? 1000);
const ANNOTATORS = 3;
const RUNS = Number(process.env.BENCH_AGREEMENT_RUNS ?? 5);
const TARGET_MS = 5000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main() {
  const source = benchCorpus();
  console.log(describeBenchCorpus(source));
  const originals = readAnnotationFiles(source.corpus).map(
    ({ name, text }) => parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name }).document!.hoppers,
  );
  const random = randomSource(42);
  const documents: DocumentSets[] = [];
  for (let n = 0; n < DOCUMENTS; n++) {
    const hoppers = originals[n % originals.length];
    const sets: AnnotatorSet[] = [{ annotator: "annotator-1", hoppers }];
    for (let a = 2; a <= ANNOTATORS; a++) sets.push({ annotator: `annotator-${a}`, hoppers: perturbed(hoppers, random) });
    documents.push({ documentId: String(n), name: `document-${n}`, sets });
  }
  const events = documents.reduce(
    (total, document) => total + document.sets.reduce((sum, set) => sum + set.hoppers.reduce((s, h) => s + h.events.length, 0), 0),
    0,
  );

  const loadBefore = loadavg()[0];
  let started = performance.now();
  // The first run, as the CLI makes it once: the code is not optimized yet.
  const report = agreementReport("bench", projectAgreement(documents));
  const cold = performance.now() - started;
  const times: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    JSON.stringify(documents);
    baselines.push(performance.now() - started);
    started = performance.now();
    agreementReport("bench", projectAgreement(documents));
    times.push(performance.now() - started);
  }
  const time = median(times);
  const baseline = median(baselines);
  console.log(
    `agreement: ${DOCUMENTS} documents × ${ANNOTATORS} annotators (${events} events, ${report.pairs.length} pairs), median of ${RUNS} runs, ` +
      `load average ${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after on ${cpus().length} cores:`,
  );
  console.log(
    `  project agreement: ${(time / 1000).toFixed(2)} s (target ${(TARGET_MS / 1000).toFixed(0)} s: ${time <= TARGET_MS ? "met" : "MISSED"}); ` +
      `JSON.stringify of the same sets: ${(baseline / 1000).toFixed(2)} s, ratio ${(time / baseline).toFixed(1)}×`,
  );
  console.log(`  first run (cold, as the CLI runs it): ${(cold / 1000).toFixed(2)} s (target ${cold <= TARGET_MS ? "met" : "MISSED"})`);
  console.log(`  every run: ${times.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")}`);
  const total = report.total;
  console.log(
    `  figures: nugget F1 ${formatFigure(total.nuggets.exact.f1)} (overlap ${formatFigure(total.nuggets.overlap.f1)}), ` +
      `argument F1 ${formatFigure(total.arguments.spanRole.f1)}, CoNLL ${formatFigure(total.coreference.all.conll)}, ` +
      `subtype κ ${formatFigure(total.decisions.subtype.kappa)}, subtype α ${formatFigure(report.alpha.subtype.alpha)}`,
  );
}

main();
