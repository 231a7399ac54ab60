// What the annotator means, turned into operations against the current document.
// Commands only build operations (the caller applies them, records them for
// undo and saves them); an operation a command builds fits the document it was
// built from. Commands that would change nothing return null, so no empty step
// reaches the history. Intent that cannot be carried out throws an InvalidCommandError.

import { findSpanShift } from "@/lib/casie/span-shift";
import { suggestedEntityTypes, type Tagset } from "@/lib/casie/tagset";
import type { CasieArgument, CasieDocument, CasieEvent, CasieExternalReference, CasieHopper, CasieSpan } from "@/lib/casie/types";
import { describeArgument, quote } from "./conflict-messages";
import { findEvent, findHopperPosition, findSpan, sameBounds, spanUses, type LocatedEvent } from "./document-lookup";
import { createIndexAllocator, type SetNumbering } from "./index-allocation";
import type { AnnotationOperation, EventAttributes, HopperSlot } from "./operation-types";
import { spanEdgeStop } from "./word-snapping";

/** The command cannot be carried out as asked; `message` says why, for the annotator. */
export class InvalidCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidCommandError";
  }
}

export interface NewNugget {
  start: number;
  end: number;
  type: string;
  subtype: string;
  realis: string;
  /** "new" (the default): the event gets a hopper of its own; a hopper index: it joins that hopper, last. */
  hopper?: "new" | number;
}

/** An argument's span: a selection, or a span already annotated (`T`), re-used as in the corpus. */
export type ArgumentTarget = { start: number; end: number } | { reuseSpanIndex: string };

export interface ArgumentChanges {
  role?: string;
  entityType?: string;
  /** The entity the argument names (at least one id); null removes the link. See parseExternalReference. */
  externalReference?: { wikidataid?: string; dbpediaURI?: string } | null;
}

export type SpanEdge = "start" | "end";
export type EdgeStep = "char" | "word";
export type EdgeDirection = "backward" | "forward";

/** `numbering`: the set's, so that new indexes never take a number the set used before (see index-allocation.ts). */
export function createNuggetOperation(document: CasieDocument, nugget: NewNugget, numbering?: SetNumbering): AnnotationOperation {
  const allocate = createIndexAllocator(document, { numbering });
  const span = newSpan(document, allocate.span(), nugget.start, nugget.end);
  const event: CasieEvent = {
    index: allocate.event(),
    type: nugget.type,
    subtype: nugget.subtype,
    realis: nugget.realis,
    nugget: span,
    arguments: [],
  };
  if (nugget.hopper === undefined || nugget.hopper === "new") {
    const index = allocate.hopper();
    return { kind: "createEvent", event, place: { hopperIndex: index, position: 0 }, newHopper: { index, position: document.hoppers.length } };
  }
  const hopper = requireHopper(document, nugget.hopper);
  return { kind: "createEvent", event, place: { hopperIndex: hopper.index, position: hopper.events.length } };
}

/**
 * A new last argument of an event. A selection that is exactly an argument span
 * already annotated re-uses its `T` (one span, several roles, as in the corpus).
 * The entity type defaults to the first the tagset suggests for the role.
 */
export function addArgumentOperation(
  document: CasieDocument,
  eventIndex: string,
  target: ArgumentTarget,
  role: string,
  entityType: string | undefined,
  tagset: Tagset,
  numbering?: SetNumbering,
): AnnotationOperation {
  const { event } = requireEvent(document, eventIndex);
  const span =
    "reuseSpanIndex" in target ? requireSpan(document, target.reuseSpanIndex) : argumentSpan(document, target.start, target.end, numbering);
  const type = entityType ?? suggestedEntityTypes(tagset, role)[0];
  if (type === undefined) throw new InvalidCommandError(`choose an entity type: the tagset suggests none for the role ${role}`);
  const argument: CasieArgument = {
    index: span.index,
    startOffset: span.startOffset,
    endOffset: span.endOffset,
    text: span.text,
    entityType: type,
    role: { type: role },
  };
  const twin = event.arguments.find((other) => other.index === argument.index && other.role.type === role);
  if (twin) throw new InvalidCommandError(`${eventIndex} already has ${describeArgument(twin)}`);
  return { kind: "addArgument", eventIndex, position: event.arguments.length, argument };
}

export function setEventAttributesOperation(document: CasieDocument, eventIndex: string, changes: EventAttributes): AnnotationOperation | null {
  const { event } = requireEvent(document, eventIndex);
  const from: EventAttributes = {};
  const to: EventAttributes = {};
  for (const key of ["type", "subtype", "realis"] as const) {
    const value = changes[key];
    if (value === undefined || value === event[key]) continue;
    if (value.trim() === "") throw new InvalidCommandError(`choose a ${key} for ${eventIndex}`);
    from[key] = event[key];
    to[key] = value;
  }
  return Object.keys(to).length ? { kind: "setEventAttributes", eventIndex, from, to } : null;
}

/** Changes to the argument at `position` of an event; a new entity link keeps the old one's layout. */
export function setArgumentAttributesOperation(
  document: CasieDocument,
  eventIndex: string,
  position: number,
  changes: ArgumentChanges,
): AnnotationOperation | null {
  const argument = requireArgument(document, eventIndex, position);
  const from: Extract<AnnotationOperation, { kind: "setArgumentAttributes" }>["from"] = {};
  const to: typeof from = {};
  if (changes.role !== undefined && changes.role !== argument.role.type) {
    if (changes.role.trim() === "") throw new InvalidCommandError(`choose a role for ${argument.index}`);
    from.role = argument.role.type;
    to.role = changes.role;
  }
  if (changes.entityType !== undefined && changes.entityType !== argument.entityType) {
    if (changes.entityType.trim() === "") throw new InvalidCommandError(`choose an entity type for ${argument.index}`);
    from.entityType = argument.entityType;
    to.entityType = changes.entityType;
  }
  if (changes.externalReference !== undefined) {
    const current = argument.externalReference ?? null;
    const wanted = linkWithLayout(checkExternalReference(changes.externalReference), current);
    if (!sameIds(current, wanted)) {
      from.externalReference = current;
      to.externalReference = wanted;
    }
  }
  return Object.keys(to).length ? { kind: "setArgumentAttributes", eventIndex, position, from, to } : null;
}

/**
 * The entity link an annotator typed: a Wikidata id (`Q42`, or its
 * wikidata.org URL) or a DBpedia resource URI; null for anything else.
 */
export function parseExternalReference(input: string): { wikidataid: string } | { dbpediaURI: string } | null {
  const text = input.trim();
  const wikidata = /^(?:https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/)?(Q[1-9]\d*)$/.exec(text);
  if (wikidata) return { wikidataid: wikidata[1] };
  return DBPEDIA_URI.test(text) ? { dbpediaURI: text } : null;
}

/** New bounds for a span (every nugget and argument naming it follows). */
export function adjustSpanOperation(document: CasieDocument, spanIndex: string, bounds: { start: number; end: number }): AnnotationOperation | null {
  const span = requireSpan(document, spanIndex);
  const to = { startOffset: bounds.start, endOffset: bounds.end, text: selectedText(document.content, bounds.start, bounds.end) };
  if (sameBounds(span, to)) return null;
  return { kind: "setSpanBounds", spanIndex, from: boundsOf(span), to };
}

/**
 * One edge of a span moved by a character or a word, as Shift(+Ctrl)+arrow keys
 * do. A word move lands on the next start (for a span's start) or end (for its
 * end) of a word, a clitic ending or a quote or bracket, so a span can take in
 * or shed the marks around it and a possessive 's. Null when the span would
 * become empty or leave the content.
 */
export function moveSpanEdgeOperation(
  document: CasieDocument,
  spanIndex: string,
  edge: SpanEdge,
  by: EdgeStep,
  direction: EdgeDirection,
): AnnotationOperation | null {
  const content = document.content;
  const span = requireSpan(document, spanIndex);
  let start = span.startOffset;
  let end = span.endOffset;
  const from = edge === "start" ? start : end;
  const moved = by === "char" ? from + (direction === "forward" ? 1 : -1) : spanEdgeStop(content, from, edge, direction);
  if (moved === null) return null;
  if (edge === "start") start = moved;
  else end = moved;
  if (start < 0 || end > content.length || start >= end) return null;
  return adjustSpanOperation(document, spanIndex, { start, end });
}

/** The span grows at `edge` (its start moves back, or its end forward). */
export function extendSpanOperation(document: CasieDocument, spanIndex: string, edge: SpanEdge, by: EdgeStep): AnnotationOperation | null {
  return moveSpanEdgeOperation(document, spanIndex, edge, by, edge === "start" ? "backward" : "forward");
}

/** The span shrinks at `edge` (its start moves forward, or its end back). */
export function shrinkSpanOperation(document: CasieDocument, spanIndex: string, edge: SpanEdge, by: EdgeStep): AnnotationOperation | null {
  return moveSpanEdgeOperation(document, spanIndex, edge, by, edge === "start" ? "forward" : "backward");
}

/**
 * Deleting a nugget deletes its event. Its arguments go with it, or are moved
 * to another event first (those the target already has, same span and role,
 * are not doubled). A hopper left empty is deleted too.
 */
export function deleteEventOperation(
  document: CasieDocument,
  eventIndex: string,
  options: { arguments: "delete" | "moveTo"; targetEventIndex?: string } = { arguments: "delete" },
): AnnotationOperation {
  const { event, hopper, hopperPosition, position } = requireEvent(document, eventIndex);
  const place = { hopperIndex: hopper.index, position };
  const deletion: AnnotationOperation =
    hopper.events.length === 1
      ? { kind: "deleteEvent", event, place, deletedHopper: hopperSlot(hopper, hopperPosition) }
      : { kind: "deleteEvent", event, place };
  if (options.arguments === "delete") return deletion;

  if (options.targetEventIndex === undefined) throw new InvalidCommandError(`choose the event that takes over ${eventIndex}'s arguments`);
  if (options.targetEventIndex === eventIndex) throw new InvalidCommandError(`${eventIndex}'s arguments cannot move to ${eventIndex} itself`);
  const target = requireEvent(document, options.targetEventIndex).event;
  const moved = event.arguments.filter(
    (argument) => !target.arguments.some((other) => other.index === argument.index && other.role.type === argument.role.type),
  );
  if (moved.length === 0) return deletion;
  const additions = moved.map((argument, i): AnnotationOperation => ({
    kind: "addArgument",
    eventIndex: target.index,
    position: target.arguments.length + i,
    argument,
  }));
  return { kind: "batch", label: `Delete ${eventIndex}, moving its arguments to ${target.index}`, operations: [...additions, deletion] };
}

export function removeArgumentOperation(document: CasieDocument, eventIndex: string, position: number): AnnotationOperation {
  const argument = requireArgument(document, eventIndex, position);
  return { kind: "removeArgument", eventIndex, position, argument };
}

/**
 * The event moves to another hopper (last, or at `position`), or to another
 * position in its own. A hopper left empty is deleted in the same step.
 */
export function moveEventOperation(document: CasieDocument, eventIndex: string, toHopper: number, position?: number): AnnotationOperation | null {
  const { hopper, hopperPosition, position: from } = requireEvent(document, eventIndex);
  const destination = requireHopper(document, toHopper);
  const room = destination.events.length - (destination === hopper ? 1 : 0);
  const to = position ?? room;
  if (!Number.isInteger(to) || to < 0 || to > room)
    throw new InvalidCommandError(`position ${to} is outside hopper ${toHopper}'s events (0 to ${room})`);
  if (destination === hopper && to === from) return null;
  const move: AnnotationOperation = {
    kind: "moveEvent",
    eventIndex,
    from: { hopperIndex: hopper.index, position: from },
    to: { hopperIndex: toHopper, position: to },
  };
  if (destination === hopper || hopper.events.length > 1) return move;
  return {
    kind: "batch",
    label: `Move ${eventIndex} to hopper ${toHopper}`,
    operations: [move, { kind: "deleteHopper", ...hopperSlot(hopper, hopperPosition) }],
  };
}

/** All events of `fromHopper` join `intoHopper` (after its own, in order), and `fromHopper` is deleted. */
export function mergeHoppersOperation(document: CasieDocument, intoHopper: number, fromHopper: number): AnnotationOperation {
  if (intoHopper === fromHopper) throw new InvalidCommandError(`hopper ${intoHopper} cannot be merged into itself`);
  const into = requireHopper(document, intoHopper);
  const from = requireHopper(document, fromHopper);
  const moves = from.events.map((event, i): AnnotationOperation => ({
    kind: "moveEvent",
    eventIndex: event.index,
    from: { hopperIndex: fromHopper, position: 0 },
    to: { hopperIndex: intoHopper, position: into.events.length + i },
  }));
  const deletion: AnnotationOperation = { kind: "deleteHopper", ...hopperSlot(from, findHopperPosition(document, fromHopper)) };
  return { kind: "batch", label: `Merge hopper ${fromHopper} into hopper ${intoHopper}`, operations: [...moves, deletion] };
}

/** The event leaves its hopper for a new one of its own, placed right after; null when it is alone already. */
export function splitEventOperation(document: CasieDocument, eventIndex: string, numbering?: SetNumbering): AnnotationOperation | null {
  const { hopper, hopperPosition, position } = requireEvent(document, eventIndex);
  if (hopper.events.length === 1) return null;
  const index = createIndexAllocator(document, { numbering }).hopper();
  return {
    kind: "batch",
    label: `Split ${eventIndex} into its own hopper`,
    operations: [
      { kind: "createHopper", index, position: hopperPosition + 1 },
      { kind: "moveEvent", eventIndex, from: { hopperIndex: hopper.index, position }, to: { hopperIndex: index, position: 0 } },
    ],
  };
}

/** A new empty hopper, last: a place to move events to. */
export function createHopperOperation(document: CasieDocument, options: { relation?: string; numbering?: SetNumbering } = {}): AnnotationOperation {
  const { relation, numbering } = options;
  const slot: HopperSlot = { index: createIndexAllocator(document, { numbering }).hopper(), position: document.hoppers.length };
  if (relation !== undefined) slot.relation = relation;
  return { kind: "createHopper", ...slot };
}

/** null removes the relation. */
export function setHopperRelationOperation(document: CasieDocument, hopperIndex: number, relation: string | null): AnnotationOperation | null {
  const current = requireHopper(document, hopperIndex).relation ?? null;
  return current === relation ? null : { kind: "setHopperRelation", hopperIndex, from: current, to: relation };
}

/** A span whose text sits one character off its offsets, moved onto its text; null when its text is where it says, or no such shift explains it. */
export function repairSpanOperation(document: CasieDocument, spanIndex: string): AnnotationOperation | null {
  const span = requireSpan(document, spanIndex);
  const shift = findSpanShift(document.content, span.startOffset, span.endOffset, span.text);
  if (shift !== 1 && shift !== -1) return null;
  return {
    kind: "setSpanBounds",
    spanIndex,
    from: boundsOf(span),
    to: { startOffset: span.startOffset - shift, endOffset: span.endOffset - shift, text: span.text },
  };
}

// --- helpers -----------------------------------------------------------------

const DBPEDIA_URI = /^https?:\/\/(?:[a-z]{2,3}\.)?dbpedia\.org\/resource\/\S+$/;
const WIKIDATA_ID = /^Q[1-9]\d*$/;

function requireEvent(document: CasieDocument, eventIndex: string): LocatedEvent {
  const found = findEvent(document, eventIndex);
  if (!found) throw new InvalidCommandError(`there is no event ${eventIndex}`);
  return found;
}

function requireHopper(document: CasieDocument, hopperIndex: number): CasieHopper {
  const position = findHopperPosition(document, hopperIndex);
  if (position === -1) throw new InvalidCommandError(`there is no hopper ${hopperIndex}`);
  return document.hoppers[position];
}

function requireSpan(document: CasieDocument, spanIndex: string): CasieSpan {
  const span = findSpan(document, spanIndex);
  if (!span) throw new InvalidCommandError(`there is no span ${spanIndex}`);
  return span;
}

function requireArgument(document: CasieDocument, eventIndex: string, position: number): CasieArgument {
  const { event } = requireEvent(document, eventIndex);
  const argument = event.arguments[position];
  if (!argument) throw new InvalidCommandError(`${eventIndex} has no argument ${position + 1} (it has ${event.arguments.length})`);
  return argument;
}

/** The text of a selection made for a new or resized span. */
function selectedText(content: string, start: number, end: number): string {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > content.length || start >= end) {
    throw new InvalidCommandError(`select some text: ${start}-${end} is not a range of the text (0 to ${content.length})`);
  }
  const text = content.slice(start, end);
  if (text.trim() === "") throw new InvalidCommandError(`select some text: ${quote(text)} is only white space`);
  return text;
}

function newSpan(document: CasieDocument, index: string, start: number, end: number): CasieSpan {
  return { index, startOffset: start, endOffset: end, text: selectedText(document.content, start, end) };
}

/** An argument span for a selection: the `T` of an argument span with exactly these bounds, or a new one. */
function argumentSpan(document: CasieDocument, start: number, end: number, numbering: SetNumbering | undefined): CasieSpan {
  const text = selectedText(document.content, start, end);
  return (
    existingArgumentSpan(document, start, end) ?? {
      index: createIndexAllocator(document, { numbering }).span(),
      startOffset: start,
      endOffset: end,
      text,
    }
  );
}

/** The argument span an argument on exactly these bounds re-uses (its `T`), if there is one. */
export function existingArgumentSpan(document: CasieDocument, start: number, end: number): CasieSpan | undefined {
  const bounds = { startOffset: start, endOffset: end, text: document.content.slice(start, end) };
  for (const use of spanUses(document)) if (use.kind === "argument" && sameBounds(use.span, bounds)) return use.span;
  return undefined;
}

function boundsOf(span: CasieSpan) {
  return { startOffset: span.startOffset, endOffset: span.endOffset, text: span.text };
}

function hopperSlot(hopper: CasieHopper, position: number): HopperSlot {
  const slot: HopperSlot = { index: hopper.index, position };
  if (hopper.relation !== undefined) slot.relation = hopper.relation;
  if (hopper.layout !== undefined) slot.layout = hopper.layout;
  return slot;
}

function checkExternalReference(reference: ArgumentChanges["externalReference"]): { wikidataid?: string; dbpediaURI?: string } | null {
  if (!reference || (reference.wikidataid === undefined && reference.dbpediaURI === undefined)) return null;
  const { wikidataid, dbpediaURI } = reference;
  if (wikidataid !== undefined && !WIKIDATA_ID.test(wikidataid))
    throw new InvalidCommandError(`a Wikidata id looks like Q42, not ${quote(wikidataid)}`);
  if (dbpediaURI !== undefined && !DBPEDIA_URI.test(dbpediaURI)) {
    throw new InvalidCommandError(`a DBpedia URI looks like http://dbpedia.org/resource/Name, not ${quote(dbpediaURI)}`);
  }
  return reference;
}

/** The wanted link, built on the current one's layout so its key order survives the edit. */
function linkWithLayout(
  wanted: { wikidataid?: string; dbpediaURI?: string } | null,
  current: CasieExternalReference | null,
): CasieExternalReference | null {
  if (!wanted) return null;
  const link: CasieExternalReference = {};
  if (wanted.dbpediaURI !== undefined) link.dbpediaURI = wanted.dbpediaURI;
  if (wanted.wikidataid !== undefined) link.wikidataid = wanted.wikidataid;
  if (current?.layout) link.layout = current.layout;
  return link;
}

function sameIds(a: CasieExternalReference | null, b: CasieExternalReference | null): boolean {
  return a?.wikidataid === b?.wikidataid && a?.dbpediaURI === b?.dbpediaURI;
}
