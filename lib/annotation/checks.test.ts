import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument, CasieEvent } from "@/lib/casie/types";
import { applyOperation } from "./operation-kinds";
import { checkAnnotations } from "./checks";
import { clinicDocument, parseFrozen } from "./test-documents";

test("the clinic document only has an event without arguments", () => {
  assert.deepEqual(checkAnnotations(clinicDocument(), DEFAULT_CASIE_TAGSET), [
    { code: "event-without-arguments", severity: "warning", message: "E3 has no arguments", eventIndex: "E3", hopperIndex: 1 },
  ]);
});

const MESSY = parseFrozen(
  '{"content": "Hackers stole the data of 300 patients.", "sourcefile": "3.txt", "cyberevent": {"hopper": [' +
    '{"index": 0, "events": [{"index": "E1", "type": "Attack", "realis": "General", "nugget": {"startOffset": 9, "index": "T1", "endOffset": 14, "text": "stole"}, "argument": [' +
    '{"index": "T2", "text": "Hackers", "endOffset": 7, "role": {"type": "Releaser"}, "startOffset": 0, "type": "Villain"}, ' +
    '{"index": "T3", "text": "the dat", "endOffset": 24, "role": {"type": "Compromised-Data"}, "startOffset": 17, "type": "Data"}], "subtype": "Databreach"}]}, ' +
    '{"index": 1, "events": []}, ' +
    '{"index": 2, "events": [{"index": "E2", "type": "Intrusion", "realis": "Actual", "nugget": {"startOffset": 8, "index": "T4", "endOffset": 13, "text": "stole"}, "argument": [' +
    '{"index": "T5", "text": "300", "endOffset": 28, "role": {"type": "Number-of-Victim"}, "startOffset": 25, "type": "Number"}], "subtype": "Databreach"}, ' +
    '{"index": "E3", "type": "Attack", "realis": "Actual", "nugget": {"startOffset": 8, "index": "T6", "endOffset": 13, "text": "stole"}, "argument": [' +
    '{"index": "T2", "text": "Hackers", "endOffset": 7, "role": {"type": "Attacker"}, "startOffset": 0, "type": "Person"}], "subtype": "Theft"}]}]}}',
);

test("values outside the tagset, misplaced spans and empty hoppers are reported with what to jump to", () => {
  const problems = checkAnnotations(MESSY, DEFAULT_CASIE_TAGSET);
  assert.deepEqual(
    problems.map(({ code, eventIndex, spanIndex, hopperIndex, message }) => ({ code, eventIndex, spanIndex, hopperIndex, message })),
    [
      {
        code: "unknown-realis",
        eventIndex: "E1",
        spanIndex: undefined,
        hopperIndex: 0,
        message: `E1's realis "General" is not in the tagset (Actual, Generic, Other)`,
      },
      {
        code: "role-not-allowed",
        eventIndex: "E1",
        spanIndex: "T2",
        hopperIndex: 0,
        message:
          `E1's argument T2 "Hackers" plays the role "Releaser", not one allowed for Attack/Databreach events ` +
          "(Attack-Pattern, Attacker, Compromised-Data, Damage-Amount, Number-of-Data, Number-of-Victim, Place, Purpose, Time, Tool, Victim)",
      },
      {
        code: "unknown-entity-type",
        eventIndex: "E1",
        spanIndex: "T2",
        hopperIndex: 0,
        message: `E1's argument T2 "Hackers" has the entity type "Villain", not in the tagset`,
      },
      { code: "empty-hopper", eventIndex: undefined, spanIndex: undefined, hopperIndex: 1, message: "hopper 1 holds no events" },
      {
        code: "unknown-event-type",
        eventIndex: "E2",
        spanIndex: undefined,
        hopperIndex: 2,
        message: `E2's type "Intrusion" is not in the tagset (Attack, Vulnerability-related)`,
      },
      {
        code: "unknown-subtype",
        eventIndex: "E3",
        spanIndex: undefined,
        hopperIndex: 2,
        message: `E3's subtype "Theft" is not a subtype of Attack (Databreach, Phishing, Ransom)`,
      },
      {
        code: "span-shifted-plus-1",
        eventIndex: "E1",
        spanIndex: "T1",
        hopperIndex: undefined,
        message: `E1's nugget T1 "stole" at 9-14 is one character after its text, found at 8-13`,
      },
      {
        code: "span-text-mismatch",
        eventIndex: "E1",
        spanIndex: "T3",
        hopperIndex: undefined,
        message: `E1's argument T3 "the dat" at 17-24 does not match the text there, " data o", and no one-character shift explains it`,
      },
      {
        code: "span-shifted-minus-1",
        eventIndex: "E2",
        spanIndex: "T5",
        hopperIndex: undefined,
        message: `E2's argument T5 "300" at 25-28 is one character before its text, found at 26-29`,
      },
    ],
  );
  // T2 is used twice and T4/T6 are distinct spans with the same bounds: neither is a problem.
  assert.ok(problems.every((problem) => problem.spanIndex !== "T6" && problem.spanIndex !== "T4"));
});

test("repairs: shifted spans move onto their text, empty hoppers go", () => {
  let document: CasieDocument = MESSY;
  for (const problem of checkAnnotations(MESSY, DEFAULT_CASIE_TAGSET)) if (problem.repair) document = applyOperation(document, problem.repair);
  const remaining = checkAnnotations(document, DEFAULT_CASIE_TAGSET).map((problem) => problem.code);
  assert.deepEqual(remaining, [
    "unknown-realis",
    "role-not-allowed",
    "unknown-entity-type",
    "unknown-event-type",
    "unknown-subtype",
    "span-text-mismatch",
  ]);
  assert.equal(checkAnnotations(MESSY, DEFAULT_CASIE_TAGSET).filter((problem) => problem.repair).length, 3);
});

test("what an import refuses is still reported if it ever gets in: duplicate and conflicting indexes, offsets past the end", () => {
  const event = (index: string, nugget: CasieEvent["nugget"]): CasieEvent => ({
    index,
    type: "Attack",
    subtype: "Ransom",
    realis: "Actual",
    nugget,
    arguments: [],
  });
  const document: CasieDocument = {
    content: "pay up",
    sourcefile: "4.txt",
    hoppers: [
      { index: 0, events: [event("E1", { index: "T1", startOffset: 0, endOffset: 3, text: "pay" })] },
      {
        index: 0,
        events: [
          event("E1", { index: "T1", startOffset: 4, endOffset: 6, text: "up" }),
          event("E2", { index: "T2", startOffset: 4, endOffset: 9, text: "up!!!" }),
        ],
      },
    ],
  };
  const problems = checkAnnotations(document, DEFAULT_CASIE_TAGSET).filter((problem) => problem.severity === "error");
  assert.deepEqual(
    problems.map((problem) => problem.message),
    [
      "hopper index 0 is used by more than one hopper",
      "E1 names two events (in hoppers 0 and 0)",
      `T1 names different spans: 0-3 "pay" in E1, 4-6 "up" in E1`,
      `E2's nugget T2 "up!!!" ends at 9, past the end of the text (6 characters)`,
    ],
  );
});

test("a change re-checks only the events it replaced; the others' problems are kept as they were", () => {
  const before = checkAnnotations(MESSY, DEFAULT_CASIE_TAGSET);
  const e1 = MESSY.hoppers[0].events[0];
  const after = applyOperation(MESSY, { kind: "setEventAttributes", eventIndex: "E1", from: { realis: "General" }, to: { realis: "Actual" } });
  const problems = checkAnnotations(after, DEFAULT_CASIE_TAGSET);
  const ofEvent = (list: typeof problems, eventIndex: string) => list.filter((problem) => problem.eventIndex === eventIndex && !problem.spanIndex);
  // E1's realis problem is gone, E2's and E3's problems are the very objects of the first check.
  assert.ok(ofEvent(before, "E1").some((problem) => problem.code === "unknown-realis"));
  assert.ok(!ofEvent(problems, "E1").some((problem) => problem.code === "unknown-realis"));
  for (const eventIndex of ["E2", "E3"]) {
    const kept = ofEvent(problems, eventIndex);
    assert.ok(kept.length > 0);
    for (const problem of kept) assert.ok(before.includes(problem), `${eventIndex}: ${problem.message}`);
  }
  assert.equal(after.hoppers[0].events[0] === e1, false);
  // Against another tagset, everything is checked again.
  const other = { ...DEFAULT_CASIE_TAGSET, realis: [...DEFAULT_CASIE_TAGSET.realis, "General"] };
  assert.ok(!checkAnnotations(MESSY, other).some((problem) => problem.code === "unknown-realis" && problem.eventIndex === "E1"));
});
