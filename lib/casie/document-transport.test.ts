import assert from "node:assert/strict";
import { test } from "node:test";
import { readAnnotationFiles, type CasieCorpus } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES } from "@/lib/testing/casie-fixtures";
import { locateCasieSample } from "@/lib/testing/casie-sample";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import { decodeDocumentFromTransport, encodeDocumentForTransport } from "./document-transport";
import { parseCasieDocument } from "./parse";
import { serializeCasieDocument } from "./serialize";
import { DEFAULT_CASIE_TAGSET } from "./tagset";
import type { CasieArgument, CasieDocument } from "./types";

function parsedCorpus(corpus: CasieCorpus): { name: string; text: string; document: CasieDocument }[] {
  return readAnnotationFiles(corpus).map(({ name, text }) => {
    const { document } = parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name });
    assert.ok(document, name);
    return { name, text, document };
  });
}

function assertRoundTrip(corpus: CasieCorpus) {
  let json = 0;
  let encoded = 0;
  for (const { name, text, document } of parsedCorpus(corpus)) {
    const sent = encodeDocumentForTransport(document);
    const received = decodeDocumentFromTransport(sent);
    assert.deepStrictEqual(received, document, name);
    assert.equal(serializeCasieDocument(received), text, name);
    json += JSON.stringify(document).length;
    encoded += sent.length;
  }
  return encoded / json;
}

test("the fixtures come back as they went, layouts, quirks and mismatched span texts included, and re-export byte for byte", () => {
  assertRoundTrip(CASIE_FIXTURES);
});

const { sample, skip } = locateCasieSample();

test("the sample's 100 documents come back as they went, in under half the JSON of their objects", { skip }, () => {
  const ratio = assertRoundTrip(sample!);
  assert.ok(ratio < 0.5, `encoded at ${ratio.toFixed(2)} of the objects' JSON`);
});

test("a document built in the editor (no layouts, style or info) comes back with no member added", () => {
  const document = documentWithEvents(3);
  document.hoppers[0].relation = "Same";
  const hackers = (index: string, text: string, externalReference: CasieArgument["externalReference"]): CasieArgument => ({
    index,
    startOffset: 0,
    endOffset: 7,
    text,
    entityType: "Person",
    role: { type: "Attacker" },
    externalReference,
  });
  document.hoppers[1].events[0].arguments.push(hackers("T9", "Hackers", { wikidataid: "Q1" }), hackers("T10", "Hacker", { dbpediaURI: "http://x" }));
  const received = decodeDocumentFromTransport(encodeDocumentForTransport(document));
  assert.deepStrictEqual(received, document);
  assert.deepStrictEqual(Object.keys(received.hoppers[1]), ["index", "events"]);
  assert.equal(received.hoppers[1].events[0].arguments[1].text, "Hacker");
});

test("an argument's text is sent only where it is not the content's slice; equal layouts are written once", () => {
  const document = documentWithEvents(2);
  const layout = { keys: ["index", "startOffset", "endOffset", "text"], extra: {} };
  document.hoppers[0].events[0].nugget.layout = layout;
  document.hoppers[1].events[0].nugget.layout = { ...layout, keys: [...layout.keys] };
  const sent = encodeDocumentForTransport(document);
  assert.equal(sent.split('"stole"').length - 1, 0);
  assert.equal(sent.split('"startOffset"').length - 1, 1);
});

test("layouts with the same keys but other extra members stay apart", () => {
  const document = documentWithEvents(3);
  const keys = ["index", "startOffset", "endOffset", "text"];
  document.hoppers[0].events[0].nugget.layout = { keys, extra: {} };
  document.hoppers[1].events[0].nugget.layout = { keys: [...keys], extra: { note: "1" } };
  document.hoppers[2].events[0].nugget.layout = { keys: [...keys], extra: { note: "2" } };
  const received = decodeDocumentFromTransport(encodeDocumentForTransport(document));
  assert.deepStrictEqual(received, document);
  assert.equal(encodeDocumentForTransport(document).split('"startOffset"').length - 1, 3);
});
