// The bulk repair's list of shifted spans, on the project's own fixtures: every
// shifted span once, each repair the checks' own, and applied they leave none.

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCasieDocument, type CasieDocument } from "@/lib/casie";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { FIXTURE, readFixture, type FixtureFile } from "@/lib/testing/casie-fixtures";
import { locateCasieSample } from "@/lib/testing/casie-sample";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import { checkAnnotations } from "./checks";
import { spanUses } from "./document-lookup";
import { applyOperations } from "./operation-kinds";
import { describeShiftRepair, shiftRepairs } from "./shift-repairs";

function fixture(file: FixtureFile): CasieDocument {
  const { document } = parseCasieDocument(readFixture(file));
  assert.ok(document, file);
  return document;
}

test("a document with every span shifted by +1: each span once (T2 is re-used), the checks' own repairs, none left once applied", () => {
  const document = fixture(FIXTURE.shifted);
  const repairs = shiftRepairs(document);
  assert.equal(repairs.length, 11);
  assert.equal(new Set(repairs.map((repair) => repair.spanIndex)).size, 11);
  const checked = checkAnnotations(document, DEFAULT_CASIE_TAGSET).flatMap((problem) => (problem.repair ? [problem.repair] : []));
  assert.deepEqual(
    repairs.map((repair) => repair.operation),
    checked,
  );
  for (const { from, to, text } of repairs) {
    assert.deepEqual(to, { startOffset: from.startOffset - 1, endOffset: from.endOffset - 1 });
    assert.equal(document.content.slice(to.startOffset, to.endOffset), text);
  }
  const repaired = applyOperations(
    document,
    repairs.map((repair) => repair.operation),
  );
  assert.deepEqual(shiftRepairs(repaired), []);
  for (const { span } of spanUses(repaired)) assert.equal(repaired.content.slice(span.startOffset, span.endOffset), span.text);
});

test("a shifted span past the end of the text is repaired onto it; documents without shifts need nothing", () => {
  const document = fixture(FIXTURE.shiftedPastEnd);
  const last = shiftRepairs(document).find((repair) => repair.spanIndex === "T8")!;
  const end = document.content.length;
  assert.deepEqual(last.from, { startOffset: 247, endOffset: end + 1 });
  assert.equal(describeShiftRepair(last), `T8 "the criminals" 247-${end + 1} → 246-${end}`);
  for (const file of [FIXTURE.clinicBreach, FIXTURE.prettyPrinted, FIXTURE.otherKeyOrder, FIXTURE.generalRealis])
    assert.deepEqual(shiftRepairs(fixture(file)), [], file);
});

const { sample, skip } = locateCasieSample();

test("over the CASIE sample: every span the import reports shifted is repaired, and no other span is touched", { skip }, () => {
  let shiftedDocuments = 0;
  for (const file of readAnnotationFiles(sample!)) {
    const { document, issues } = parseCasieDocument(file.text, { tagset: DEFAULT_CASIE_TAGSET, fileName: file.name });
    assert.ok(document, file.name);
    const reported = new Set(issues.filter((issue) => issue.code.startsWith("span-shifted")).map((issue) => issue.message));
    const repairs = shiftRepairs(document);
    if (repairs.length) shiftedDocuments++;
    assert.equal(repairs.length > 0, reported.size > 0, file.name);
    const repaired = applyOperations(
      document,
      repairs.map((repair) => repair.operation),
    );
    assert.deepEqual(shiftRepairs(repaired), [], file.name);
    const moved = new Set(repairs.map((repair) => repair.spanIndex));
    const before = [...spanUses(document)];
    [...spanUses(repaired)].forEach(({ span }, i) => {
      if (!moved.has(span.index)) assert.deepEqual(span, before[i].span, `${file.name} ${span.index}`);
    });
  }
  assert.ok(shiftedDocuments > 0, "the sample holds documents with shifted spans");
});
