// Small hand-written CASIE documents for the annotation tests, parsed from JSON
// so their objects carry layouts as imported ones do, and deeply frozen so a
// test fails on any change made to its input.

import assert from "node:assert/strict";
import { parseCasieDocument } from "@/lib/casie/parse";
import type { CasieDocument } from "@/lib/casie/types";

/**
 * Three hoppers (0, 1 and 3: a gap) of four events. T4 "a clinic" is an
 * argument of E1 and of E2 (a re-used span, with an entity link); E3 has no
 * arguments; E5's nugget "stolen" is nested in E1's "have stolen"; hopper 3
 * has a member Hopper does not interpret ("note").
 */
export const CLINIC_JSON =
  '{"content": "Hackers have stolen the data of patients from a clinic in Lithuania. The clinic refused to pay the ransom of 300 euros.", ' +
  '"sourcefile": "1.txt", "cyberevent": {"hopper": [' +
  '{"index": 0, "relation": "Same", "events": [{"index": "E1", "type": "Attack", "realis": "Actual", ' +
  '"nugget": {"startOffset": 8, "index": "T1", "endOffset": 19, "text": "have stolen"}, "argument": [' +
  '{"index": "T2", "text": "Hackers", "endOffset": 7, "role": {"type": "Attacker"}, "startOffset": 0, "type": "Person"}, ' +
  '{"index": "T3", "text": "the data of patients", "endOffset": 40, "role": {"type": "Compromised-Data"}, "startOffset": 20, "type": "PII"}, ' +
  '{"index": "T4", "external_reference": {"wikidataid": "Q1774898"}, "endOffset": 54, "role": {"type": "Victim"}, "text": "a clinic", "startOffset": 46, "type": "Organization"}], ' +
  '"subtype": "Databreach"}]}, ' +
  '{"index": 1, "events": [{"index": "E2", "type": "Attack", "realis": "Actual", ' +
  '"nugget": {"startOffset": 99, "index": "T5", "endOffset": 105, "text": "ransom"}, "argument": [' +
  '{"index": "T4", "external_reference": {"wikidataid": "Q1774898"}, "endOffset": 54, "role": {"type": "Victim"}, "text": "a clinic", "startOffset": 46, "type": "Organization"}, ' +
  '{"index": "T6", "text": "300 euros", "endOffset": 118, "role": {"type": "Price"}, "startOffset": 109, "type": "Money"}], "subtype": "Ransom"}, ' +
  '{"nugget": {"startOffset": 91, "index": "T7", "endOffset": 94, "text": "pay"}, "index": "E3", "type": "Attack", "subtype": "Ransom", "realis": "Other"}]}, ' +
  '{"index": 3, "note": "checked", "events": [{"index": "E5", "type": "Attack", "realis": "Generic", ' +
  '"nugget": {"startOffset": 13, "index": "T9", "endOffset": 19, "text": "stolen"}, "argument": [' +
  '{"index": "T8", "text": "patients", "endOffset": 40, "role": {"type": "Victim"}, "startOffset": 32, "type": "Person"}], "subtype": "Databreach"}]}]}, ' +
  '"info": {"title": "Clinic hacked", "date": "2017_05_31", "type": "text", "link": "https://example.com/a"}}';

export function clinicDocument(): CasieDocument {
  return parseFrozen(CLINIC_JSON);
}

export function parseFrozen(json: string): CasieDocument {
  const { document, issues } = parseCasieDocument(json);
  assert.ok(document, JSON.stringify(issues));
  return deepFreeze(document);
}

/** A document of `content` with no annotations, built as the editor builds new ones (no layouts). */
export function blankDocument(content: string): CasieDocument {
  return deepFreeze({ content, sourcefile: "blank.txt", hoppers: [] });
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
