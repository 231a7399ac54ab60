// Where the CASIE sample (100 real documents, kept outside the repository) is:
// the folder HOPPER_CASIE_SAMPLE names, else ../shared/casie-sample beside the
// checkout. A clone without it still tests itself: tests over the sample pass
// the lookup's `skip` to node:test, which reports them skipped with the reason.

import { statSync } from "node:fs";
import path from "node:path";
import { corpusAt, type CasieCorpus } from "./casie-corpus";

export const CASIE_SAMPLE_VARIABLE = "HOPPER_CASIE_SAMPLE";

const REPO_ROOT = path.resolve(__dirname, "../..");
const BESIDE_THE_CHECKOUT = "../shared/casie-sample";

/** The sample, or why there is none: `skip` is node:test's option, false when the sample is there. */
export type CasieSampleLookup = { sample: CasieCorpus; skip: false } | { sample: undefined; skip: string };

/**
 * Looks for the sample's `annotation/` and `source/` folders. A folder named by
 * HOPPER_CASIE_SAMPLE (relative paths are taken from the checkout) must be
 * complete: a wrong setting throws instead of quietly skipping the tests.
 */
export function locateCasieSample(env: Record<string, string | undefined> = process.env, repoRoot: string = REPO_ROOT): CasieSampleLookup {
  const configured = env[CASIE_SAMPLE_VARIABLE];
  const root = path.resolve(repoRoot, configured || BESIDE_THE_CHECKOUT);
  const sample = corpusAt("the CASIE sample", root);
  const missing = [sample.annotationDir, sample.sourceDir].filter((dir) => !isDirectory(dir));
  if (missing.length === 0) return { sample, skip: false };
  const absent = `no folder ${missing.join(" or ")}`;
  if (configured) throw new Error(`${CASIE_SAMPLE_VARIABLE}=${configured} is not the CASIE sample: ${absent}`);
  return { sample: undefined, skip: `the CASIE sample is not beside this checkout (${absent}; set ${CASIE_SAMPLE_VARIABLE} to its folder)` };
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
