import assert from "node:assert/strict";
import { test } from "node:test";
import { nextWordBoundary, previousWordBoundary, snapToWordBoundaries, wordAt, type TextRange } from "./word-snapping";

const TEXT = 'Hackers exploited CVE-2017-0144 ("EternalBlue") to steal 1,000,000 records, didn\'t they?  Then $5 million.';

/** The text of a range, for readable assertions. */
function text(range: TextRange | null): string | null {
  return range && TEXT.slice(range.start, range.end);
}

function at(fragment: string): number {
  const offset = TEXT.indexOf(fragment);
  assert.ok(offset >= 0, fragment);
  return offset;
}

test("a selection inside words grows to whole words", () => {
  assert.equal(text(snapToWordBoundaries(TEXT, at("ackers"), at("ploited"))), "Hackers exploited");
  assert.equal(text(snapToWordBoundaries(TEXT, at("2017"), at("2017") + 2)), "CVE-2017-0144");
  assert.equal(text(snapToWordBoundaries(TEXT, at("000,000"), at("000,000") + 1)), "1,000,000");
  assert.equal(text(snapToWordBoundaries(TEXT, at("n't"), at("n't") + 1)), "didn't");
});

test("white space and punctuation around a selection are trimmed; symbols like $ stay", () => {
  assert.equal(text(snapToWordBoundaries(TEXT, at(" exploited"), at(" CVE"))), "exploited");
  assert.equal(text(snapToWordBoundaries(TEXT, at('("Eternal'), at("to steal"))), "EternalBlue");
  assert.equal(text(snapToWordBoundaries(TEXT, at("records,"), at(" didn't"))), "records");
  assert.equal(text(snapToWordBoundaries(TEXT, at("$5"), at(" million") + 3)), "$5 million");
});

test("a reversed selection is read the other way round; offsets are clamped to the text", () => {
  assert.equal(text(snapToWordBoundaries(TEXT, at("ploited"), at("ackers"))), "Hackers exploited");
  assert.equal(text(snapToWordBoundaries(TEXT, at("million"), TEXT.length + 10)), "million");
});

test("a selection of nothing but white space or punctuation snaps to nothing", () => {
  assert.equal(snapToWordBoundaries(TEXT, at("  Then"), at("  Then") + 2), null);
  assert.equal(snapToWordBoundaries(TEXT, at('("'), at('("') + 2), null);
  assert.equal(snapToWordBoundaries(TEXT, 5, 5), null);
  assert.equal(snapToWordBoundaries("", 0, 0), null);
});

test("wordAt: the word under a double-click", () => {
  assert.equal(text(wordAt(TEXT, at("ploited"))), "exploited");
  assert.equal(text(wordAt(TEXT, at("CVE"))), "CVE-2017-0144");
  // Just past a word's end (the caret after it) still gives the word.
  assert.equal(text(wordAt(TEXT, at(" exploited"))), "Hackers");
  assert.equal(text(wordAt(TEXT, at("?"))), "they");
  assert.equal(text(wordAt(TEXT, at("$"))), "$");
  assert.equal(wordAt(TEXT, at("  Then") + 1), null);
  assert.equal(text(wordAt(TEXT, TEXT.length)), null);
  assert.equal(text(wordAt(TEXT, at('("'))), "(");
});

test("word-wise caret moves stop at word ends going forward and word starts going back", () => {
  const start = at("exploited");
  assert.equal(nextWordBoundary(TEXT, 0), at(" exploited"));
  assert.equal(nextWordBoundary(TEXT, at(" exploited")), at(" CVE"));
  assert.equal(nextWordBoundary(TEXT, at(" CVE")), at(' ("'));
  assert.equal(nextWordBoundary(TEXT, at('("')), at('") to'));
  assert.equal(previousWordBoundary(TEXT, at(" CVE")), start);
  assert.equal(previousWordBoundary(TEXT, start + 3), start);
  assert.equal(previousWordBoundary(TEXT, start), 0);
  assert.equal(previousWordBoundary(TEXT, 0), 0);
  assert.equal(nextWordBoundary(TEXT, TEXT.length), TEXT.length);
  assert.equal(nextWordBoundary(TEXT, at("million")), TEXT.length - 1);
});
