import type { CasieEvent } from "@/lib/casie/types";

/** Every `T` an event touches, nugget first, then its arguments in order, each once: what lights up when the event is hovered. */
export function eventSpanIndexes(event: CasieEvent): string[] {
  return [...new Set([event.nugget.index, ...event.arguments.map((a) => a.index)])];
}
