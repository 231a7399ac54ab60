// Properties of the editor core on the 100 real CASIE documents in ../shared/casie-sample.

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseCasieDocument } from "@/lib/casie/parse";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { applyOperation, invertOperation } from "./apply-operation";
import { checkAnnotations } from "./checks";
import { deleteEventOperation, removeArgumentOperation } from "./editor-commands";
import type { AnnotationOperation } from "./operation-types";
import { deepFreeze } from "./test-documents";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const annotationDir = path.resolve(repoRoot, "../shared/casie-sample/annotation");

// CI always has ../shared: its absence is a failure unless explicitly waived.
const missing = !existsSync(annotationDir);
const skip = missing && process.env.HOPPER_NO_SHARED === "1" ? "HOPPER_NO_SHARED=1 and ../shared/casie-sample is missing" : false;

function sampleDocuments(): { name: string; text: string; document: CasieDocument }[] {
  assert.ok(!missing, `the CASIE sample is missing: expected ${annotationDir} (set HOPPER_NO_SHARED=1 to skip these tests)`);
  return readdirSync(annotationDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(annotationDir, name), "utf8");
      const { document, issues } = parseCasieDocument(text, { fileName: name });
      assert.ok(document, `${name}: ${JSON.stringify(issues[0])}`);
      return { name, text, document: deepFreeze(document) };
    });
}

/** Applies an operation and its inverse: the document must come back exactly, and re-export as the very same file. */
function undoes(name: string, text: string, document: CasieDocument, operation: AnnotationOperation): void {
  const restored = applyOperation(applyOperation(document, operation), invertOperation(operation));
  assert.deepEqual(restored, document, `${name}: ${JSON.stringify(operation).slice(0, 120)}`);
  assert.equal(serializeCasieDocument(restored), text, name);
}

test("every event of the sample can be deleted and restored exactly", { skip }, () => {
  let events = 0;
  for (const { name, text, document } of sampleDocuments()) {
    for (const hopper of document.hoppers) {
      for (const event of hopper.events) {
        undoes(name, text, document, deleteEventOperation(document, event.index));
        events++;
      }
    }
  }
  assert.ok(events > 500, `only ${events} events`);
});

test("every argument of the sample can be removed and restored exactly", { skip }, () => {
  for (const { name, text, document } of sampleDocuments()) {
    for (const hopper of document.hoppers) {
      for (const event of hopper.events) {
        event.arguments.forEach((_, position) => undoes(name, text, document, removeArgumentOperation(document, event.index, position)));
      }
    }
  }
});

test("the checks find the sample's shifted spans, and their repairs put every span onto its text", { skip }, () => {
  const shifted = new Map<string, number>();
  for (const { name, text, document } of sampleDocuments()) {
    const problems = checkAnnotations(document, DEFAULT_CASIE_TAGSET);
    const codes = new Set(problems.map((problem) => problem.code));
    codes.delete("event-without-arguments");
    codes.delete("span-shifted-plus-1");
    assert.deepEqual([...codes], [], name);
    const repairs = problems.flatMap((problem) => (problem.repair ? [problem.repair] : []));
    if (repairs.length === 0) continue;
    shifted.set(name, repairs.length);
    let repaired = document;
    for (const repair of repairs) {
      undoes(name, text, document, repair);
      repaired = applyOperation(repaired, repair);
    }
    assert.ok(!checkAnnotations(repaired).some((problem) => problem.code.startsWith("span-")), name);
  }
  assert.deepEqual(Object.fromEntries(shifted), { "10059.json": 26, "1036.json": 23 });
});
