// Two (or three) made-up annotators' sets of the agreement tests' article, disagreeing
// on exactly a nugget span, a subtype, a role and a hopper grouping.

import { ARTICLE, argument, event, hoppers, spanOf } from "@/lib/agreement/test-sets";
import { EMPTY_NUMBERING } from "@/lib/annotation/index-allocation";
import type { CasieDocument, CasieHopper } from "@/lib/casie/types";
import type { AnnotatorSet } from "./event-rows";

/** The offsets of the first occurrence of `text` in the article, as item ids write them. */
export function offsetsOf(text: string): string {
  const span = spanOf("T", text);
  return `${span.startOffset}-${span.endOffset}`;
}

export function documentWith(sets: CasieHopper[]): CasieDocument {
  return { content: ARTICLE, sourcefile: "made-up.txt", hoppers: sets };
}

export const EMPTY_GOLD = { document: documentWith([]), numbering: EMPTY_NUMBERING };

/** Ann: "stole" and "leaked" in one hopper, "Hackers" the Attacker, nugget "paid". */
export const ANN: AnnotatorSet = {
  annotatorId: "ann",
  name: "Ann",
  document: documentWith(
    hoppers(
      [
        event("E1", spanOf("T1", "stole"), "Databreach", "Actual", [
          argument("T2", "Hackers", "Attacker", "Person"),
          argument("T3", "data", "Compromised-Data", "Data"),
        ]),
        event("E3", spanOf("T6", "leaked"), "Databreach", "Actual"),
      ],
      [event("E2", spanOf("T4", "paid"), "Ransom", "Actual", [argument("T5", "Acme", "Victim", "Organization")])],
    ),
  ),
};

/** Bob numbers his own way: "leaked" a Ransom in a hopper of its own, "Hackers" the Victim, nugget "paid a ransom". */
export const BOB: AnnotatorSet = {
  annotatorId: "bob",
  name: "Bob",
  document: documentWith(
    hoppers(
      [event("E10", spanOf("T20", "paid a ransom"), "Ransom", "Actual", [argument("T21", "Acme", "Victim", "Organization")])],
      [
        event("E11", spanOf("T22", "stole"), "Databreach", "Actual", [
          argument("T23", "data", "Compromised-Data", "Data"),
          argument("T24", "Hackers", "Victim", "Person"),
        ]),
      ],
      [event("E12", spanOf("T25", "leaked"), "Ransom", "Actual")],
    ),
  ),
};
