import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeIssues } from "./issue-summary";
import { parseCasieDocument, type ParseCasieResult } from "./parse";
import { summarizeSpanShifts } from "./span-shift";
import { DEFAULT_CASIE_TAGSET } from "./tagset";
import type { CasieIssue } from "./types";

const CONTENT = "Hackers stole data from Acme. Acme patched it.";

/** Tests break documents in every way, so they are typed loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately untyped
type Loose = any;

/** A valid document as plain data; tests break one thing in it. */
function baseDocument(): Loose {
  return {
    content: CONTENT,
    sourcefile: "7.txt",
    cyberevent: {
      hopper: [
        {
          index: 0,
          events: [
            {
              index: "E1",
              type: "Attack",
              realis: "Actual",
              nugget: { startOffset: 8, index: "T1", endOffset: 13, text: "stole" },
              argument: [
                { index: "T2", text: "Hackers", endOffset: 7, role: { type: "Attacker" }, startOffset: 0, type: "Person" },
                { index: "T3", text: "Acme", endOffset: 28, role: { type: "Victim" }, startOffset: 24, type: "Organization" },
              ],
              subtype: "Databreach",
            },
          ],
        },
        {
          index: 1,
          events: [
            {
              nugget: { startOffset: 35, index: "T4", endOffset: 42, text: "patched" },
              index: "E2",
              type: "Vulnerability-related",
              subtype: "PatchVulnerability",
              realis: "Actual",
            },
          ],
        },
      ],
    },
    info: { title: "Acme breach", date: "2017_05_31", type: "text", link: "https://example.com/a" },
  };
}

/** The base document, edited, written pretty-printed so issues land on distinct lines. */
function textWith(edit: (doc: Loose) => void = () => {}): string {
  const doc = baseDocument();
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

const parse = parseCasieDocument;

/** The single issue of a result, checked to be the only one. */
function onlyIssue(result: ParseCasieResult): CasieIssue {
  assert.equal(result.issues.length, 1, `expected one issue, found ${JSON.stringify(result.issues, null, 1)}`);
  return result.issues[0];
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.notEqual(at, -1, `${needle} is not in the text`);
  return text.slice(0, at).split("\n").length;
}

test("a valid document gives no issues, with or without a tagset", () => {
  for (const options of [{}, { tagset: DEFAULT_CASIE_TAGSET, fileName: "7.json" }]) {
    const { document, issues } = parse(textWith(), options);
    assert.deepEqual(issues, []);
    assert.equal(document?.hoppers.length, 2);
    assert.equal(document?.hoppers[0].events[0].arguments[1].entityType, "Organization");
  }
});

// --- errors: no document ---------------------------------------------------

test("malformed JSON: located, with what was expected and found", () => {
  const result = parse('{\n  "content": "x",\n  "sourcefile": "a.txt"\n  "cyberevent": {}\n}');
  assert.equal(result.document, undefined);
  assert.deepEqual(onlyIssue(result), {
    severity: "error",
    code: "malformed-json",
    path: "$",
    message: 'malformed JSON: expected "," or "}" after an object member, found "\\""',
    line: 4,
    column: 3,
  });
  assert.equal(onlyIssue(parse('{"cyberevent": {"hopper": [{"index": 0,}]}}')).path, "$.cyberevent.hopper[0]");
});

test("a root that is not an object", () => {
  assert.deepEqual(onlyIssue(parse("[]")), {
    severity: "error",
    code: "wrong-type",
    path: "$",
    message: "expected a CASIE document object, found an array",
    line: 1,
    column: 1,
  });
});

test("wrong value types name the path, the expected type and the value found", () => {
  const cases: [edit: (doc: Loose) => void, path: string, message: string][] = [
    [(doc) => (doc.cyberevent.hopper[1].index = "1"), "$.cyberevent.hopper[1].index", 'expected an integer, found the string "1"'],
    [(doc) => (doc.cyberevent.hopper[0].events[0].type = 5), "$.cyberevent.hopper[0].events[0].type", "expected a string, found the number 5"],
    [(doc) => (doc.cyberevent.hopper[0].events[0].argument = {}), "$.cyberevent.hopper[0].events[0].argument", "expected an array, found an object"],
    [(doc) => (doc.cyberevent.hopper[0].events[0].nugget = null), "$.cyberevent.hopper[0].events[0].nugget", "expected a nugget object, found null"],
    [
      (doc) => (doc.cyberevent.hopper[0].events[0].argument[1].role = ["Victim"]),
      "$.cyberevent.hopper[0].events[0].argument[1].role",
      "expected a role object, found an array",
    ],
    [(doc) => (doc.info.date = 20170531), "$.info.date", "expected a string, found the number 20170531"],
    [
      (doc) => (doc.cyberevent.hopper[0].events[0].argument[0].external_reference = { wikidataid: true }),
      "$.cyberevent.hopper[0].events[0].argument[0].external_reference.wikidataid",
      "expected a string, found true",
    ],
  ];
  for (const [edit, path, message] of cases) {
    const result = parse(textWith(edit));
    assert.equal(result.document, undefined);
    const issue = onlyIssue(result);
    assert.deepEqual([issue.severity, issue.code, issue.path, issue.message], ["error", "wrong-type", path, message]);
  }
  const text = textWith((doc) => (doc.cyberevent.hopper[1].index = "1"));
  assert.equal(onlyIssue(parse(text)).line, lineOf(text, '"index": "1"'));
});

test("a hopper index written 1.0 is not an integer: it would be written back differently", () => {
  const text = textWith().replace('"index": 1,', '"index": 1.0,');
  assert.equal(onlyIssue(parse(text)).message, "expected an integer, found the number 1.0");
});

test("missing required keys", () => {
  const cases: [edit: (doc: Loose) => void, path: string][] = [
    [(doc) => delete doc.cyberevent.hopper[1].events[0].nugget.endOffset, "$.cyberevent.hopper[1].events[0].nugget.endOffset"],
    [(doc) => delete doc.cyberevent.hopper[1].events[0].realis, "$.cyberevent.hopper[1].events[0].realis"],
    [(doc) => delete doc.cyberevent.hopper[0].events[0].argument[0].role, "$.cyberevent.hopper[0].events[0].argument[0].role"],
    [(doc) => delete doc.content, "$.content"],
    [(doc) => delete doc.cyberevent.hopper, "$.cyberevent.hopper"],
  ];
  for (const [edit, path] of cases) {
    const issue = onlyIssue(parse(textWith(edit)));
    const key = path.slice(path.lastIndexOf(".") + 1);
    assert.deepEqual(
      [issue.severity, issue.code, issue.path, issue.message],
      ["error", "missing-key", path, `expected the key "${key}", found no such key`],
    );
  }
  // Located at the object that lacks the key.
  const text = textWith((doc) => delete doc.cyberevent.hopper[1].events[0].nugget.endOffset);
  assert.equal(onlyIssue(parse(text)).line, lineOf(text, '"startOffset": 35') - 1);
});

test("offsets must be non-negative integers, in order, within content", () => {
  const nuggetPath = "$.cyberevent.hopper[0].events[0].nugget";
  const float = onlyIssue(parse(textWith().replace('"endOffset": 13', '"endOffset": 13.0')));
  assert.deepEqual(
    [float.code, float.path, float.message],
    ["invalid-offset", `${nuggetPath}.endOffset`, "expected a non-negative integer offset, found the number 13.0"],
  );

  const negative = onlyIssue(parse(textWith((doc) => (doc.cyberevent.hopper[0].events[0].nugget.startOffset = -1))));
  assert.deepEqual(
    [negative.code, negative.path, negative.message],
    ["invalid-offset", `${nuggetPath}.startOffset`, "expected a non-negative integer offset, found the number -1"],
  );

  const text = onlyIssue(parse(textWith((doc) => (doc.cyberevent.hopper[0].events[0].nugget.startOffset = "8"))));
  assert.equal(text.message, 'expected a non-negative integer offset, found the string "8"');

  const reversed = onlyIssue(parse(textWith((doc) => Object.assign(doc.cyberevent.hopper[0].events[0].nugget, { startOffset: 13, endOffset: 8 }))));
  assert.deepEqual(
    [reversed.code, reversed.path, reversed.message],
    ["offset-order", `${nuggetPath}.endOffset`, "expected an endOffset at or after startOffset 13, found 8"],
  );

  const outside = onlyIssue(parse(textWith((doc) => Object.assign(doc.cyberevent.hopper[0].events[0].nugget, { startOffset: 60, endOffset: 65 }))));
  assert.deepEqual(
    [outside.code, outside.path, outside.message],
    ["offset-out-of-range", `${nuggetPath}.endOffset`, `expected an endOffset within content (${CONTENT.length} characters), found 65`],
  );
});

test("hopper indexes and E indexes must be unique", () => {
  const hopper = onlyIssue(parse(textWith((doc) => (doc.cyberevent.hopper[1].index = 0))));
  assert.deepEqual(
    [hopper.code, hopper.path, hopper.message],
    [
      "duplicate-hopper-index",
      "$.cyberevent.hopper[1].index",
      "expected a hopper index not used before, found 0, already the index of $.cyberevent.hopper[0]",
    ],
  );
  const event = onlyIssue(parse(textWith((doc) => (doc.cyberevent.hopper[1].events[0].index = "E1"))));
  assert.deepEqual(
    [event.code, event.path, event.message],
    [
      "duplicate-event-index",
      "$.cyberevent.hopper[1].events[0].index",
      'expected an event index not used before, found "E1", already the index of $.cyberevent.hopper[0].events[0]',
    ],
  );
});

test("a T index used for a different span is an error; re-using the same span is normal", () => {
  const conflict = onlyIssue(parse(textWith((doc) => (doc.cyberevent.hopper[1].events[0].nugget.index = "T1"))));
  assert.deepEqual(
    [conflict.code, conflict.path, conflict.message],
    [
      "conflicting-span-index",
      "$.cyberevent.hopper[1].events[0].nugget.index",
      'expected T1 to be the span 8-13 "stole" as at $.cyberevent.hopper[0].events[0].nugget, found 35-42 "patched"',
    ],
  );
  const reused = parse(
    textWith(
      (doc) =>
        (doc.cyberevent.hopper[1].events[0].argument = [
          { index: "T3", text: "Acme", endOffset: 28, role: { type: "Releaser" }, startOffset: 24, type: "Organization" },
        ]),
    ),
    { tagset: DEFAULT_CASIE_TAGSET },
  );
  assert.deepEqual(reused.issues, []);
  assert.equal(reused.document?.hoppers[1].events[0].arguments[0].index, "T3");
});

test("a key repeated in an object is an error", () => {
  const text = textWith().replace('"realis": "Actual",', '"realis": "Actual",\n"realis": "Generic",');
  const issue = onlyIssue(parse(text));
  assert.deepEqual(
    [issue.code, issue.path, issue.message, issue.line],
    [
      "duplicate-key",
      "$.cyberevent.hopper[0].events[0].realis",
      'expected each key once in an object, found "realis" again',
      lineOf(text, '"realis": "Generic"'),
    ],
  );
});

test("every error in a file is reported, not just the first", () => {
  const result = parse(
    textWith((doc) => {
      doc.cyberevent.hopper[1].index = 0;
      delete doc.cyberevent.hopper[1].events[0].nugget.text;
      doc.sourcefile = 7;
    }),
  );
  assert.equal(result.document, undefined);
  assert.deepEqual(
    result.issues.map((issue) => issue.code),
    ["wrong-type", "duplicate-hopper-index", "missing-key"],
  );
});

// --- warnings: the document is still returned ---------------------------------

test("a span one character after its text is shifted by +1; found, reported, kept as it is", () => {
  const result = parse(textWith((doc) => Object.assign(doc.cyberevent.hopper[0].events[0].nugget, { startOffset: 9, endOffset: 14 })));
  const issue = onlyIssue(result);
  assert.deepEqual(
    [issue.severity, issue.code, issue.path, issue.message],
    [
      "warning",
      "span-shifted-plus-1",
      "$.cyberevent.hopper[0].events[0].nugget",
      'nugget T1 "stole" at 9-14 is one character later than its text, found at 8-13 (offsets shifted by +1)',
    ],
  );
  assert.deepEqual(result.document?.hoppers[0].events[0].nugget.startOffset, 9);
  assert.equal(summarizeSpanShifts(result.issues), "1 span shifted by +1");
});

test("a shift by +1 may end one past the content: a warning, not an out-of-range error", () => {
  const result = parse(textWith((doc) => Object.assign(doc.cyberevent.hopper[1].events[0].nugget, { startOffset: 44, endOffset: 47, text: "it." })));
  assert.equal(onlyIssue(result).code, "span-shifted-plus-1");
  assert.ok(result.document);
});

test("spans one character before their text are shifted by -1; a re-used T is reported once", () => {
  const result = parse(
    textWith((doc) => {
      doc.content = "X" + CONTENT;
      doc.cyberevent.hopper[1].events[0].argument = [
        { index: "T3", text: "Acme", endOffset: 28, role: { type: "Releaser" }, startOffset: 24, type: "Organization" },
      ];
    }),
  );
  assert.ok(result.document);
  assert.deepEqual(
    result.issues.map((issue) => [issue.code, issue.path]),
    [
      ["span-shifted-minus-1", "$.cyberevent.hopper[0].events[0].nugget"],
      ["span-shifted-minus-1", "$.cyberevent.hopper[0].events[0].argument[0]"],
      ["span-shifted-minus-1", "$.cyberevent.hopper[0].events[0].argument[1]"],
      ["span-shifted-minus-1", "$.cyberevent.hopper[1].events[0].nugget"],
    ],
  );
  assert.match(
    result.issues[1].message,
    /^argument T2 "Hackers" at 0-7 is one character earlier than its text, found at 1-8 \(offsets shifted by -1\)$/,
  );
  assert.equal(summarizeSpanShifts(result.issues), "4 spans shifted by -1");
});

test("span text that no one-character shift explains", () => {
  const result = parse(textWith((doc) => Object.assign(doc.cyberevent.hopper[0].events[0].argument[1], { startOffset: 18, endOffset: 22 })));
  const issue = onlyIssue(result);
  assert.deepEqual(
    [issue.severity, issue.code, issue.path, issue.message],
    [
      "warning",
      "span-text-mismatch",
      "$.cyberevent.hopper[0].events[0].argument[1]",
      'expected content at 18-22 to be the argument\'s text "Acme", found " fro" (argument T3 "Acme"; no one-character shift explains it)',
    ],
  );
  assert.equal(summarizeSpanShifts(result.issues), "1 span whose text is not at its offsets");
  assert.equal(summarizeSpanShifts([]), null);
});

test("values outside the project's tagset are warnings, and kept", () => {
  const result = parse(
    textWith((doc) => {
      const [attack] = doc.cyberevent.hopper[0].events;
      attack.realis = "General";
      attack.argument[0].role = { type: "Releaser" };
      attack.argument[1].type = "Company";
      doc.cyberevent.hopper[1].events[0].type = "Attak";
      doc.cyberevent.hopper[1].events.push({
        nugget: { startOffset: 43, index: "T5", endOffset: 45, text: "it" },
        index: "E3",
        type: "Attack",
        subtype: "Ransomware",
        realis: "Actual",
      });
    }),
    { tagset: DEFAULT_CASIE_TAGSET },
  );
  assert.ok(result.document);
  assert.equal(result.document.hoppers[0].events[0].realis, "General");
  assert.deepEqual(
    result.issues.map((issue) => [issue.severity, issue.code, issue.path, issue.message]),
    [
      [
        "warning",
        "unknown-realis",
        "$.cyberevent.hopper[0].events[0].realis",
        'expected a realis value of the project\'s tagset (Actual, Generic, Other), found "General"',
      ],
      [
        "warning",
        "role-not-allowed",
        "$.cyberevent.hopper[0].events[0].argument[0].role.type",
        'expected a role allowed for Attack/Databreach events (Attack-Pattern, Attacker, Compromised-Data, Damage-Amount, Number-of-Data, Number-of-Victim, Place, Purpose, Time, Tool, Victim), found "Releaser"',
      ],
      [
        "warning",
        "unknown-entity-type",
        "$.cyberevent.hopper[0].events[0].argument[1].type",
        'expected an entity type of the project\'s tagset, found "Company"',
      ],
      [
        "warning",
        "unknown-event-type",
        "$.cyberevent.hopper[1].events[0].type",
        'expected an event type of the project\'s tagset (Attack, Vulnerability-related), found "Attak"',
      ],
      [
        "warning",
        "unknown-subtype",
        "$.cyberevent.hopper[1].events[1].subtype",
        'expected a subtype of Attack (Databreach, Phishing, Ransom), found "Ransomware"',
      ],
    ],
  );
  assert.deepEqual(parse(textWith((doc) => (doc.cyberevent.hopper[0].events[0].realis = "General"))).issues, [], "no tagset, no tagset warnings");
});

test("a sourcefile named unlike the file is a warning", () => {
  const issue = onlyIssue(parse(textWith(), { fileName: "10059.json" }));
  assert.deepEqual(
    [issue.severity, issue.code, issue.path, issue.message],
    ["warning", "sourcefile-mismatch", "$.sourcefile", 'expected a sourcefile named like the file "10059.json", found "7.txt"'],
  );
  assert.deepEqual(parse(textWith(), { fileName: "some/folder/7.json" }).issues, []);
});

test("summarizeIssues: misplaced spans in one line, then one line per other issue", () => {
  const result = parse(
    textWith((doc) => {
      doc.content = "X" + CONTENT;
      doc.cyberevent.hopper[0].events[0].realis = "General";
    }),
    { tagset: DEFAULT_CASIE_TAGSET },
  );
  const text = JSON.stringify(baseDocument(), null, 2);
  const at = text.indexOf('"Actual"');
  const [line, column] = [lineOf(text, '"Actual"'), at - text.lastIndexOf("\n", at)];
  assert.deepEqual(summarizeIssues(result.issues), [
    "4 spans shifted by -1",
    `warning unknown-realis at $.cyberevent.hopper[0].events[0].realis (line ${line}, column ${column}): expected a realis value of the project's tagset (Actual, Generic, Other), found "General"`,
  ]);
});
