// Every fixture document (and every document of the CASIE sample, when it is
// beside the checkout) written as brat standoff and read back is the same set.

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCasieDocument } from "@/lib/casie/parse";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { readAnnotationFiles, type CasieCorpus } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES } from "@/lib/testing/casie-fixtures";
import { locateCasieSample } from "@/lib/testing/casie-sample";
import { casieToBrat } from "./brat-export";
import { bratToCasie } from "./brat-import";
import { hoppersWithoutLayouts } from "@/lib/casie/hoppers-without-layouts";
import { bratRoundTripProblem } from "./brat-round-trip";

const withoutLayouts = hoppersWithoutLayouts;

function roundTrip(document: CasieDocument) {
  const files = casieToBrat(document, DEFAULT_CASIE_TAGSET);
  assert.equal(files.text, document.content);
  return bratToCasie(files.text, files.annotations, { sourcefile: document.sourcefile, tagset: DEFAULT_CASIE_TAGSET });
}

function checkCorpus(corpus: CasieCorpus) {
  const files = readAnnotationFiles(corpus);
  assert.ok(files.length > 0);
  for (const { name, text } of files) {
    const document = parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name }).document!;
    const back = roundTrip(document);
    assert.equal(bratRoundTripProblem(document, DEFAULT_CASIE_TAGSET), null, name);
    assert.deepEqual(back.errors, [], name);
    assert.deepEqual(back.warnings, [], name);
    assert.deepEqual(withoutLayouts(back.document!.hoppers), withoutLayouts(document.hoppers), name);
    // The CASIE JSON written from either is the same, layouts aside.
    const bare = { ...document, hoppers: withoutLayouts(document.hoppers) };
    assert.equal(serializeCasieDocument({ ...bare, hoppers: withoutLayouts(back.document!.hoppers) }), serializeCasieDocument(bare), name);
  }
}

test("every fixture document goes to brat and back unchanged", () => checkCorpus(CASIE_FIXTURES));

const lookup = locateCasieSample();
test("every document of the CASIE sample goes to brat and back unchanged", { skip: lookup.skip }, () => checkCorpus(lookup.sample!));

test("a round trip that loses something is reported", () => {
  const text = "Hackers stole data.";
  const nugget = { index: "T1", startOffset: 8, endOffset: 13, text: "stole" };
  const event = { index: "E1", type: "Attack", subtype: "Databreach", realis: "Actual", nugget, arguments: [] };
  // An empty external reference writes no Reference line, so it cannot come back.
  const argument = {
    index: "T2",
    startOffset: 0,
    endOffset: 7,
    text: "Hackers",
    entityType: "Person",
    role: { type: "Attacker" },
    externalReference: {},
  };
  const lossy: CasieDocument = { content: text, sourcefile: "x.txt", hoppers: [{ index: 0, events: [{ ...event, arguments: [argument] }] }] };
  assert.match(bratRoundTripProblem(lossy, DEFAULT_CASIE_TAGSET)!, /read back differently/);
  assert.equal(bratRoundTripProblem({ ...lossy, hoppers: [{ index: 0, events: [event] }] }, DEFAULT_CASIE_TAGSET), null);
});
