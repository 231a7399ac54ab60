// For tests of windows that sync: seeded random numbers, and a random edit of
// any kind a window can make (built with the editor's own commands).

import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { spanUses } from "./document-lookup";
import {
  addArgumentOperation,
  adjustSpanOperation,
  createHopperOperation,
  createNuggetOperation,
  deleteEventOperation,
  mergeHoppersOperation,
  moveEventOperation,
  removeArgumentOperation,
  setEventAttributesOperation,
  setHopperRelationOperation,
  splitEventOperation,
} from "./editor-commands";
import type { SetNumbering } from "./index-allocation";
import type { AnnotationOperation } from "./operation-types";

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    below: (n) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

export interface Random {
  next(): number;
  below(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** A random edit on `document`: builds an operation, or null (or throws a refusal) when the drawn edit makes no sense there. */
export function randomEdit(random: Random, document: CasieDocument, numbering: SetNumbering): AnnotationOperation | null {
  const events = document.hoppers.flatMap((hopper) => hopper.events);
  const hoppers = document.hoppers.map((hopper) => hopper.index);
  const event = () => random.pick(events).index;
  const words = [...document.content.matchAll(/\w+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const phrase = () => {
    const first = random.below(words.length);
    const last = Math.min(words.length - 1, first + random.below(3));
    return { start: words[first].start, end: words[last].end };
  };
  const kinds = [
    "nugget",
    "nugget",
    "attribute",
    "argument",
    "removeArgument",
    "move",
    "split",
    "merge",
    "delete",
    "hopper",
    "relation",
    "resize",
  ] as const;
  switch (random.pick(kinds)) {
    case "nugget": {
      const hopper = hoppers.length && random.chance(0.5) ? random.pick(hoppers) : "new";
      return createNuggetOperation(document, { ...phrase(), type: "Attack", subtype: "Databreach", realis: "Actual", hopper }, numbering);
    }
    case "attribute":
      return events.length ? setEventAttributesOperation(document, event(), { realis: random.pick(["Actual", "Generic", "Other"]) }) : null;
    case "argument":
      return events.length
        ? addArgumentOperation(document, event(), phrase(), random.pick(["Attacker", "Victim", "Time"]), undefined, DEFAULT_CASIE_TAGSET, numbering)
        : null;
    case "removeArgument": {
      const withArguments = events.filter((candidate) => candidate.arguments.length);
      if (!withArguments.length) return null;
      const chosen = random.pick(withArguments);
      return removeArgumentOperation(document, chosen.index, random.below(chosen.arguments.length));
    }
    case "move":
      return events.length ? moveEventOperation(document, event(), random.pick(hoppers)) : null;
    case "split":
      return events.length ? splitEventOperation(document, event(), numbering) : null;
    case "merge":
      return hoppers.length > 1 ? mergeHoppersOperation(document, random.pick(hoppers), random.pick(hoppers)) : null;
    case "delete":
      return events.length ? deleteEventOperation(document, event()) : null;
    case "hopper":
      return createHopperOperation(document, { numbering });
    case "relation":
      return hoppers.length ? setHopperRelationOperation(document, random.pick(hoppers), random.chance(0.5) ? "Same" : null) : null;
    case "resize": {
      const spans = [...spanUses(document)].map((use) => use.span.index);
      return spans.length ? adjustSpanOperation(document, random.pick(spans), phrase()) : null;
    }
  }
}
