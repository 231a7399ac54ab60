// Applying and inverting annotation operations. Applying is pure: the result
// shares every untouched object with the input (layouts included) and the input
// is never changed. An operation that does not fit the document (a value someone
// else changed, an index taken or gone, offsets outside the content) is refused
// with an OperationConflictError instead of being applied approximately.

import { findSpanShift } from "@/lib/casie/span-shift";
import { MAJORITY_KEY_ORDER, orderKeys } from "@/lib/casie/key-order";
import type { CasieArgument, CasieDocument, CasieEvent, CasieHopper, CasieSpan, ObjectLayout } from "@/lib/casie/types";
import { describeArgument, describeBounds, describeEventChange, describeReference, describeValue, quote } from "./conflict-messages";
import { findEvent, findHopperPosition, findSpan, sameBounds, spanUses } from "./document-lookup";
import type { AnnotationOperation, ArgumentAttributes, EventAttributes, EventPlace, HopperSlot } from "./operation-types";
import { sameJson } from "./same-json";

/** The operation does not fit the document; `message` says what was expected and what was found. */
export class OperationConflictError extends Error {
  /** The operation that did not fit (inside a batch: the member that failed). */
  readonly operation: AnnotationOperation;

  constructor(message: string, operation: AnnotationOperation) {
    super(message);
    this.name = "OperationConflictError";
    this.operation = operation;
  }
}

export function applyOperations(document: CasieDocument, operations: readonly AnnotationOperation[]): CasieDocument {
  return operations.reduce(applyOperation, document);
}

export function applyOperation(document: CasieDocument, operation: AnnotationOperation): CasieDocument {
  const conflict = (message: string): never => {
    throw new OperationConflictError(message, operation);
  };
  switch (operation.kind) {
    case "createEvent":
      return createEvent(document, operation, conflict);
    case "deleteEvent":
      return deleteEvent(document, operation, conflict);
    case "setEventAttributes":
      return setEventAttributes(document, operation, conflict);
    case "addArgument":
      return addArgument(document, operation, conflict);
    case "removeArgument":
      return removeArgument(document, operation, conflict);
    case "setArgumentAttributes":
      return setArgumentAttributes(document, operation, conflict);
    case "setSpanBounds":
      return setSpanBounds(document, operation, conflict);
    case "moveEvent":
      return moveEvent(document, operation, conflict);
    case "createHopper":
      return insertHopper(document, operation, conflict);
    case "deleteHopper":
      return removeHopper(document, operation, conflict);
    case "setHopperRelation":
      return setHopperRelation(document, operation, conflict);
    case "batch":
      return applyOperations(document, operation.operations);
  }
}

/** The operation that undoes `operation`; inverting twice gives `operation` back. */
export function invertOperation(operation: AnnotationOperation): AnnotationOperation {
  switch (operation.kind) {
    case "createEvent": {
      const { event, place, newHopper } = operation;
      return newHopper ? { kind: "deleteEvent", event, place, deletedHopper: newHopper } : { kind: "deleteEvent", event, place };
    }
    case "deleteEvent": {
      const { event, place, deletedHopper } = operation;
      return deletedHopper ? { kind: "createEvent", event, place, newHopper: deletedHopper } : { kind: "createEvent", event, place };
    }
    case "addArgument":
      return { ...operation, kind: "removeArgument" };
    case "removeArgument":
      return { ...operation, kind: "addArgument" };
    case "createHopper":
      return { ...operation, kind: "deleteHopper" };
    case "deleteHopper":
      return { ...operation, kind: "createHopper" };
    case "setEventAttributes":
    case "setArgumentAttributes":
    case "setSpanBounds":
    case "moveEvent":
    case "setHopperRelation":
      return { ...operation, from: operation.to, to: operation.from } as AnnotationOperation;
    case "batch":
      return { kind: "batch", label: operation.label, operations: operation.operations.map(invertOperation).reverse() };
  }
}

type Conflict = (message: string) => never;
type Operation<K extends AnnotationOperation["kind"]> = Extract<AnnotationOperation, { kind: K }>;

function createEvent(document: CasieDocument, operation: Operation<"createEvent">, conflict: Conflict): CasieDocument {
  const { event, place, newHopper } = operation;
  const existing = findEvent(document, event.index);
  if (existing) conflict(`${event.index} already exists (in hopper ${existing.hopper.index})`);
  checkNewSpans(document, [event.nugget, ...event.arguments], conflict);
  let result = document;
  if (newHopper) {
    if (newHopper.index !== place.hopperIndex)
      conflict(`the new event goes into hopper ${place.hopperIndex}, not into the hopper ${newHopper.index} it creates`);
    result = insertHopper(result, newHopper, conflict);
  }
  return updateHopper(result, place.hopperIndex, conflict, (hopper) => {
    checkInsertPosition(place.position, hopper.events.length, `hopper ${hopper.index}'s events`, conflict);
    return { ...hopper, events: hopper.events.toSpliced(place.position, 0, event) };
  });
}

function deleteEvent(document: CasieDocument, operation: Operation<"deleteEvent">, conflict: Conflict): CasieDocument {
  const { event, place, deletedHopper } = operation;
  const found = locateEvent(document, event.index, place, conflict);
  if (!sameJson(found, event)) conflict(describeEventChange(event, found));
  const result = updateHopper(document, place.hopperIndex, conflict, (hopper) => ({ ...hopper, events: hopper.events.toSpliced(place.position, 1) }));
  if (!deletedHopper) return result;
  if (deletedHopper.index !== place.hopperIndex)
    conflict(`the event is deleted from hopper ${place.hopperIndex}, not from the hopper ${deletedHopper.index} it deletes`);
  return removeHopper(result, deletedHopper, conflict);
}

function setEventAttributes(document: CasieDocument, operation: Operation<"setEventAttributes">, conflict: Conflict): CasieDocument {
  const { eventIndex, from, to } = operation;
  return updateEvent(document, eventIndex, conflict, (event) => {
    const changed = { ...event };
    for (const key of changedKeys<EventAttributes>(from, to, eventIndex, conflict)) {
      if (event[key] !== from[key]) conflict(`${eventIndex}'s ${key} is ${event[key]} now, not ${from[key]}`);
      changed[key] = to[key]!;
    }
    return changed;
  });
}

function addArgument(document: CasieDocument, operation: Operation<"addArgument">, conflict: Conflict): CasieDocument {
  const { eventIndex, position, argument } = operation;
  checkNewSpans(document, [argument], conflict);
  return updateEvent(document, eventIndex, conflict, (event) => {
    checkInsertPosition(position, event.arguments.length, `${eventIndex}'s arguments`, conflict);
    const twin = event.arguments.find((other) => other.index === argument.index && other.role.type === argument.role.type);
    if (twin) conflict(`${eventIndex} already has ${describeArgument(twin)}`);
    return withArguments(event, event.arguments.toSpliced(position, 0, argument));
  });
}

function removeArgument(document: CasieDocument, operation: Operation<"removeArgument">, conflict: Conflict): CasieDocument {
  const { eventIndex, position, argument } = operation;
  return updateEvent(document, eventIndex, conflict, (event) => {
    const found = argumentAt(event, position, conflict);
    if (!sameJson(found, argument))
      conflict(`${eventIndex}'s argument ${position + 1} is ${describeArgument(found)} now, not ${describeArgument(argument)}`);
    return withArguments(event, event.arguments.toSpliced(position, 1));
  });
}

function setArgumentAttributes(document: CasieDocument, operation: Operation<"setArgumentAttributes">, conflict: Conflict): CasieDocument {
  const { eventIndex, position, from, to } = operation;
  return updateEvent(document, eventIndex, conflict, (event) => {
    const argument = argumentAt(event, position, conflict);
    let changed: CasieArgument = { ...argument };
    const which = `${eventIndex}'s argument ${argument.index} ${quote(argument.text)}`;
    for (const key of changedKeys<ArgumentAttributes>(from, to, eventIndex, conflict)) {
      if (key === "role") {
        if (argument.role.type !== from.role) conflict(`${which} has the role ${argument.role.type} now, not ${from.role}`);
        changed.role = { ...argument.role, type: to.role! };
      } else if (key === "entityType") {
        if (argument.entityType !== from.entityType) conflict(`${which} has the entity type ${argument.entityType} now, not ${from.entityType}`);
        changed.entityType = to.entityType!;
      } else {
        if (!sameJson(argument.externalReference ?? null, from.externalReference)) {
          conflict(`${which} has ${describeReference(argument.externalReference)} now, not ${describeReference(from.externalReference)}`);
        }
        const { externalReference: _removed, ...rest } = changed;
        changed = to.externalReference ? { ...rest, externalReference: to.externalReference } : rest;
      }
    }
    return { ...event, arguments: event.arguments.with(position, changed) };
  });
}

function setSpanBounds(document: CasieDocument, operation: Operation<"setSpanBounds">, conflict: Conflict): CasieDocument {
  const { spanIndex, from, to } = operation;
  const current = findSpan(document, spanIndex);
  if (!current) return conflict(`there is no span ${spanIndex}`);
  if (!sameBounds(current, from)) conflict(`${spanIndex} is ${describeBounds(current)} now, not ${describeBounds(from)}`);
  checkSpanFits(document.content, { index: spanIndex, ...to }, conflict);
  const bounds = { startOffset: to.startOffset, endOffset: to.endOffset, text: to.text };
  const hoppers = document.hoppers.map((hopper) => {
    if (!hopper.events.some((event) => usesSpan(event, spanIndex))) return hopper;
    const events = hopper.events.map((event) => {
      if (!usesSpan(event, spanIndex)) return event;
      const nugget = event.nugget.index === spanIndex ? { ...event.nugget, ...bounds } : event.nugget;
      const args = event.arguments.map((argument) => (argument.index === spanIndex ? { ...argument, ...bounds } : argument));
      return { ...event, nugget, arguments: args };
    });
    return { ...hopper, events };
  });
  return { ...document, hoppers };
}

function moveEvent(document: CasieDocument, operation: Operation<"moveEvent">, conflict: Conflict): CasieDocument {
  const { eventIndex, from, to } = operation;
  const event = locateEvent(document, eventIndex, from, conflict);
  const removed = updateHopper(document, from.hopperIndex, conflict, (hopper) => ({ ...hopper, events: hopper.events.toSpliced(from.position, 1) }));
  return updateHopper(removed, to.hopperIndex, conflict, (hopper) => {
    checkInsertPosition(to.position, hopper.events.length, `hopper ${hopper.index}'s events`, conflict);
    return { ...hopper, events: hopper.events.toSpliced(to.position, 0, event) };
  });
}

function insertHopper(document: CasieDocument, slot: HopperSlot, conflict: Conflict): CasieDocument {
  if (!Number.isSafeInteger(slot.index)) conflict(`a hopper index must be an integer, not ${slot.index}`);
  if (findHopperPosition(document, slot.index) !== -1) conflict(`hopper ${slot.index} already exists`);
  checkInsertPosition(slot.position, document.hoppers.length, "the hopper list", conflict);
  const hopper: CasieHopper = { index: slot.index, events: [] };
  if (slot.relation !== undefined) hopper.relation = slot.relation;
  if (slot.layout !== undefined) hopper.layout = slot.layout;
  return { ...document, hoppers: document.hoppers.toSpliced(slot.position, 0, hopper) };
}

/** Removes the empty hopper `slot` describes. */
function removeHopper(document: CasieDocument, slot: HopperSlot, conflict: Conflict): CasieDocument {
  const { index } = slot;
  const position = findHopperPosition(document, index);
  if (position === -1) conflict(`there is no hopper ${index}`);
  const hopper = document.hoppers[position];
  if (position !== slot.position) conflict(`hopper ${index} is at position ${position} now, not ${slot.position}`);
  if (hopper.events.length > 0) conflict(`hopper ${index} is not empty: it holds ${hopper.events.map((event) => event.index).join(", ")}`);
  if (hopper.relation !== slot.relation)
    conflict(`hopper ${index}'s relation is ${describeValue(hopper.relation)} now, not ${describeValue(slot.relation)}`);
  if (!sameJson(hopper.layout, slot.layout)) conflict(`hopper ${index} has changed since (its JSON layout)`);
  return { ...document, hoppers: document.hoppers.toSpliced(position, 1) };
}

function setHopperRelation(document: CasieDocument, operation: Operation<"setHopperRelation">, conflict: Conflict): CasieDocument {
  const { hopperIndex, from, to } = operation;
  return updateHopper(document, hopperIndex, conflict, (hopper) => {
    if ((hopper.relation ?? null) !== from)
      conflict(`hopper ${hopperIndex}'s relation is ${describeValue(hopper.relation)} now, not ${describeValue(from)}`);
    const { relation: _removed, ...rest } = hopper;
    return to === null ? rest : { ...rest, relation: to };
  });
}

// --- checks ----------------------------------------------------------------

/** The event `eventIndex`, which the operation expects at `place`. */
function locateEvent(document: CasieDocument, eventIndex: string, place: EventPlace, conflict: Conflict): CasieEvent {
  const found = findEvent(document, eventIndex);
  if (!found) return conflict(`there is no event ${eventIndex}`);
  if (found.hopper.index !== place.hopperIndex || found.position !== place.position) {
    conflict(
      `${eventIndex} is at position ${found.position} of hopper ${found.hopper.index} now, not at position ${place.position} of hopper ${place.hopperIndex}`,
    );
  }
  return found.event;
}

function argumentAt(event: CasieEvent, position: number, conflict: Conflict): CasieArgument {
  const argument = Number.isInteger(position) ? event.arguments[position] : undefined;
  if (!argument) return conflict(`${event.index} has no argument ${position + 1} (it has ${event.arguments.length})`);
  return argument;
}

function checkInsertPosition(position: number, length: number, list: string, conflict: Conflict): void {
  if (!Number.isInteger(position) || position < 0 || position > length) conflict(`position ${position} is outside ${list} (0 to ${length})`);
}

/** The attributes an attribute change sets: `from` and `to` must name the same ones. */
function changedKeys<T extends object>(from: T, to: T, eventIndex: string, conflict: Conflict): (keyof T)[] {
  const named = (values: T) => (Object.keys(values) as (keyof T)[]).filter((key) => values[key] !== undefined).sort();
  const keys = named(from);
  if (!sameJson(keys, named(to)))
    conflict(`the change to ${eventIndex} names ${keys.join(", ") || "nothing"} as before but ${named(to).join(", ") || "nothing"} as after`);
  return keys;
}

/**
 * Spans an event or argument brings in: a `T` the document already has must be
 * that very span (a re-use); a new `T` must fit the content.
 */
function checkNewSpans(document: CasieDocument, spans: CasieSpan[], conflict: Conflict): void {
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
function checkSpanFits(content: string, span: CasieSpan, conflict: Conflict): void {
  const { index, startOffset: start, endOffset: end, text } = span;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    conflict(`${index}'s offsets ${start}-${end} are not a range of the content`);
  }
  if (text.length !== end - start)
    conflict(`${index}'s text ${quote(text)} is ${text.length} characters long, not ${end - start} as its offsets ${start}-${end} say`);
  const shift = findSpanShift(content, start, end, text);
  // An empty text matches the empty slice past the end: the range check is still needed.
  if (shift !== null && end <= content.length + (shift === 1 ? 1 : 0)) return;
  if (end > content.length) conflict(`${index} ends at ${end}, outside the content (${content.length} characters)`);
  conflict(`${index}'s text ${quote(text)} is not the content at ${start}-${end}, which is ${quote(content.slice(start, end))}`);
}

// --- immutable updates -----------------------------------------------------

function updateHopper(document: CasieDocument, hopperIndex: number, conflict: Conflict, change: (hopper: CasieHopper) => CasieHopper): CasieDocument {
  const position = findHopperPosition(document, hopperIndex);
  if (position === -1) conflict(`there is no hopper ${hopperIndex}`);
  return { ...document, hoppers: document.hoppers.with(position, change(document.hoppers[position])) };
}

function updateEvent(document: CasieDocument, eventIndex: string, conflict: Conflict, change: (event: CasieEvent) => CasieEvent): CasieDocument {
  const found = findEvent(document, eventIndex);
  if (!found) return conflict(`there is no event ${eventIndex}`);
  const events = found.hopper.events.with(found.position, change(found.event));
  return { ...document, hoppers: document.hoppers.with(found.hopperPosition, { ...found.hopper, events }) };
}

function usesSpan(event: CasieEvent, spanIndex: string): boolean {
  return event.nugget.index === spanIndex || event.arguments.some((argument) => argument.index === spanIndex);
}

/**
 * The event with other arguments. The corpus never writes an empty `argument`
 * list, so an imported event that loses its last argument loses the key from its
 * layout, and gets it back where the serializer would put it when it gains one
 * (exactly where it was, for the corpus's key orders).
 */
function withArguments(event: CasieEvent, args: CasieArgument[]): CasieEvent {
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
