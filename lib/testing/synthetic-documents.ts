// Made-up CASIE documents of any size, for tests and benchmarks that need
// sets of a given number of events: "Hackers stole data." once per event.

import type { CasieDocument, CasieEvent } from "@/lib/casie/types";

/** `count` sentences, each with an Attack/Databreach event on "stole" in a hopper of its own. */
export function documentWithEvents(count: number, name = `events-${count}`): CasieDocument {
  const sentence = "Hackers stole data.";
  const content = Array.from({ length: count }, () => sentence).join(" ");
  const events: CasieEvent[] = Array.from({ length: count }, (_, i) => {
    const start = i * (sentence.length + 1) + sentence.indexOf("stole");
    return {
      index: `E${i + 1}`,
      type: "Attack",
      subtype: "Databreach",
      realis: "Actual",
      nugget: { index: `T${i + 1}`, startOffset: start, endOffset: start + 5, text: "stole" },
      arguments: [],
    };
  });
  return { content, sourcefile: `${name}.txt`, hoppers: events.map((event, i) => ({ index: i, events: [event] })) };
}
