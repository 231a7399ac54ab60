import assert from "node:assert/strict";
import { test } from "node:test";
import { quoteJsonString } from "./json-string";
import { DEFAULT_JSON_STYLE } from "./json-style";
import { parseCasieDocument } from "./parse";
import { checkRoundTrip } from "./round-trip";
import { serializeCasieDocument } from "./serialize";
import type { CasieDocument, JsonStyle } from "./types";

// Fixtures written for these tests, each exactly what Python's json.dumps writes
// with the options named (checked with Python when they were written).

/** json.dumps(doc): other key orders on every kind of object, unknown members at every level (1.0, 0.0, null, nested),
 *  a hopper with and one without `relation`, events with and without `argument`, external references, and T3 shared by two events. */
const defaultStyle = String.raw`{"sourcefile": "7.txt", "content": "Hackers stole data from Acme. Acme patched it.", "info": {"link": "https://example.com/a/b", "title": "Acme breach", "date": "2017_05_31", "type": "text", "score": 0.0}, "cyberevent": {"version": 2, "hopper": [{"events": [{"subtype": "Databreach", "realis": "Actual", "type": "Attack", "index": "E1", "nugget": {"text": "stole", "startOffset": 8, "endOffset": 13, "index": "T1", "source": {"tool": "brat", "weights": [1.0, 0.0025, -3]}}, "argument": [{"type": "Person", "role": {"type": "Attacker", "confidence": 1.0}, "text": "Hackers", "startOffset": 0, "endOffset": 7, "index": "T2"}, {"index": "T3", "external_reference": {"wikidataid": "Q1", "dbpediaURI": "http://dbpedia.org/resource/Acme", "label": null}, "endOffset": 28, "role": {"CAPEC-Meta": "Content Spoofing", "type": "Victim", "confidence": 0.0}, "text": "Acme", "startOffset": 24, "type": "Organization", "note": "checked"}]}], "index": 0, "flag": true}, {"index": 1, "relation": "Same", "events": [{"nugget": {"startOffset": 35, "index": "T4", "endOffset": 42, "text": "patched"}, "index": "E2", "type": "Vulnerability-related", "subtype": "PatchVulnerability", "realis": "Actual"}, {"index": "E3", "type": "Attack", "realis": "Other", "nugget": {"startOffset": 8, "index": "T5", "endOffset": 13, "text": "stole"}, "argument": [{"index": "T3", "text": "Acme", "endOffset": 28, "role": {"type": "Victim"}, "startOffset": 24, "type": "Organization"}], "subtype": "Databreach"}]}]}, "annotator": {"name": "ann", "ids": [1, 2], "empty": {}, "none": []}}`;

/** json.dumps(doc, indent=2, ensure_ascii=False): raw non-ASCII, including a character above U+FFFF. */
const indent2Unicode = String.raw`{
  "content": "Café “hackers” hit Zürich — again.",
  "sourcefile": "8.txt",
  "cyberevent": {
    "hopper": [
      {
        "index": 0,
        "events": [
          {
            "index": "E1",
            "type": "Attack",
            "realis": "Actual",
            "nugget": {
              "startOffset": 15,
              "index": "T1",
              "endOffset": 18,
              "text": "hit"
            },
            "argument": [
              {
                "index": "T3",
                "external_reference": {
                  "wikidataid": "Q72"
                },
                "endOffset": 25,
                "role": {
                  "type": "Place"
                },
                "text": "Zürich",
                "startOffset": 19,
                "type": "GPE"
              }
            ],
            "subtype": "Ransom"
          }
        ]
      }
    ],
    "extra": [
      1.0,
      {
        "b": null
      },
      []
    ]
  },
  "info": {
    "title": "Zürich “attack” 😀",
    "date": "2017_01_02",
    "type": "text",
    "link": "https://example.com/z"
  }
}`;

/** json.dumps(doc, indent=4) + "\n": non-ASCII escaped, U+1F600 as a surrogate pair. */
const indent4Ascii = String.raw`{
    "content": "Caf\u00e9 \u201chackers\u201d hit Z\u00fcrich \u2014 again.",
    "sourcefile": "8.txt",
    "cyberevent": {
        "hopper": [
            {
                "index": 0,
                "events": [
                    {
                        "index": "E1",
                        "type": "Attack",
                        "realis": "Actual",
                        "nugget": {
                            "startOffset": 15,
                            "index": "T1",
                            "endOffset": 18,
                            "text": "hit"
                        },
                        "argument": [
                            {
                                "index": "T3",
                                "external_reference": {
                                    "wikidataid": "Q72"
                                },
                                "endOffset": 25,
                                "role": {
                                    "type": "Place"
                                },
                                "text": "Z\u00fcrich",
                                "startOffset": 19,
                                "type": "GPE"
                            }
                        ],
                        "subtype": "Ransom"
                    }
                ]
            }
        ],
        "extra": [
            1.0,
            {
                "b": null
            },
            []
        ]
    },
    "info": {
        "title": "Z\u00fcrich \u201cattack\u201d \ud83d\ude00",
        "date": "2017_01_02",
        "type": "text",
        "link": "https://example.com/z"
    }
}
`;

/** json.dumps(doc, indent="\t"), written here with two spaces per tab. */
const tabIndent = tabs(String.raw`{
  "content": "Caf\u00e9 \u201chackers\u201d hit Z\u00fcrich \u2014 again.",
  "sourcefile": "8.txt",
  "cyberevent": {
    "hopper": [
      {
        "index": 0,
        "events": [
          {
            "index": "E1",
            "type": "Attack",
            "realis": "Actual",
            "nugget": {
              "startOffset": 15,
              "index": "T1",
              "endOffset": 18,
              "text": "hit"
            },
            "argument": [
              {
                "index": "T3",
                "external_reference": {
                  "wikidataid": "Q72"
                },
                "endOffset": 25,
                "role": {
                  "type": "Place"
                },
                "text": "Z\u00fcrich",
                "startOffset": 19,
                "type": "GPE"
              }
            ],
            "subtype": "Ransom"
          }
        ]
      }
    ],
    "extra": [
      1.0,
      {
        "b": null
      },
      []
    ]
  },
  "info": {
    "title": "Z\u00fcrich \u201cattack\u201d \ud83d\ude00",
    "date": "2017_01_02",
    "type": "text",
    "link": "https://example.com/z"
  }
}`);

/** json.dumps(doc, separators=(",", ":"), ensure_ascii=False) on an ASCII-only document. */
const compactSeparators = String.raw`{"sourcefile":"7.txt","content":"Hackers stole data from Acme. Acme patched it.","info":{"link":"https://example.com/a/b","title":"Acme breach","date":"2017_05_31","type":"text","score":0.0},"cyberevent":{"version":2,"hopper":[{"events":[{"subtype":"Databreach","realis":"Actual","type":"Attack","index":"E1","nugget":{"text":"stole","startOffset":8,"endOffset":13,"index":"T1","source":{"tool":"brat","weights":[1.0,0.0025,-3]}},"argument":[{"type":"Person","role":{"type":"Attacker","confidence":1.0},"text":"Hackers","startOffset":0,"endOffset":7,"index":"T2"},{"index":"T3","external_reference":{"wikidataid":"Q1","dbpediaURI":"http://dbpedia.org/resource/Acme","label":null},"endOffset":28,"role":{"CAPEC-Meta":"Content Spoofing","type":"Victim","confidence":0.0},"text":"Acme","startOffset":24,"type":"Organization","note":"checked"}]}],"index":0,"flag":true},{"index":1,"relation":"Same","events":[{"nugget":{"startOffset":35,"index":"T4","endOffset":42,"text":"patched"},"index":"E2","type":"Vulnerability-related","subtype":"PatchVulnerability","realis":"Actual"},{"index":"E3","type":"Attack","realis":"Other","nugget":{"startOffset":8,"index":"T5","endOffset":13,"text":"stole"},"argument":[{"index":"T3","text":"Acme","endOffset":28,"role":{"type":"Victim"},"startOffset":24,"type":"Organization"}],"subtype":"Databreach"}]}]},"annotator":{"name":"ann","ids":[1,2],"empty":{},"none":[]}}`;

/** json.dumps with every kind of escape: short ones, control characters, DEL, U+2028, a surrogate pair and a lone surrogate. */
const escapes = String.raw`{"content": "Tab\there, \"quoted\" \\ back/slash \u007f del \u0001 ctl \u2028 ls \ud83d\ude00 emoji \ud800 lone", "sourcefile": "9.txt", "cyberevent": {"hopper": []}}`;

/** json.dumps(doc, indent=0): line breaks without indentation. */
const indent0 = '{\n"content": "a",\n"sourcefile": "z.txt",\n"cyberevent": {\n"hopper": []\n},\n"x": [\n1,\n{}\n]\n}';

/** json.dumps(doc, indent=2, separators=(", ", ": ")): Python 2's default, a space before each line break. */
const indentWithSpacedSeparator =
  '{\n  "content": "a", \n  "sourcefile": "z.txt", \n  "cyberevent": {\n    "hopper": []\n  }, \n  "x": [\n    1, \n    {}\n  ]\n}';

function tabs(text: string): string {
  return text.replace(/^(?: {2})+/gm, (indent) => "\t".repeat(indent.length / 2));
}

function parsed(text: string): CasieDocument {
  const { document, issues } = parseCasieDocument(text);
  assert.deepEqual(issues, []);
  assert.ok(document);
  return document;
}

const fixtures: [name: string, text: string, style: JsonStyle][] = [
  ["default style", defaultStyle, DEFAULT_JSON_STYLE],
  ["indent 2, ensure_ascii=False", indent2Unicode, { indent: 2, itemSeparator: ",", keySeparator: ": ", ensureAscii: false, trailingNewline: false }],
  ["indent 4 with a trailing newline", indent4Ascii, { indent: 4, itemSeparator: ",", keySeparator: ": ", ensureAscii: true, trailingNewline: true }],
  ["tab indent", tabIndent, { indent: "\t", itemSeparator: ",", keySeparator: ": ", ensureAscii: true, trailingNewline: false }],
  ["compact separators", compactSeparators, { indent: null, itemSeparator: ",", keySeparator: ":", ensureAscii: true, trailingNewline: false }],
  ["every escape", escapes, DEFAULT_JSON_STYLE],
  ["indent 0", indent0, { indent: 0, itemSeparator: ",", keySeparator: ": ", ensureAscii: true, trailingNewline: false }],
  [
    'indent with separator ", "',
    indentWithSpacedSeparator,
    { indent: 2, itemSeparator: ", ", keySeparator: ": ", ensureAscii: true, trailingNewline: false },
  ],
];

for (const [name, text, style] of fixtures) {
  test(`round trip, byte for byte: ${name}`, () => {
    const document = parsed(text);
    assert.deepEqual(document.style, style);
    assert.equal(serializeCasieDocument(document), text);
    assert.equal(checkRoundTrip(text, document), null);
  });
}

test("the round trip survives storage as JSON (the database keeps documents as plain data)", () => {
  for (const [, text] of fixtures) assert.equal(serializeCasieDocument(JSON.parse(JSON.stringify(parsed(text)))), text);
});

test("unknown members are kept verbatim in their object's layout", () => {
  const document = parsed(defaultStyle);
  assert.deepEqual(document.layout, {
    keys: ["sourcefile", "content", "info", "cyberevent", "annotator"],
    extra: { annotator: '{"name": "ann", "ids": [1, 2], "empty": {}, "none": []}' },
  });
  assert.deepEqual(document.cybereventLayout, { keys: ["version", "hopper"], extra: { version: "2" } });
  assert.deepEqual(document.info?.layout, { keys: ["link", "title", "date", "type", "score"], extra: { score: "0.0" } });
  const [first, second] = document.hoppers;
  assert.deepEqual(first.layout, { keys: ["events", "index", "flag"], extra: { flag: "true" } });
  const event = first.events[0];
  assert.deepEqual(event.nugget.layout?.extra, { source: '{"tool": "brat", "weights": [1.0, 0.0025, -3]}' });
  assert.deepEqual(event.arguments[0].role, { type: "Attacker", layout: { keys: ["type", "confidence"], extra: { confidence: "1.0" } } });
  assert.deepEqual(event.arguments[1].role.layout?.extra, { "CAPEC-Meta": '"Content Spoofing"', confidence: "0.0" });
  assert.deepEqual(event.arguments[1].externalReference, {
    wikidataid: "Q1",
    dbpediaURI: "http://dbpedia.org/resource/Acme",
    layout: { keys: ["wikidataid", "dbpediaURI", "label"], extra: { label: "null" } },
  });
  assert.deepEqual(event.arguments[1].layout?.extra, { note: '"checked"' });

  // A missing `argument` key and a present one; a hopper without and one with `relation`; T3 in two events.
  assert.deepEqual(second.events[0].arguments, []);
  assert.equal(second.events[0].layout?.keys.includes("argument"), false);
  assert.equal(first.relation, undefined);
  assert.equal(second.relation, "Same");
  assert.equal(second.events[1].arguments[0].index, "T3");
  assert.equal(event.arguments[1].index, "T3");
});

test("an empty argument list is written back as one", () => {
  const text =
    '{"content": "x", "sourcefile": "e.txt", "cyberevent": {"hopper": [{"index": 0, "events": [{"index": "E1", "type": "Attack", "realis": "Actual", "nugget": {"startOffset": 0, "index": "T1", "endOffset": 1, "text": "x"}, "argument": [], "subtype": "Ransom"}]}]}}';
  assert.equal(serializeCasieDocument(parsed(text)), text);
});

test("number lexemes Python would not write survive in unknown members", () => {
  const text = '{"content": "", "sourcefile": "n.txt", "cyberevent": {"hopper": []}, "odd": [2.5E-3, -0, 1e400, 10.50]}';
  assert.equal(serializeCasieDocument(parsed(text)), text);
});

/** A document as the editor would build it: no layouts, no style. */
function builtDocument(): CasieDocument {
  return {
    content: "Acme was hacked. Acme fixed it.",
    sourcefile: "new.txt",
    hoppers: [
      {
        index: 0,
        relation: "Same",
        events: [
          {
            index: "E1",
            type: "Attack",
            subtype: "Databreach",
            realis: "Actual",
            nugget: { index: "T1", startOffset: 9, endOffset: 15, text: "hacked" },
            arguments: [
              { index: "T2", startOffset: 0, endOffset: 4, text: "Acme", entityType: "Organization", role: { type: "Victim" } },
              {
                index: "T3",
                startOffset: 17,
                endOffset: 21,
                text: "Acme",
                entityType: "Organization",
                role: { type: "Releaser" },
                externalReference: { wikidataid: "Q1", dbpediaURI: "http://dbpedia.org/resource/Acme" },
              },
            ],
          },
        ],
      },
      {
        index: 1,
        events: [
          {
            index: "E2",
            type: "Vulnerability-related",
            subtype: "PatchVulnerability",
            realis: "Actual",
            nugget: { index: "T4", startOffset: 22, endOffset: 27, text: "fixed" },
            arguments: [],
          },
        ],
      },
    ],
    info: { link: "https://example.com/acme", type: "text", date: "2017_01_02", title: "Acme “hacked”" },
  };
}

test("a document built without layouts gets the corpus's majority key orders and json.dumps defaults", () => {
  const expected = String.raw`{"content": "Acme was hacked. Acme fixed it.", "sourcefile": "new.txt", "cyberevent": {"hopper": [{"index": 0, "relation": "Same", "events": [{"index": "E1", "type": "Attack", "realis": "Actual", "nugget": {"startOffset": 9, "index": "T1", "endOffset": 15, "text": "hacked"}, "argument": [{"index": "T2", "text": "Acme", "endOffset": 4, "role": {"type": "Victim"}, "startOffset": 0, "type": "Organization"}, {"index": "T3", "external_reference": {"dbpediaURI": "http://dbpedia.org/resource/Acme", "wikidataid": "Q1"}, "endOffset": 21, "role": {"type": "Releaser"}, "text": "Acme", "startOffset": 17, "type": "Organization"}], "subtype": "Databreach"}]}, {"index": 1, "events": [{"nugget": {"startOffset": 22, "index": "T4", "endOffset": 27, "text": "fixed"}, "index": "E2", "type": "Vulnerability-related", "subtype": "PatchVulnerability", "realis": "Actual"}]}]}, "info": {"title": "Acme \u201chacked\u201d", "date": "2017_01_02", "type": "text", "link": "https://example.com/acme"}}`;
  assert.equal(serializeCasieDocument(builtDocument()), expected);
});

test("a document without info has no info key", () => {
  const document = builtDocument();
  delete document.info;
  document.hoppers = [];
  assert.equal(
    serializeCasieDocument(document),
    '{"content": "Acme was hacked. Acme fixed it.", "sourcefile": "new.txt", "cyberevent": {"hopper": []}}',
  );
});

test("edits after import: removed values are skipped, added ones go where the majority order puts them", () => {
  const document = parsed(defaultStyle);
  const [first, second] = document.hoppers;
  // The external reference removed: its key is skipped, the rest keeps the file's order.
  delete first.events[0].arguments[1].externalReference;
  // A relation added to a hopper laid out as [events, index, flag]: after index, its predecessor in the majority order.
  first.relation = "Same";
  // Arguments added to an event that had none (layout [nugget, index, type, subtype, realis]): after nugget.
  second.events[0].arguments.push({
    index: "T6",
    startOffset: 30,
    endOffset: 34,
    text: "Acme",
    entityType: "Organization",
    role: { type: "Releaser" },
  });
  // A link added to an argument laid out as [type, role, text, startOffset, endOffset, index]: after index, at the end.
  first.events[0].arguments[0].externalReference = { wikidataid: "Q2" };

  const written = JSON.parse(serializeCasieDocument(document));
  const writtenFirst = written.cyberevent.hopper[0];
  assert.deepEqual(Object.keys(writtenFirst), ["events", "index", "relation", "flag"]);
  assert.deepEqual(Object.keys(writtenFirst.events[0].argument[1]), ["index", "endOffset", "role", "text", "startOffset", "type", "note"]);
  assert.deepEqual(Object.keys(writtenFirst.events[0].argument[0]), [
    "type",
    "role",
    "text",
    "startOffset",
    "endOffset",
    "index",
    "external_reference",
  ]);
  assert.deepEqual(Object.keys(written.cyberevent.hopper[1].events[0]), ["nugget", "argument", "index", "type", "subtype", "realis"]);
  assert.deepEqual(written.cyberevent.hopper[1].events[0].argument, [
    { index: "T6", text: "Acme", endOffset: 34, role: { type: "Releaser" }, startOffset: 30, type: "Organization" },
  ]);
});

test("extras missing from their layout's key list are written last, not lost", () => {
  const document = builtDocument();
  document.hoppers[1].layout = { keys: ["index", "events"], extra: { note: '"kept"' } };
  assert.deepEqual(Object.keys(JSON.parse(serializeCasieDocument(document)).cyberevent.hopper[1]), ["index", "events", "note"]);
});

test("quoteJsonString escapes as json.dumps does, with and without ensure_ascii", () => {
  const value = 'a"b\\c/d\n\t\u0001\u007fé€😀';
  assert.equal(quoteJsonString(value, true), String.raw`"a\"b\\c/d\n\t\u0001\u007f\u00e9\u20ac\ud83d\ude00"`);
  assert.equal(quoteJsonString(value, false), '"a\\"b\\\\c/d\\n\\t\\u0001\u007fé€😀"');
  assert.equal(quoteJsonString("plain ascii", true), '"plain ascii"');
});

test("checkRoundTrip locates the first byte that would differ", () => {
  // One space inside the empty list: no json.dumps option writes that.
  const text = '{"content": "é", "sourcefile": "a.txt", "cyberevent": {"hopper": [ ]}}';
  const issue = checkRoundTrip(text, parsed(text));
  assert.ok(issue);
  assert.equal(issue.severity, "warning");
  assert.equal(issue.code, "not-byte-identical");
  assert.equal(issue.line, 1);
  assert.equal(issue.column, 67);
  // é is two bytes in UTF-8, so the byte offset is one more than the character offset.
  assert.match(issue.message, /from byte offset 67 the file has ".*\[ \]}}" where export writes ".*\[\]}}"/);
});

test('an unknown member named "__proto__" is kept as data, not taken as a prototype', () => {
  const text = '{"content": "", "sourcefile": "p.txt", "cyberevent": {"hopper": []}, "__proto__": {"polluted": true}}';
  const document = parsed(text);
  assert.ok(Object.hasOwn(document.layout!.extra, "__proto__"));
  assert.equal(serializeCasieDocument(document), text);
  assert.equal(serializeCasieDocument(JSON.parse(JSON.stringify(document))), text);
});
