// The checks and immutable updates operation kinds share: finding what an
// operation names where it expects it, refusing what does not fit, and
// changing one hopper or event while sharing everything else.

import { findSpanShift } from "@/lib/casie/span-shift";
import { MAJORITY_KEY_ORDER, orderKeys } from "@/lib/casie/key-order";
import type { CasieArgument, CasieDocument, CasieEvent, CasieHopper, CasieSpan, ObjectLayout } from "@/lib/casie/types";
import { describeBounds, describeValue, quote } from "../conflict-messages";
import { findEvent, findHopperPosition, sameBounds, spanUses } from "../document-lookup";
import type { EventPlace, HopperSlot } from "../operation-types";
import { sameJson } from "../same-json";
import type { Conflict } from "./kind-spec";

/** The event `eventIndex`, which the operation expects at `place`. */
export function locateEvent(document: CasieDocument, eventIndex: string, place: EventPlace, conflict: Conflict): CasieEvent {
  const found = findEvent(document, eventIndex);
  if (!found) return conflict(`there is no event ${eventIndex}`);
  if (found.hopper.index !== place.hopperIndex || found.position !== place.position) {
    conflict(
      `${eventIndex} is at position ${found.position} of hopper ${found.hopper.index} now, not at position ${place.position} of hopper ${place.hopperIndex}`,
    );
  }
  return found.event;
}

export function argumentAt(event: CasieEvent, position: number, conflict: Conflict): CasieArgument {
  const argument = Number.isInteger(position) ? event.arguments[position] : undefined;
  if (!argument) return conflict(`${event.index} has no argument ${position + 1} (it has ${event.arguments.length})`);
  return argument;
}

export function checkInsertPosition(position: number, length: number, list: string, conflict: Conflict): void {
  if (!Number.isInteger(position) || position < 0 || position > length) conflict(`position ${position} is outside ${list} (0 to ${length})`);
}

/** The attributes an attribute change sets: `from` and `to` must name the same ones. */
export function changedKeys<T extends object>(from: T, to: T, eventIndex: string, conflict: Conflict): (keyof T)[] {
  const named = (values: T) => (Object.keys(values) as (keyof T)[]).filter((key) => values[key] !== undefined).sort();
  const keys = named(from);
  if (!sameJson(keys, named(to))) {
    conflict(`the change to ${eventIndex} names ${keys.join(", ") || "nothing"} as before but ${named(to).join(", ") || "nothing"} as after`);
  }
  return keys;
}

/**
 * Spans an event or argument brings in: a `T` the document already has must be
 * that very span (a re-use); a new `T` must fit the content.
 */
export function checkNewSpans(document: CasieDocument, spans: CasieSpan[], conflict: Conflict): void {
  const known = new Map<string, CasieSpan>();
  for (const { span } of spanUses(document)) if (!known.has(span.index)) known.set(span.index, span);
  for (const span of spans) {
    const existing = known.get(span.index);
    if (existing) {
      if (!sameBounds(existing, span)) conflict(`${span.index} is already the span ${describeBounds(existing)}, not ${describeBounds(span)}`);
      continue;
    }
    checkSpanFits(document.content, span, conflict);
    known.set(span.index, span);
  }
}

/**
 * A span's text is the content at its offsets, or (so that undo restores
 * imported data exactly) the content one character off, as in the corpus's
 * shifted spans. Any other text would be made up.
 */
export function checkSpanFits(content: string, span: CasieSpan, conflict: Conflict): void {
  const { index, startOffset: start, endOffset: end, text } = span;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    conflict(`${index}'s offsets ${start}-${end} are not a range of the content`);
  }
  if (text.length !== end - start) {
    conflict(`${index}'s text ${quote(text)} is ${text.length} characters long, not ${end - start} as its offsets ${start}-${end} say`);
  }
  const shift = findSpanShift(content, start, end, text);
  // An empty text matches the empty slice past the end: the range check is still needed.
  if (shift !== null && end <= content.length + (shift === 1 ? 1 : 0)) return;
  if (end > content.length) conflict(`${index} ends at ${end}, outside the content (${content.length} characters)`);
  conflict(`${index}'s text ${quote(text)} is not the content at ${start}-${end}, which is ${quote(content.slice(start, end))}`);
}

export function updateHopper(
  document: CasieDocument,
  hopperIndex: number,
  conflict: Conflict,
  change: (hopper: CasieHopper) => CasieHopper,
): CasieDocument {
  const position = findHopperPosition(document, hopperIndex);
  if (position === -1) conflict(`there is no hopper ${hopperIndex}`);
  return { ...document, hoppers: document.hoppers.with(position, change(document.hoppers[position])) };
}

export function updateEvent(
  document: CasieDocument,
  eventIndex: string,
  conflict: Conflict,
  change: (event: CasieEvent) => CasieEvent,
): CasieDocument {
  const found = findEvent(document, eventIndex);
  if (!found) return conflict(`there is no event ${eventIndex}`);
  const events = found.hopper.events.with(found.position, change(found.event));
  return { ...document, hoppers: document.hoppers.with(found.hopperPosition, { ...found.hopper, events }) };
}

export function usesSpan(event: CasieEvent, spanIndex: string): boolean {
  return event.nugget.index === spanIndex || event.arguments.some((argument) => argument.index === spanIndex);
}

/**
 * The event with other arguments. The corpus never writes an empty `argument`
 * list, so an imported event that loses its last argument loses the key from its
 * layout, and gets it back where the serializer would put it when it gains one
 * (exactly where it was, for the corpus's key orders).
 */
export function withArguments(event: CasieEvent, args: CasieArgument[]): CasieEvent {
  const changed = { ...event, arguments: args };
  const layout = event.layout;
  if (!layout) return changed;
  const listed = layout.keys.includes("argument");
  if (args.length === 0 && listed) changed.layout = { ...layout, keys: layout.keys.filter((key) => key !== "argument") };
  if (args.length > 0 && !listed) changed.layout = withArgumentKey(layout);
  return changed;
}

function withArgumentKey(layout: ObjectLayout): ObjectLayout {
  const present: Record<string, string> = { argument: "" };
  for (const key of layout.keys) if (!Object.hasOwn(layout.extra, key)) present[key] = "";
  return { ...layout, keys: orderKeys(layout, MAJORITY_KEY_ORDER.eventWithArguments, present) };
}

/** Inserts the empty hopper `slot` describes. */
export function insertHopper(document: CasieDocument, slot: HopperSlot, conflict: Conflict): CasieDocument {
  if (!Number.isSafeInteger(slot.index)) conflict(`a hopper index must be an integer, not ${slot.index}`);
  if (findHopperPosition(document, slot.index) !== -1) conflict(`hopper ${slot.index} already exists`);
  checkInsertPosition(slot.position, document.hoppers.length, "the hopper list", conflict);
  const hopper: CasieHopper = { index: slot.index, events: [] };
  if (slot.relation !== undefined) hopper.relation = slot.relation;
  if (slot.layout !== undefined) hopper.layout = slot.layout;
  return { ...document, hoppers: document.hoppers.toSpliced(slot.position, 0, hopper) };
}

/** Removes the empty hopper `slot` describes. */
export function removeHopper(document: CasieDocument, slot: HopperSlot, conflict: Conflict): CasieDocument {
  const { index } = slot;
  const position = findHopperPosition(document, index);
  if (position === -1) conflict(`there is no hopper ${index}`);
  const hopper = document.hoppers[position];
  if (position !== slot.position) conflict(`hopper ${index} is at position ${position} now, not ${slot.position}`);
  if (hopper.events.length > 0) conflict(`hopper ${index} is not empty: it holds ${hopper.events.map((event) => event.index).join(", ")}`);
  if (hopper.relation !== slot.relation) {
    conflict(`hopper ${index}'s relation is ${describeValue(hopper.relation)} now, not ${describeValue(slot.relation)}`);
  }
  if (!sameJson(hopper.layout, slot.layout)) conflict(`hopper ${index} has changed since (its JSON layout)`);
  return { ...document, hoppers: document.hoppers.toSpliced(position, 1) };
}

// --- positions for rebasing --------------------------------------------------

/** Where to insert now: at the end of the list for an append, else where it was, within the list's current length. */
export function insertAt(position: number, length: number | undefined, append: boolean | undefined): number {
  if (length === undefined) return position;
  return append ? length : Math.min(position, length);
}

/** Where the event is now, when it is still in the hopper the operation expects (a move to another hopper is someone's decision, not a shift). */
export function currentPlace(document: CasieDocument, eventIndex: string, expected: EventPlace): EventPlace {
  const found = findEvent(document, eventIndex);
  return found && found.hopper.index === expected.hopperIndex ? { hopperIndex: expected.hopperIndex, position: found.position } : expected;
}

export function eventCount(document: CasieDocument, hopperIndex: number): number | undefined {
  return document.hoppers[findHopperPosition(document, hopperIndex)]?.events.length;
}
