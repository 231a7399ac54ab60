// Every fixture document (and every document of the CASIE sample, when it is
// beside the checkout) written as brat standoff and read back is the same set.

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCasieDocument } from "@/lib/casie/parse";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument, CasieHopper } from "@/lib/casie/types";
import { readAnnotationFiles, type CasieCorpus } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES } from "@/lib/testing/casie-fixtures";
import { locateCasieSample } from "@/lib/testing/casie-sample";
import { casieToBrat } from "./brat-export";
import { bratToCasie } from "./brat-import";

/** The hoppers without their JSON layouts (which brat does not carry) and without absent members. */
function withoutLayouts(hoppers: CasieHopper[]): CasieHopper[] {
  return JSON.parse(JSON.stringify(hoppers, (key, value: unknown) => (key === "layout" ? undefined : value))) as CasieHopper[];
}

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
