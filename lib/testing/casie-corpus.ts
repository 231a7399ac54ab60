// A folder of CASIE documents laid out as the corpus is: `annotation/*.json`
// and the raw articles they were made from, `source/*.txt`. The CASIE sample and
// the project's own fixtures are both read through it by tests and benchmarks.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface CasieCorpus {
  /** What the corpus is, for messages and benchmark output. */
  label: string;
  annotationDir: string;
  sourceDir: string;
}

export interface CorpusFile {
  /** The file's name, e.g. `2602.json`. */
  name: string;
  path: string;
  text: string;
}

/** The corpus at `root`, holding `annotation/` and `source/`. */
export function corpusAt(label: string, root: string): CasieCorpus {
  return { label, annotationDir: path.join(root, "annotation"), sourceDir: path.join(root, "source") };
}

/** The names of the corpus's annotation files, sorted. */
export function annotationFileNames(corpus: CasieCorpus): string[] {
  return readdirSync(corpus.annotationDir)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

/** Every annotation file with its text, sorted by name. */
export function readAnnotationFiles(corpus: CasieCorpus): CorpusFile[] {
  return annotationFileNames(corpus).map((name) => {
    const file = path.join(corpus.annotationDir, name);
    return { name, path: file, text: readFileSync(file, "utf8") };
  });
}
