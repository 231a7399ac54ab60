// The library against the 100 real CASIE documents of the CASIE sample, when it
// is beside the checkout (reported as skipped, with the reason, when it is not).
// fixture-corpus.test.ts runs the same checks on the project's own fixtures.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { locateCasieSample } from "@/lib/testing/casie-sample";
import { SPAN_SHIFT_CODES } from "./issue-codes";
import { parseCasieDocument } from "./parse";
import { parseRawArticle } from "./raw-article";
import { serializeCasieDocument } from "./serialize";
import { summarizeSpanShifts } from "./span-shift";
import { DEFAULT_CASIE_TAGSET } from "./tagset";

const { sample, skip } = locateCasieSample();

function sampleFiles(): { name: string; text: string }[] {
  assert.ok(sample);
  return readAnnotationFiles(sample);
}

test("all 100 sample documents parse without errors and re-export byte for byte", { skip }, () => {
  const files = sampleFiles();
  assert.equal(files.length, 100);
  const identical = files.filter(({ name, text }) => {
    const { document, issues } = parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name });
    assert.ok(document, `${name}: ${JSON.stringify(issues.filter((issue) => issue.severity === "error"))}`);
    return serializeCasieDocument(document) === text;
  });
  assert.equal(identical.length, 100);
});

test("the sample's only warnings are the shifted spans of 10059.json and 1036.json", { skip }, () => {
  const warned = new Map<string, string | null>();
  for (const { name, text } of sampleFiles()) {
    const { issues } = parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name });
    if (issues.length === 0) continue;
    assert.ok(
      issues.every((issue) => issue.code === SPAN_SHIFT_CODES[1]),
      `${name}: ${JSON.stringify(issues[0])}`,
    );
    warned.set(name, summarizeSpanShifts(issues));
  }
  // 1036.json has 26 shifted span occurrences but 23 spans: three T indexes are re-used by two events.
  assert.deepEqual(Object.fromEntries(warned), { "10059.json": "26 spans shifted by +1", "1036.json": "23 spans shifted by +1" });
});

test("a shifted sample span: the text sits one character before its offsets", { skip }, () => {
  const text = sampleFiles().find((file) => file.name === "1036.json")!.text;
  const { document, issues } = parseCasieDocument(text);
  assert.ok(document);
  const nugget = document.hoppers[0].events[0].nugget;
  assert.deepEqual([nugget.index, nugget.startOffset, nugget.endOffset, nugget.text], ["T1", 79, 86, "release"]);
  assert.equal(document.content.slice(78, 85), "release");
  assert.equal(issues[0].message, 'nugget T1 "release" at 79-86 is one character later than its text, found at 78-85 (offsets shifted by +1)');
});

test("raw articles: the corpus's content rule reproduces 81 of the 100 sample contents exactly", { skip }, () => {
  assert.ok(sample);
  let exact = 0;
  const others: string[] = [];
  for (const { name, text } of sampleFiles()) {
    const annotated = JSON.parse(text) as { content: string; sourcefile: string; info: Record<string, string> };
    const { article, issues } = parseRawArticle(readFileSync(path.join(sample.sourceDir, annotated.sourcefile), "utf8"));
    assert.ok(article, `${annotated.sourcefile}: ${JSON.stringify(issues)}`);
    assert.equal(article.info.date, annotated.info.date);
    assert.equal(article.info.link, annotated.info.link);
    if (annotated.info.title !== undefined) assert.equal(article.info.title, annotated.info.title, name);
    if (article.content === annotated.content) exact++;
    else {
      // The other 19 lost one character at an end when the corpus was built: the body's leading space (10059, 1036), else its last character.
      const content = article.content;
      assert.ok(annotated.content === content.slice(1) || annotated.content === content.slice(0, -1), `${name} differs otherwise`);
      others.push(name);
    }
  }
  assert.equal(exact, 81);
  assert.equal(others.length, 19);
});
