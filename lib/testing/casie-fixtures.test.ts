// The fixtures carry the corpus quirks they claim, read from the files with
// JSON.parse alone (not Hopper's parser), so no quirk gets lost when one is edited.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { MAJORITY_KEY_ORDER } from "@/lib/casie/key-order";
import { annotationFileNames, readAnnotationFiles } from "./casie-corpus";
import { CASIE_FIXTURES, FIXTURE, fixtureArticlePath, readFixture, type FixtureFile } from "./casie-fixtures";

interface RawSpan {
  index: string;
  startOffset: number;
  endOffset: number;
  text: string;
}
interface RawArgument extends RawSpan {
  role: { type: string };
  type: string;
  external_reference?: Record<string, string>;
}
interface RawEvent {
  index: string;
  realis: string;
  nugget: RawSpan;
  argument?: RawArgument[];
}
interface RawDocument {
  content: string;
  sourcefile: string;
  cyberevent: { hopper: { index: number; relation?: string; events: RawEvent[] }[] };
}

const raw = (file: FixtureFile) => JSON.parse(readFixture(file)) as RawDocument;
const events = (document: RawDocument) => document.cyberevent.hopper.flatMap((hopper) => hopper.events);
const spanUses = (document: RawDocument) => events(document).flatMap((event) => [event.nugget, ...(event.argument ?? [])]);
const keys = (value: object) => Object.keys(value);
/** How far each span's offsets are from its text: 0 on it, 1 when the text is one character earlier; null otherwise. */
const shiftOf = (content: string, span: RawSpan) =>
  content.slice(span.startOffset, span.endOffset) === span.text
    ? 0
    : content.slice(span.startOffset - 1, span.endOffset - 1) === span.text
      ? 1
      : null;

test("FIXTURE names every file in annotation/ and source/", () => {
  const files = Object.values(FIXTURE).sort();
  assert.deepEqual(annotationFileNames(CASIE_FIXTURES), files);
  for (const file of files) assert.ok(readFileSync(fixtureArticlePath(file), "utf8").startsWith("<title>"), file);
  for (const { name, text } of readAnnotationFiles(CASIE_FIXTURES)) {
    assert.equal((JSON.parse(text) as RawDocument).sourcefile, name.replace(".json", ".txt"));
  }
});

test("every fixture but the pretty-printed one is written as json.dumps writes by default", () => {
  for (const file of Object.values(FIXTURE)) {
    const text = readFixture(file);
    // eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
    assert.ok(!/[^\x00-\x7f]/.test(text), `${file}: non-ASCII characters are escaped`);
    if (file === FIXTURE.prettyPrinted) continue;
    // After a string, only json.dumps's separators can follow a quote: ", " and ": ".
    assert.ok(!text.includes("\n") && !/"[,:](?! )/.test(text), `${file}: one line, ", " and ": "`);
  }
  assert.match(readFixture(FIXTURE.clinicBreach), /Z\\u00fcrich.*\\u201cGrey Harbour\\u201d/);
});

test("clinic-breach: the majority key orders, a Same hopper with an event without arguments, a re-used T, external references", () => {
  const document = raw(FIXTURE.clinicBreach);
  assert.deepEqual(keys(document), MAJORITY_KEY_ORDER.document);
  assert.deepEqual(
    document.cyberevent.hopper.map((hopper) => [keys(hopper), hopper.events.length]),
    [
      [["index", "relation", "events"], 2],
      [["index", "events"], 2],
      [["index", "relation", "events"], 1],
      [["index", "events"], 1],
    ],
  );
  assert.ok(document.cyberevent.hopper.every((hopper) => hopper.relation === undefined || hopper.relation === "Same"));
  for (const event of events(document)) {
    assert.deepEqual(keys(event), event.argument ? MAJORITY_KEY_ORDER.eventWithArguments : MAJORITY_KEY_ORDER.eventWithoutArguments);
    assert.deepEqual(keys(event.nugget), MAJORITY_KEY_ORDER.nugget);
    for (const argument of event.argument ?? []) {
      assert.deepEqual(keys(argument), argument.external_reference ? MAJORITY_KEY_ORDER.argumentWithLink : MAJORITY_KEY_ORDER.argument);
    }
  }
  assert.deepEqual(
    events(document)
      .filter((event) => !event.argument)
      .map((event) => event.index),
    ["E2"],
  );
  const users = (index: string) => events(document).filter((event) => event.argument?.some((argument) => argument.index === index));
  assert.deepEqual(
    users("T4").map((event) => event.index),
    ["E1", "E3"],
  );
  const links = spanUses(document).flatMap((span) => ("external_reference" in span ? [span.external_reference] : []));
  assert.deepEqual(links, [{ dbpediaURI: "http://dbpedia.org/resource/Zurich", wikidataid: "Q72" }, { wikidataid: "Q388" }]);
});

test("every span is on its text, except in the two shifted fixtures, where every span is shifted by +1", () => {
  for (const file of Object.values(FIXTURE)) {
    const document = raw(file);
    const shifted = file === FIXTURE.shifted || file === FIXTURE.shiftedPastEnd;
    for (const span of spanUses(document)) assert.equal(shiftOf(document.content, span), shifted ? 1 : 0, `${file} ${span.index}`);
  }
  const ferry = spanUses(raw(FIXTURE.shifted)).map((span) => span.index);
  assert.deepEqual([ferry.length, new Set(ferry).size], [12, 11]);
});

test("parking-ransom-past-end: the last span ends one past the content", () => {
  const document = raw(FIXTURE.shiftedPastEnd);
  const past = spanUses(document).filter((span) => span.endOffset > document.content.length);
  assert.deepEqual(past, [
    { index: "T8", text: "the criminals", endOffset: document.content.length + 1, role: { type: "Attacker" }, startOffset: 247, type: "Person" },
  ]);
  assert.ok(document.content.endsWith("the criminals"));
});

test("router-flaw-general: E2's realis is General", () => {
  assert.deepEqual(
    events(raw(FIXTURE.generalRealis)).map((event) => event.realis),
    ["Actual", "General", "Other"],
  );
});

test("library-phishing-pretty is json.dumps with indent=4", () => {
  const text = readFixture(FIXTURE.prettyPrinted);
  assert.ok(text.startsWith('{\n    "content": '));
  assert.ok(text.includes('",\n    "sourcefile": '));
  assert.ok(text.endsWith("\n}"));
});

test("water-utility-key-order: info before cyberevent; events, nuggets and arguments with sorted keys", () => {
  const document = raw(FIXTURE.otherKeyOrder);
  assert.deepEqual(keys(document), ["content", "sourcefile", "info", "cyberevent"]);
  for (const event of events(document)) {
    for (const object of [event, event.nugget, ...(event.argument ?? [])]) assert.deepEqual(keys(object), keys(object).sort());
  }
});

test("every content is its article's body with lines joined by spaces; parking-ransom-past-end lost the final '.'", () => {
  for (const file of Object.values(FIXTURE)) {
    const article = readFileSync(fixtureArticlePath(file), "utf8");
    const body = /<text>\n([^]*)\n<\/text>\n$/.exec(article)![1];
    const joined = body.split("\n").join(" ");
    const { content } = raw(file);
    if (file === FIXTURE.shiftedPastEnd) assert.equal(`${content}.`, joined);
    else assert.equal(content, joined, file);
  }
});
