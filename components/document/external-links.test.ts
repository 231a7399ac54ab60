import assert from "node:assert/strict";
import { test } from "node:test";
import { externalReferenceLinks, httpUrl } from "./external-links";

test("Wikidata ids and DBpedia URIs become links", () => {
  assert.deepEqual(externalReferenceLinks({ dbpediaURI: "http://dbpedia.org/resource/Apple_Inc.", wikidataid: "Q312" }), [
    { label: "Wikidata Q312", href: "https://www.wikidata.org/wiki/Q312" },
    { label: "DBpedia", href: "http://dbpedia.org/resource/Apple_Inc." },
  ]);
  assert.deepEqual(externalReferenceLinks(undefined), []);
});

test("references that are not safe link targets are kept as text", () => {
  assert.deepEqual(externalReferenceLinks({ wikidataid: "Q1/../x", dbpediaURI: "javascript:alert(1)" }), [
    { label: "Wikidata Q1/../x", href: null },
    { label: "DBpedia", href: null },
  ]);
  assert.equal(httpUrl("not a url"), null);
  assert.equal(httpUrl("https://example.org/a b"), "https://example.org/a%20b");
});
