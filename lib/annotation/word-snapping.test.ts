import assert from "node:assert/strict";
import { test } from "node:test";
import { nextWordBoundary, previousWordBoundary, snapToWordBoundaries, spanEdgeStop, wordAt, type TextRange } from "./word-snapping";

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

// Spans as the CASIE corpus draws them around quotes, brackets and possessives.
const NEWS =
  "Google’s engineers said Microsoft's “Wanna Cry” ransomware attack hit the Domain Name System (DNS). " +
  'They\'ve paid $75,000 to Apple Inc. in "ransom" and “phishing” (CVE-2017-0144) was it.';

function snapped(selection: string, nth = 0): string | null {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = NEWS.indexOf(selection, at + 1);
  assert.ok(at >= 0, selection);
  const range = snapToWordBoundaries(NEWS, at, at + selection.length);
  return range && NEWS.slice(range.start, range.end);
}

test("a possessive or contracted ending is a word boundary: selections shed it, and stop before it when widened", () => {
  assert.equal(snapped("Google’s"), "Google");
  assert.equal(snapped("oogl"), "Google");
  assert.equal(snapped("Microsoft's “"), "Microsoft");
  assert.equal(snapped("They've"), "They");
  assert.equal(snapped("Google’s engineers"), "Google’s engineers", "a possessive inside the selection stays");
  assert.equal(text(snapToWordBoundaries(TEXT, at("n't"), at("n't") + 1)), "didn't", "n't is no clitic ending");
});

test("quotes and brackets at the edges go unless the selection closes them without being wholly inside them", () => {
  assert.equal(snapped("“Wanna Cry” ransomware attack"), "“Wanna Cry” ransomware attack");
  assert.equal(snapped(" “Wanna Cry"), "Wanna Cry");
  assert.equal(snapped("Domain Name System (DNS)."), "Domain Name System (DNS)");
  assert.equal(snapped("(DNS). They"), "(DNS). They", "an opening bracket closed inside the selection stays");
  assert.equal(snapped("“phishing”"), "phishing");
  assert.equal(snapped('"ransom"'), "ransom");
  assert.equal(snapped("(CVE-2017-0144)"), "CVE-2017-0144");
  assert.equal(snapped("DNS)"), "DNS");
});

test("a currency sign goes with its amount, an abbreviation keeps its period, a sentence end does not", () => {
  assert.equal(snapped("75,0"), "$75,000");
  assert.equal(snapped("Apple In"), "Apple Inc.");
  assert.equal(snapped("Apple Inc. in"), "Apple Inc. in");
  assert.equal(snapped("System (DNS). "), "System (DNS)");
  assert.equal(snapped("was it."), "was it");
});

test("span edges moved by a word stop at words, clitic endings, quotes and brackets", () => {
  const from = (fragment: string) => NEWS.indexOf(fragment);
  const slice = (start: number | null, end: number | null) => (start === null || end === null ? null : NEWS.slice(start, end));
  // “Wanna Cry”: the start goes back over the quote first, then to the word before.
  const wanna = from("Wanna");
  const cryEnd = from("Cry") + 3;
  assert.equal(slice(spanEdgeStop(NEWS, wanna, "start", "backward"), cryEnd), "“Wanna Cry");
  assert.equal(slice(spanEdgeStop(NEWS, wanna - 1, "start", "backward"), cryEnd), "Microsoft's “Wanna Cry");
  assert.equal(slice(wanna, spanEdgeStop(NEWS, cryEnd, "end", "forward")), "Wanna Cry”");
  assert.equal(slice(wanna, spanEdgeStop(NEWS, cryEnd + 1, "end", "forward")), "Wanna Cry” ransomware");
  // Google’s: the end goes forward over the possessive as a whole, and back to the name.
  const googleEnd = from("’s engineers");
  assert.equal(slice(0, spanEdgeStop(NEWS, googleEnd, "end", "forward")), "Google’s");
  assert.equal(slice(0, spanEdgeStop(NEWS, googleEnd + 2, "end", "backward")), "Google");
  // A start moved forward goes to the next word's start, past punctuation and spaces.
  assert.equal(slice(spanEdgeStop(NEWS, from("(DNS)"), "start", "forward"), from("). They")), "DNS");
  assert.equal(spanEdgeStop(NEWS, 0, "start", "backward"), null);
  assert.equal(spanEdgeStop(NEWS, NEWS.length, "end", "forward"), null);
});
