import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { casieToBrat } from "./brat-export";
import { bratToCasie } from "./brat-import";

const TEXT = "Hackers stole data from Acme Corp. Acme paid a ransom.";
const at = (text: string) => ({ startOffset: TEXT.indexOf(text), endOffset: TEXT.indexOf(text) + text.length, text });
const read = (annotations: string) => bratToCasie(TEXT, annotations, { sourcefile: "x.txt", tagset: DEFAULT_CASIE_TAGSET });

test("a T index that is both a nugget and an argument gets a second brat id, with a note giving its CASIE index back", () => {
  const document: CasieDocument = {
    content: TEXT,
    sourcefile: "x.txt",
    hoppers: [
      {
        index: 0,
        events: [
          {
            index: "E1",
            type: "Attack",
            subtype: "Databreach",
            realis: "Actual",
            nugget: { index: "T1", ...at("stole") },
            arguments: [
              { index: "T2", ...at("Hackers"), entityType: "Person", role: { type: "Attacker" } },
              { index: "T3", ...at("Acme Corp"), entityType: "Organization", role: { type: "Victim" }, externalReference: { wikidataid: "Q1" } },
              { index: "T4", ...at("Acme"), entityType: "Organization", role: { type: "Victim" } },
            ],
          },
        ],
      },
      {
        index: 3,
        events: [
          {
            index: "E2",
            type: "Attack",
            subtype: "Ransom",
            realis: "Other",
            nugget: { index: "T5", ...at("paid") },
            // T1 again, as an argument: another label for the same CASIE span.
            arguments: [{ index: "T1", ...at("stole"), entityType: "Capabilities", role: { type: "Attack-Pattern" } }],
          },
        ],
      },
    ],
  };
  const { annotations } = casieToBrat(document, DEFAULT_CASIE_TAGSET);
  assert.deepEqual(annotations.trimEnd().split("\n"), [
    "T1\tDatabreach 8 13\tstole",
    "T2\tPerson 0 7\tHackers",
    "T3\tOrganization 24 33\tAcme Corp",
    "T4\tOrganization 24 28\tAcme",
    "T5\tRansom 40 44\tpaid",
    "T6\tCapabilities 8 13\tstole",
    "E1\tDatabreach:T1 Attacker:T2 Victim:T3 Victim2:T4",
    "E2\tRansom:T5 Attack-Pattern:T6",
    "A1\tRealis E1 Actual",
    "A2\tHopper E1 h0",
    "A3\tRealis E2 Other",
    "A4\tHopper E2 h3",
    "N1\tReference T3 Wikidata:Q1\tAcme Corp",
    "#1\tCasieIndex T6\tT1",
  ]);
  const back = read(annotations);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.document!.hoppers, document.hoppers);
});

test("files made in brat: hoppers from Coreference equivalences, the type from the tagset, unused spans reported", () => {
  const back = read(
    [
      "T1\tDatabreach 8 13\tstole",
      "T2\tRansom 40 44\tpaid",
      "T3\tDatabreach 35 39\tAcme",
      "T4\tPerson 0 7\tHackers",
      "T9\tOrganization 24 33\tAcme Corp",
      "E1\tDatabreach:T1 Attacker:T4",
      "E2\tRansom:T2",
      "E3\tDatabreach:T3",
      "*\tCoreference E1 E3",
      "R1\tOwns Arg1:T4 Arg2:T9",
    ].join("\n"),
  );
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.warnings, ["line 10: relations are not part of CASIE; skipped", "T9 is in no event: skipped"]);
  const hoppers = back.document!.hoppers;
  assert.deepEqual(
    hoppers.map((hopper) => [hopper.index, hopper.relation, hopper.events.map((event) => [event.index, event.type, event.realis])]),
    [
      [
        0,
        "Same",
        [
          ["E1", "Attack", ""],
          ["E3", "Attack", ""],
        ],
      ],
      [1, undefined, [["E2", "Attack", ""]]],
    ],
  );
});

test("what brat files cannot say in CASIE is refused with the line", () => {
  const unknown = read("T1\tExploit 8 13\tstole\nE1\tExploit:T1\n");
  assert.equal(unknown.document, null);
  assert.deepEqual(unknown.errors, ["line 2: the tagset cannot tell the type of subtype Exploit: give E1 an EventType attribute"]);
  const typed = read("T1\tExploit 8 13\tstole\nE1\tExploit:T1\nA1\tEventType E1 Attack\n");
  assert.equal(typed.document!.hoppers[0].events[0].type, "Attack");
  assert.deepEqual(read("T1\tRansom 8 13\tstole\nT2\tRansom 40 44\tpaid\nE1\tRansom:T1\nE2\tRansom:T2 Cause:E1\n").errors, [
    "line 4: E2's Cause is E1: CASIE arguments are text spans",
  ]);
  assert.deepEqual(read("E1\tRansom:T7\n").errors, ["line 1: no T line T7"]);
  assert.deepEqual(read("X1 what\n").errors, ["line 1: not a brat annotation line"]);
});

test("labels brat cannot hold are refused on export", () => {
  const document: CasieDocument = {
    content: TEXT,
    sourcefile: "x.txt",
    hoppers: [
      {
        index: 0,
        events: [{ index: "E1", type: "Attack", subtype: "Data breach", realis: "Actual", nugget: { index: "T1", ...at("stole") }, arguments: [] }],
      },
    ],
  };
  assert.throws(() => casieToBrat(document, DEFAULT_CASIE_TAGSET), /subtype "Data breach" cannot be a brat label/);
});
