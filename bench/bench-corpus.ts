// The documents the benchmarks run on: the CASIE sample when it is beside the
// checkout, else the project's own fixtures, so that a bare clone runs them too
// (and says so: numbers on six small documents are not the sample's).

import type { CasieCorpus } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES } from "@/lib/testing/casie-fixtures";
import { locateCasieSample } from "@/lib/testing/casie-sample";

export interface BenchCorpus {
  corpus: CasieCorpus;
  /** Why the fixtures stand in for the sample; null when the sample is used. */
  fallback: string | null;
}

export function benchCorpus(): BenchCorpus {
  const { sample, skip } = locateCasieSample();
  return sample ? { corpus: sample, fallback: null } : { corpus: CASIE_FIXTURES, fallback: skip };
}

/** The first line of a benchmark's output: which documents it ran on. */
export function describeBenchCorpus({ corpus, fallback }: BenchCorpus): string {
  return fallback === null
    ? `documents: ${corpus.label} (${corpus.annotationDir})`
    : `documents: ${corpus.label} (${corpus.annotationDir}), standing in for the CASIE sample: ${fallback}`;
}
