// What a save may bring into a set, beyond its shape (operation-schema.ts):
// new values must belong to the project's tagset, new spans must be the
// content at their offsets, new indexes must have the corpus's shape, and a
// change must change something. A value outside those rules is accepted only
// where it restores what the set holds or held (an undo of the deletion of an
// imported event whose realis was outside the tagset): such values come back
// as claims, which the server checks against the set and its operation log.
// Each kind says what it checks (operations/*.ts `validate`).

import { findSpanShift } from "@/lib/casie/span-shift";
import { findSubtype, type Tagset } from "@/lib/casie/tagset";
import type { CasieArgument, CasieDocument, CasieEvent, CasieExternalReference, CasieSpan } from "@/lib/casie/types";
import { quote } from "./conflict-messages";
import { findEvent, findHopperPosition, findSpan } from "./document-lookup";

export type RefusalCode = "value-not-in-tagset" | "role-not-allowed" | "index-shape" | "span-not-text" | "empty-span" | "changes-nothing";

/** The operation brings something no annotator's edit can produce; `message` names the value and what was expected. */
export class OperationRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "OperationRefusal";
  }
}

/** Fields whose values a set can hold; a claim names one. */
export type HeldField =
  "type" | "subtype" | "realis" | "role" | "entityType" | "relation" | "wikidataid" | "dbpediaURI" | "eventIndex" | "spanIndex" | "hopperIndex";

/** A value outside the rules that the set must hold or have held for the operation to be accepted. */
export type HeldClaim = { code: RefusalCode; message: string } & ({ field: HeldField; value: string } | { span: CasieSpan });

export interface ValidationContext {
  tagset: Tagset;
  refuse(code: RefusalCode, message: string): never;
  claim(claim: HeldClaim): void;
}

/** Every value a set holds or held: what its document holds, and what its logged operations named. */
export class HeldValues {
  private readonly values = new Map<HeldField, Set<string>>();
  private readonly spans = new Set<string>();

  add(field: HeldField, value: string | number | undefined): void {
    if (value === undefined) return;
    let set = this.values.get(field);
    if (!set) this.values.set(field, (set = new Set()));
    set.add(String(value));
  }

  addSpan(span: CasieSpan): void {
    this.spans.add(spanKey(span));
    this.add("spanIndex", span.index);
  }

  addEvent(event: CasieEvent): void {
    this.add("eventIndex", event.index);
    this.add("type", event.type);
    this.add("subtype", event.subtype);
    this.add("realis", event.realis);
    this.addSpan(event.nugget);
    for (const argument of event.arguments) this.addArgument(argument);
  }

  addArgument(argument: CasieArgument): void {
    this.addSpan(argument);
    this.add("role", argument.role.type);
    this.add("entityType", argument.entityType);
    this.addLink(argument.externalReference);
  }

  addLink(link: CasieExternalReference | null | undefined): void {
    this.add("wikidataid", link?.wikidataid);
    this.add("dbpediaURI", link?.dbpediaURI);
  }

  addDocument(document: CasieDocument): void {
    for (const hopper of document.hoppers) {
      this.add("hopperIndex", hopper.index);
      this.add("relation", hopper.relation);
      for (const event of hopper.events) this.addEvent(event);
    }
  }

  holds(claim: HeldClaim): boolean {
    return "span" in claim ? this.spans.has(spanKey(claim.span)) : (this.values.get(claim.field)?.has(claim.value) ?? false);
  }
}

function spanKey(span: CasieSpan): string {
  return JSON.stringify([span.index, span.startOffset, span.endOffset, span.text]);
}

// --- checks the kinds share ---------------------------------------------------

const NEW_EVENT_INDEX = /^E[1-9]\d{0,8}$/;
const NEW_SPAN_INDEX = /^T[1-9]\d{0,8}$/;
const WIKIDATA_ID = /^Q[1-9]\d{0,11}$/;
const DBPEDIA_URI = /^https?:\/\/(?:[a-z]{2,3}\.)?dbpedia\.org\/resource\/\S+$/;

const list = (values: readonly string[]) => values.join(", ") || "none";

/** A value of a tagset list (realis, entity types, relations), or a claim that the set holds it. */
export function checkListed(field: HeldField, value: string, allowed: readonly string[], what: string, context: ValidationContext): void {
  if (allowed.includes(value)) return;
  context.claim({ field, value, code: "value-not-in-tagset", message: `${what} ${quote(value)} is not in the project's tagset (${list(allowed)})` });
}

/** An event type and subtype pair of the tagset. */
export function checkEventType(type: string, subtype: string, context: ValidationContext): void {
  const types = context.tagset.eventTypes;
  const eventType = types.find((candidate) => candidate.name === type);
  if (!eventType) {
    context.claim({
      field: "type",
      value: type,
      code: "value-not-in-tagset",
      message: `the event type ${quote(type)} is not in the project's tagset (${list(types.map((t) => t.name))})`,
    });
    return;
  }
  if (!findSubtype(context.tagset, type, subtype)) {
    const subtypes = list(eventType.subtypes.map((s) => s.name));
    context.claim({
      field: "subtype",
      value: subtype,
      code: "value-not-in-tagset",
      message: `${quote(subtype)} is not a subtype of ${type} in the project's tagset (${subtypes})`,
    });
  }
}

/** A role the event's subtype allows, and an entity type of the tagset. */
export function checkArgumentValues(argument: Pick<CasieArgument, "role" | "entityType">, event: CasieEvent, context: ValidationContext): void {
  const subtype = findSubtype(context.tagset, event.type, event.subtype);
  if (subtype && !subtype.roles.includes(argument.role.type)) {
    context.claim({
      field: "role",
      value: argument.role.type,
      code: "role-not-allowed",
      message: `the role ${quote(argument.role.type)} is not allowed for ${event.type}/${event.subtype} events (${list(subtype.roles)})`,
    });
  }
  checkListed("entityType", argument.entityType, context.tagset.entityTypes, "the entity type", context);
}

export function checkLink(link: CasieExternalReference | null | undefined, context: ValidationContext): void {
  if (!link) return;
  if (link.wikidataid !== undefined && !WIKIDATA_ID.test(link.wikidataid)) {
    context.claim({
      field: "wikidataid",
      value: link.wikidataid,
      code: "value-not-in-tagset",
      message: `${quote(link.wikidataid)} is not a Wikidata id (Q followed by digits)`,
    });
  }
  if (link.dbpediaURI !== undefined && !DBPEDIA_URI.test(link.dbpediaURI)) {
    context.claim({
      field: "dbpediaURI",
      value: link.dbpediaURI,
      code: "value-not-in-tagset",
      message: `${quote(link.dbpediaURI)} is not a DBpedia resource URI`,
    });
  }
}

/** A span a nugget or argument brings: a `T` the document has is a re-use (apply checks it); a new one must be the content at its offsets. */
export function checkSpan(document: CasieDocument, span: CasieSpan, context: ValidationContext): void {
  if (findSpan(document, span.index)) return;
  if (!NEW_SPAN_INDEX.test(span.index)) {
    context.claim({
      field: "spanIndex",
      value: span.index,
      code: "index-shape",
      message: `a new span's index must be T followed by a number, not ${quote(span.index)}`,
    });
  }
  checkBounds(document.content, span, context);
}

/** Bounds a span takes: not empty, and exactly the content there (a shifted span only where it restores one). */
export function checkBounds(content: string, span: CasieSpan, context: ValidationContext): void {
  if (span.startOffset >= span.endOffset) {
    context.claim({ span, code: "empty-span", message: `${span.index} would be empty (${span.startOffset}-${span.endOffset})` });
    return;
  }
  const found = content.slice(span.startOffset, span.endOffset);
  if (found === span.text) return;
  const message = `${span.index}'s text ${quote(span.text)} is not the content at ${span.startOffset}-${span.endOffset}, which is ${quote(found)}`;
  // Off by one character, as the corpus's shifted spans are: only as the set held it.
  if (findSpanShift(content, span.startOffset, span.endOffset, span.text) !== null) context.claim({ span, code: "span-not-text", message });
  else context.refuse("span-not-text", message);
}

/** A new event's index, values, nugget and arguments. */
export function checkNewEvent(document: CasieDocument, event: CasieEvent, context: ValidationContext): void {
  if (!findEvent(document, event.index) && !NEW_EVENT_INDEX.test(event.index)) {
    context.claim({
      field: "eventIndex",
      value: event.index,
      code: "index-shape",
      message: `a new event's index must be E followed by a number, not ${quote(event.index)}`,
    });
  }
  checkEventType(event.type, event.subtype, context);
  checkListed("realis", event.realis, context.tagset.realis, "the realis", context);
  checkSpan(document, event.nugget, context);
  for (const argument of event.arguments) {
    checkArgumentValues(argument, event, context);
    checkSpan(document, argument, context);
    checkLink(argument.externalReference, context);
  }
}

/** A new hopper's index and relation. */
export function checkNewHopper(document: CasieDocument, slot: { index: number; relation?: string }, context: ValidationContext): void {
  if (findHopperPosition(document, slot.index) === -1 && slot.index < 0) {
    context.claim({
      field: "hopperIndex",
      value: String(slot.index),
      code: "index-shape",
      message: `a new hopper's index must be 0 or more, not ${slot.index}`,
    });
  }
  if (slot.relation !== undefined) checkListed("relation", slot.relation, context.tagset.hopperRelations, "the hopper relation", context);
}
