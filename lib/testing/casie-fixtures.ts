// The project's own CASIE documents: made-up articles, annotated and written
// with Python's json.dumps as the corpus was, each carrying quirks of the real
// corpus (docs in casie-fixtures/README.md). Tests, end-to-end tests and the
// benchmarks use them, so a bare clone tests itself without the CASIE sample.

import { readFileSync } from "node:fs";
import path from "node:path";
import { corpusAt, type CasieCorpus } from "./casie-corpus";

export const CASIE_FIXTURES: CasieCorpus = corpusAt("the project's CASIE fixtures", path.join(__dirname, "casie-fixtures"));

/** Each fixture's file in `annotation/` (its raw article is the same name in `source/`, as .txt). */
export const FIXTURE = {
  /**
   * The majority shapes: json.dumps defaults (non-ASCII escaped as \uXXXX), the
   * majority key orders, a "Same" hopper of two events (E2 without arguments),
   * T4 an argument of E1 and E3, external references.
   */
  clinicBreach: "clinic-breach.json",
  /** Every span shifted by +1 (its text one character before its offsets); T2 re-used while shifted. */
  shifted: "ferry-ransom-shifted.json",
  /** E2's realis is "General", outside the tagset. */
  generalRealis: "router-flaw-general.json",
  /** Pretty-printed (json.dumps with indent=4). */
  prettyPrinted: "library-phishing-pretty.json",
  /** Other key orders: the document's info before cyberevent; events, nuggets and arguments with sorted keys. */
  otherKeyOrder: "water-utility-key-order.json",
  /** Every span shifted by +1, and the content lost the article's final ".": the last span ends at content length + 1. */
  shiftedPastEnd: "parking-ransom-past-end.json",
} as const;

export type FixtureFile = (typeof FIXTURE)[keyof typeof FIXTURE];

export function fixturePath(file: FixtureFile): string {
  return path.join(CASIE_FIXTURES.annotationDir, file);
}

export function readFixture(file: FixtureFile): string {
  return readFileSync(fixturePath(file), "utf8");
}

/** The fixture's raw article, `source/<name>.txt`. */
export function fixtureArticlePath(file: FixtureFile): string {
  return path.join(CASIE_FIXTURES.sourceDir, file.replace(/\.json$/, ".txt"));
}
