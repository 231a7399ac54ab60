import assert from "node:assert/strict";
import { test } from "node:test";
import { findOccurrences, nearestOccurrence, occurrencePlace } from "./text-search";

const TEXT = "Google said Google’s GOOGLE account, google.com and (Google) were hit.";
const starts = (query: string) => findOccurrences(TEXT, query).map((occurrence) => occurrence.start);

test("every occurrence is found, ignoring case, with the content's own offsets", () => {
  assert.deepEqual(starts("google"), [0, 12, 21, 37, 53]);
  assert.deepEqual(
    findOccurrences(TEXT, "(Google)").map(({ start, end }) => TEXT.slice(start, end)),
    ["(Google)"],
    "the query is text, not a pattern",
  );
  assert.deepEqual(findOccurrences(TEXT, ""), []);
  assert.deepEqual(findOccurrences("aaaa", "aa"), [
    { start: 0, end: 2 },
    { start: 2, end: 4 },
  ]);
  // A character whose lower case is longer (İ) does not shift the offsets after it.
  assert.deepEqual(findOccurrences("İ then Google", "google"), [{ start: 7, end: 13 }]);
});

test("the next occurrence starts at or after the caret, the previous one before it, wrapping around", () => {
  const occurrences = findOccurrences(TEXT, "google");
  const caret = (start: number, end = start) => ({ start, end });
  assert.equal(nearestOccurrence(occurrences, caret(0), false), 0);
  // The selected occurrence itself is passed: the next is the one after it.
  assert.equal(nearestOccurrence(occurrences, caret(0, 6), false), 1);
  assert.equal(nearestOccurrence(occurrences, caret(54, 60), false), 0, "after the last comes the first");
  assert.equal(nearestOccurrence(occurrences, caret(12, 18), true), 0);
  assert.equal(nearestOccurrence(occurrences, caret(0, 6), true), 4, "before the first comes the last");
  assert.equal(nearestOccurrence([], caret(0), false), -1);
});

test("an occurrence's place is counted from one", () => {
  assert.equal(occurrencePlace(5, 14), "6 of 14");
});
