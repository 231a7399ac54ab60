// The library against the project's own CASIE fixtures (lib/testing/casie-fixtures):
// the corpus's quirks, a span ending one past the content among them, on any clone.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES, FIXTURE, fixtureArticlePath, readFixture } from "@/lib/testing/casie-fixtures";
import { summarizeIssues } from "./issue-summary";
import { parseCasieDocument } from "./parse";
import { parseRawArticle } from "./raw-article";
import { serializeCasieDocument } from "./serialize";
import { DEFAULT_CASIE_TAGSET } from "./tagset";

const parse = (text: string, fileName: string) => parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName });

test("every fixture parses without errors and re-exports byte for byte", () => {
  const files = readAnnotationFiles(CASIE_FIXTURES);
  assert.equal(files.length, 6);
  for (const { name, text } of files) {
    const { document, issues } = parse(text, name);
    assert.ok(document, `${name}: ${JSON.stringify(issues.filter((issue) => issue.severity === "error"))}`);
    assert.equal(serializeCasieDocument(document), text, name);
  }
});

test("the fixtures' warnings: their shifted spans and the unknown realis, nothing else", () => {
  const reports = Object.fromEntries(readAnnotationFiles(CASIE_FIXTURES).map(({ name, text }) => [name, summarizeIssues(parse(text, name).issues)]));
  const general = readFixture(FIXTURE.generalRealis).indexOf('"General"') + 1;
  assert.deepEqual(reports, {
    [FIXTURE.clinicBreach]: [],
    [FIXTURE.shifted]: ["11 spans shifted by +1"],
    [FIXTURE.prettyPrinted]: [],
    [FIXTURE.shiftedPastEnd]: ["10 spans shifted by +1"],
    [FIXTURE.generalRealis]: [
      `warning unknown-realis at $.cyberevent.hopper[1].events[0].realis (line 1, column ${general}): expected a realis value of the project's tagset (Actual, Generic, Other), found "General"`,
    ],
    [FIXTURE.otherKeyOrder]: [],
  });
});

test("a shifted span ending one past the content is a located shift warning; the document keeps it and re-exports unchanged", () => {
  const text = readFixture(FIXTURE.shiftedPastEnd);
  const { document, issues } = parse(text, FIXTURE.shiftedPastEnd);
  assert.ok(document);
  const content = document.content;
  const criminals = document.hoppers[1].events[0].arguments[1];
  assert.deepEqual([criminals.index, criminals.startOffset, criminals.endOffset, criminals.text], ["T8", 247, content.length + 1, "the criminals"]);
  const warning = issues.find((issue) => issue.path === "$.cyberevent.hopper[1].events[0].argument[1]");
  assert.deepEqual(warning, {
    severity: "warning",
    code: "span-shifted-plus-1",
    path: "$.cyberevent.hopper[1].events[0].argument[1]",
    message: `argument T8 "the criminals" at 247-${content.length + 1} is one character later than its text, found at 246-${content.length} (offsets shifted by +1)`,
    line: 1,
    column: text.indexOf('{"index": "T8"') + 1,
  });
  assert.equal(serializeCasieDocument(document), text);
});

test("offsets past the content that no shift explains stay a located error", () => {
  const text = readFixture(FIXTURE.shiftedPastEnd);
  const length = (JSON.parse(text) as { content: string }).content.length;
  const farther = text.replace(`"endOffset": ${length + 1}`, `"endOffset": ${length + 2}`).replace('"startOffset": 247', '"startOffset": 248');
  const other = text.replace('"text": "the criminals"', '"text": "the criminalz"');
  for (const broken of [farther, other]) {
    const { document, issues } = parse(broken, FIXTURE.shiftedPastEnd);
    assert.equal(document, undefined);
    const errors = issues.filter((issue) => issue.severity === "error");
    assert.equal(errors.length, 1);
    const end = broken === farther ? length + 2 : length + 1;
    assert.deepEqual(errors[0], {
      severity: "error",
      code: "offset-out-of-range",
      path: "$.cyberevent.hopper[1].events[0].argument[1].endOffset",
      message: `expected an endOffset within content (${length} characters), found ${end}`,
      line: 1,
      column: broken.indexOf(`"endOffset": ${end}`) + '"endOffset": '.length + 1,
    });
  }
});

test("raw articles: the corpus's content rule gives the fixtures' contents; parking-ransom-past-end's lost the final '.'", () => {
  for (const file of Object.values(FIXTURE)) {
    const annotated = JSON.parse(readFixture(file)) as { content: string; info: Record<string, string> };
    const { article, issues } = parseRawArticle(readFileSync(fixtureArticlePath(file), "utf8"));
    assert.ok(article, `${file}: ${JSON.stringify(issues)}`);
    const { title, date, link } = article.info;
    assert.deepEqual({ title, date, link }, { title: annotated.info.title, date: annotated.info.date, link: annotated.info.link }, file);
    assert.equal(file === FIXTURE.shiftedPastEnd ? article.content.slice(0, -1) : article.content, annotated.content, file);
  }
});
