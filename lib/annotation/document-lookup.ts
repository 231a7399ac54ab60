// Finding events, hoppers and spans of a document by their indexes. Documents
// hold tens of events, so plain scans are fast enough and need no cache to keep in sync.

import type { CasieDocument, CasieEvent, CasieHopper, CasieSpan } from "@/lib/casie/types";

export interface LocatedEvent {
  event: CasieEvent;
  hopper: CasieHopper;
  /** The hopper's position in the document's hopper list. */
  hopperPosition: number;
  /** The event's position in its hopper. */
  position: number;
}

export function findEvent(document: CasieDocument, eventIndex: string): LocatedEvent | undefined {
  for (let hopperPosition = 0; hopperPosition < document.hoppers.length; hopperPosition++) {
    const hopper = document.hoppers[hopperPosition];
    const position = hopper.events.findIndex((event) => event.index === eventIndex);
    if (position !== -1) return { event: hopper.events[position], hopper, hopperPosition, position };
  }
  return undefined;
}

/** The hopper's position in the hopper list, or -1. */
export function findHopperPosition(document: CasieDocument, hopperIndex: number): number {
  return document.hoppers.findIndex((hopper) => hopper.index === hopperIndex);
}

/** Every nugget and argument, in document order (a re-used `T` once per use). */
export function* spanUses(document: CasieDocument): Generator<{ span: CasieSpan; event: CasieEvent; kind: "nugget" | "argument" }> {
  for (const hopper of document.hoppers) {
    for (const event of hopper.events) {
      yield { span: event.nugget, event, kind: "nugget" };
      for (const argument of event.arguments) yield { span: argument, event, kind: "argument" };
    }
  }
}

/** The span a `T` names (its first use: imported and edited documents keep every use alike). */
export function findSpan(document: CasieDocument, spanIndex: string): CasieSpan | undefined {
  for (const { span } of spanUses(document)) if (span.index === spanIndex) return span;
  return undefined;
}

/** The events using a `T` (as nugget or argument), each once, in document order. */
export function spanUsers(document: CasieDocument, spanIndex: string): string[] {
  const events = new Set<string>();
  for (const { span, event } of spanUses(document)) if (span.index === spanIndex) events.add(event.index);
  return [...events];
}

export function sameBounds(
  a: Pick<CasieSpan, "startOffset" | "endOffset" | "text">,
  b: Pick<CasieSpan, "startOffset" | "endOffset" | "text">,
): boolean {
  return a.startOffset === b.startOffset && a.endOffset === b.endOffset && a.text === b.text;
}
