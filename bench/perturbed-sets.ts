// Other annotators' sets made from a document's annotations, for the agreement
// and adjudication benchmarks: nuggets dropped, shifted, given another subtype
// or realis; arguments dropped or given another role; events moved to other hoppers.

import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieEvent, CasieHopper } from "@/lib/casie/types";

/** A seeded generator, so every run measures the same project. */
export function randomSource(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const SUBTYPES = DEFAULT_CASIE_TAGSET.eventTypes.flatMap((type) => type.subtypes.map((subtype) => ({ type: type.name, subtype: subtype.name })));
const ROLES = DEFAULT_CASIE_TAGSET.roles.map((role) => role.name);

export function perturbed(hoppers: CasieHopper[], random: () => number): CasieHopper[] {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const copy = structuredClone(hoppers).map((hopper) => ({
    ...hopper,
    events: hopper.events.flatMap((event): CasieEvent[] => {
      if (random() < 0.1) return [];
      if (random() < 0.1) event.nugget = { ...event.nugget, endOffset: event.nugget.endOffset + 1 + Math.floor(random() * 3) };
      if (random() < 0.1) Object.assign(event, pick(SUBTYPES));
      if (random() < 0.05) event.realis = pick(DEFAULT_CASIE_TAGSET.realis);
      event.arguments = event.arguments.filter(() => random() >= 0.1);
      for (const argument of event.arguments) if (random() < 0.05) argument.role = { type: pick(ROLES) };
      return [event];
    }),
  }));
  // Regroup: some events move to another hopper, some to a hopper of their own.
  let nextIndex = Math.max(-1, ...copy.map((hopper) => hopper.index)) + 1;
  for (const hopper of [...copy]) {
    for (const event of [...hopper.events]) {
      const roll = random();
      if (roll >= 0.15) continue;
      hopper.events.splice(hopper.events.indexOf(event), 1);
      if (roll < 0.08 && copy.length > 1) pick(copy).events.push(event);
      else copy.push({ index: nextIndex++, events: [event] });
    }
  }
  return copy.filter((hopper) => hopper.events.length);
}
