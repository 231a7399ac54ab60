// Locating the CASIE sample: beside the checkout, or where HOPPER_CASIE_SAMPLE
// says; absent, a reason to skip; wrongly configured, an error.

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { CASIE_SAMPLE_VARIABLE, locateCasieSample } from "./casie-sample";

const work = mkdtempSync(path.join(tmpdir(), "hopper-sample-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** A folder `dir` under the work folder, with `annotation/` and `source/` when `complete`. */
function folder(dir: string, complete: boolean): string {
  const root = path.join(work, dir);
  mkdirSync(path.join(root, "annotation"), { recursive: true });
  if (complete) mkdirSync(path.join(root, "source"), { recursive: true });
  return root;
}

test("the sample beside the checkout is found: ../shared/casie-sample", () => {
  const checkout = folder("beside/hopper", false);
  const sample = folder("beside/shared/casie-sample", true);
  assert.deepEqual(locateCasieSample({}, checkout), {
    sample: { label: "the CASIE sample", annotationDir: path.join(sample, "annotation"), sourceDir: path.join(sample, "source") },
    skip: false,
  });
});

test("without a sample, the lookup gives the reason to skip, naming the folder looked for and the variable", () => {
  const checkout = folder("bare/hopper", false);
  const expected = path.join(work, "bare/shared/casie-sample");
  assert.deepEqual(locateCasieSample({}, checkout), {
    sample: undefined,
    skip: `the CASIE sample is not beside this checkout (no folder ${expected}/annotation or ${expected}/source; set HOPPER_CASIE_SAMPLE to its folder)`,
  });
  // Half a sample is no sample.
  folder("bare/shared/casie-sample", false);
  assert.match(String(locateCasieSample({}, checkout).skip), /no folder \S+\/source;/);
});

test("HOPPER_CASIE_SAMPLE names the sample, relative to the checkout or absolute", () => {
  const checkout = folder("configured/hopper", false);
  const sample = folder("configured/corpora/sample", true);
  const relative = locateCasieSample({ [CASIE_SAMPLE_VARIABLE]: "../corpora/sample" }, checkout);
  assert.equal(relative.sample?.annotationDir, path.join(sample, "annotation"));
  assert.equal(locateCasieSample({ [CASIE_SAMPLE_VARIABLE]: sample }, checkout).sample?.sourceDir, path.join(sample, "source"));
});

test("a HOPPER_CASIE_SAMPLE that is not the sample is an error, not a reason to skip", () => {
  const checkout = folder("wrong/hopper", false);
  assert.throws(
    () => locateCasieSample({ [CASIE_SAMPLE_VARIABLE]: "../nowhere" }, checkout),
    new Error(
      `HOPPER_CASIE_SAMPLE=../nowhere is not the CASIE sample: no folder ${path.join(work, "wrong/nowhere/annotation")} or ${path.join(work, "wrong/nowhere/source")}`,
    ),
  );
});
