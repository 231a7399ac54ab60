// Properties of the editor core on whole real-shaped documents: the project's
// CASIE fixtures always, and the 100 real documents of the CASIE sample when it
// is beside the checkout (reported as skipped, with the reason, when it is not).

import assert from "node:assert/strict";
import { test } from "node:test";
import { MAJORITY_KEY_ORDER } from "@/lib/casie/key-order";
import { parseCasieDocument } from "@/lib/casie/parse";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { readAnnotationFiles, type CasieCorpus } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES, FIXTURE } from "@/lib/testing/casie-fixtures";
import { locateCasieSample } from "@/lib/testing/casie-sample";
import { applyOperation, invertOperation } from "./operation-kinds";
import { checkAnnotations } from "./checks";
import { deleteEventOperation, removeArgumentOperation } from "./editor-commands";
import type { AnnotationOperation } from "./operation-types";
import { deepFreeze } from "./test-documents";

const { sample, skip } = locateCasieSample();

interface ParsedFile {
  name: string;
  text: string;
  document: CasieDocument;
}

function parsedDocuments(corpus: CasieCorpus): ParsedFile[] {
  return readAnnotationFiles(corpus).map(({ name, text }) => {
    const { document, issues } = parseCasieDocument(text, { fileName: name });
    assert.ok(document, `${name}: ${JSON.stringify(issues[0])}`);
    return { name, text, document: deepFreeze(document) };
  });
}

/** Applies an operation and its inverse: the document must come back exactly, and re-export as the very same file. */
function undoes({ name, text, document }: ParsedFile, operation: AnnotationOperation): void {
  const restored = applyOperation(applyOperation(document, operation), invertOperation(operation));
  assert.deepEqual(restored, document, `${name}: ${JSON.stringify(operation).slice(0, 120)}`);
  assert.equal(serializeCasieDocument(restored), text, name);
}

/** Deletes and restores every event; gives how many there were. */
function deleteAndRestoreEveryEvent(corpus: CasieCorpus): number {
  let events = 0;
  for (const file of parsedDocuments(corpus)) {
    for (const event of file.document.hoppers.flatMap((hopper) => hopper.events)) {
      undoes(file, deleteEventOperation(file.document, event.index));
      events++;
    }
  }
  return events;
}

/**
 * Removes and restores every argument of every event; gives how many there were
 * and which events came back as the same JSON value rather than the same bytes.
 * An event losing its only argument loses the `argument` key, which comes back
 * where the majority key order has it (operations/document-updates.ts's `withArguments`): exactly
 * where it was in the corpus's key order, not in another one.
 */
function removeAndRestoreEveryArgument(corpus: CasieCorpus): { count: number; sameValueOnly: string[] } {
  let count = 0;
  const sameValueOnly: string[] = [];
  for (const file of parsedDocuments(corpus)) {
    for (const event of file.document.hoppers.flatMap((hopper) => hopper.events)) {
      const majorityOrder = String(event.layout?.keys) === String(MAJORITY_KEY_ORDER.eventWithArguments);
      event.arguments.forEach((_, position) => {
        const operation = removeArgumentOperation(file.document, event.index, position);
        if (event.arguments.length > 1 || majorityOrder) return undoes(file, operation);
        const restored = applyOperation(applyOperation(file.document, operation), invertOperation(operation));
        assert.deepEqual(JSON.parse(serializeCasieDocument(restored)), JSON.parse(file.text), `${file.name} ${event.index}`);
        sameValueOnly.push(`${file.name} ${event.index}`);
      });
      count += event.arguments.length;
    }
  }
  return { count, sameValueOnly };
}

/**
 * Each document's check codes (every document must have one of `expected`'s
 * sets), and how many repairs each offers; after its repairs, no span problem is left.
 */
function checkAndRepair(corpus: CasieCorpus): { codes: Map<string, string[]>; repairs: Map<string, number> } {
  const codes = new Map<string, string[]>();
  const repairs = new Map<string, number>();
  for (const file of parsedDocuments(corpus)) {
    const problems = checkAnnotations(file.document, DEFAULT_CASIE_TAGSET);
    codes.set(file.name, [...new Set(problems.map((problem) => problem.code))].sort());
    const operations = problems.flatMap((problem) => (problem.repair ? [problem.repair] : []));
    if (operations.length === 0) continue;
    repairs.set(file.name, operations.length);
    let repaired = file.document;
    for (const repair of operations) {
      undoes(file, repair);
      repaired = applyOperation(repaired, repair);
    }
    assert.ok(!checkAnnotations(repaired, DEFAULT_CASIE_TAGSET).some((problem) => problem.code.startsWith("span-")), file.name);
  }
  return { codes, repairs };
}

test("every event of the fixtures can be deleted and restored exactly", () => {
  assert.equal(deleteAndRestoreEveryEvent(CASIE_FIXTURES), 20);
});

test("every argument of the fixtures can be removed and restored: exactly, or as the same JSON value for an only argument in another key order", () => {
  assert.deepEqual(removeAndRestoreEveryArgument(CASIE_FIXTURES), { count: 48, sameValueOnly: [`${FIXTURE.otherKeyOrder} E2`] });
});

test("the checks find the fixtures' shifted spans (one ending past the content) and unknown realis; repairs put every span onto its text", () => {
  const { codes, repairs } = checkAndRepair(CASIE_FIXTURES);
  assert.deepEqual(Object.fromEntries(codes), {
    [FIXTURE.clinicBreach]: ["event-without-arguments"],
    [FIXTURE.shifted]: ["span-shifted-plus-1"],
    [FIXTURE.prettyPrinted]: [],
    [FIXTURE.shiftedPastEnd]: ["span-shifted-plus-1"],
    [FIXTURE.generalRealis]: ["unknown-realis"],
    [FIXTURE.otherKeyOrder]: [],
  });
  assert.deepEqual(Object.fromEntries(repairs), { [FIXTURE.shifted]: 11, [FIXTURE.shiftedPastEnd]: 10 });
});

test("every event of the sample can be deleted and restored exactly", { skip }, () => {
  assert.ok(sample);
  const events = deleteAndRestoreEveryEvent(sample);
  assert.ok(events > 500, `only ${events} events`);
});

test("every argument of the sample can be removed and restored exactly", { skip }, () => {
  assert.ok(sample);
  const { count, sameValueOnly } = removeAndRestoreEveryArgument(sample);
  assert.ok(count > 1000, `only ${count} arguments`);
  assert.deepEqual(sameValueOnly, []);
});

test("the checks find the sample's shifted spans, and their repairs put every span onto its text", { skip }, () => {
  assert.ok(sample);
  const { codes, repairs } = checkAndRepair(sample);
  for (const [name, found] of codes) {
    assert.deepEqual(
      found.filter((code) => code !== "event-without-arguments" && code !== "span-shifted-plus-1"),
      [],
      name,
    );
  }
  assert.deepEqual(Object.fromEntries(repairs), { "10059.json": 26, "1036.json": 23 });
});
