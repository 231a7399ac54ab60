// The checks panel: what is wrong or worth a look in a document's annotations,
// each problem naming the event, span or hopper to jump to, and a repair when
// one follows from the data (a span one character off its text, an empty hopper).

import type { CasieIssueCode } from "@/lib/casie/issue-codes";
import { SPAN_SHIFT_CODES } from "@/lib/casie/issue-codes";
import { findSpanShift } from "@/lib/casie/span-shift";
import { findEventType, findSubtype, type Tagset } from "@/lib/casie/tagset";
import type { CasieDocument, CasieEvent, CasieIssue, CasieSpan } from "@/lib/casie/types";
import { describeBounds, quote } from "./conflict-messages";
import { spanUses } from "./document-lookup";
import { repairSpanOperation } from "./editor-commands";
import type { AnnotationOperation } from "./operation-types";

export type AnnotationProblemCode =
  | Extract<
      CasieIssueCode,
      | "span-shifted-plus-1"
      | "span-shifted-minus-1"
      | "span-text-mismatch"
      | "offset-out-of-range"
      | "unknown-event-type"
      | "unknown-subtype"
      | "unknown-realis"
      | "unknown-relation"
      | "role-not-allowed"
      | "unknown-entity-type"
      | "duplicate-event-index"
      | "duplicate-hopper-index"
      | "conflicting-span-index"
    >
  | "event-without-arguments"
  | "empty-hopper";

export interface AnnotationProblem {
  code: AnnotationProblemCode;
  severity: CasieIssue["severity"];
  /** Says what was expected and what was found. */
  message: string;
  /** What to jump to: the event, the span, the hopper (as many as apply). */
  eventIndex?: string;
  spanIndex?: string;
  hopperIndex?: number;
  /** An operation that fixes the problem, when one follows from the data. */
  repair?: AnnotationOperation;
}

/** Every problem: those of hoppers and events in document order, then those of spans (each `T` once). */
export function checkAnnotations(document: CasieDocument, tagset: Tagset): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  const report = (problem: AnnotationProblem) => problems.push(problem);
  const hopperIndexes = new Set<number>();
  const eventHoppers = new Map<string, number>();

  for (const hopper of document.hoppers) {
    const hopperIndex = hopper.index;
    if (hopperIndexes.has(hopperIndex)) {
      report({
        code: "duplicate-hopper-index",
        severity: "error",
        message: `hopper index ${hopperIndex} is used by more than one hopper`,
        hopperIndex,
      });
    }
    hopperIndexes.add(hopperIndex);
    if (hopper.relation !== undefined && !tagset.hopperRelations.includes(hopper.relation)) {
      const expected = tagset.hopperRelations.join(", ") || "none";
      report({
        code: "unknown-relation",
        severity: "warning",
        message: `hopper ${hopperIndex}'s relation ${quote(hopper.relation)} is not in the tagset (${expected})`,
        hopperIndex,
      });
    }
    if (hopper.events.length === 0) {
      const position = document.hoppers.indexOf(hopper);
      const repair: AnnotationOperation = { kind: "deleteHopper", index: hopperIndex, position };
      if (hopper.relation !== undefined) repair.relation = hopper.relation;
      if (hopper.layout !== undefined) repair.layout = hopper.layout;
      report({ code: "empty-hopper", severity: "warning", message: `hopper ${hopperIndex} holds no events`, hopperIndex, repair });
    }

    for (const event of hopper.events) {
      const eventIndex = event.index;
      const at = { eventIndex, hopperIndex };
      const firstHopper = eventHoppers.get(eventIndex);
      if (firstHopper !== undefined) {
        report({
          code: "duplicate-event-index",
          severity: "error",
          message: `${eventIndex} names two events (in hoppers ${firstHopper} and ${hopperIndex})`,
          ...at,
        });
      } else eventHoppers.set(eventIndex, hopperIndex);

      for (const problem of eventProblems(event, hopperIndex, tagset)) report(problem);
    }
  }
  checkSpans(document, report);
  return problems;
}

/**
 * What one event's own problems are (its type, subtype, realis and arguments against the tagset): kept per event
 * object, so a change re-checks only the events it replaced (operations copy what they change, nothing else).
 */
const eventProblemCache = new WeakMap<CasieEvent, { hopperIndex: number; tagset: Tagset; problems: AnnotationProblem[] }>();

function eventProblems(event: CasieEvent, hopperIndex: number, tagset: Tagset): AnnotationProblem[] {
  const cached = eventProblemCache.get(event);
  if (cached && cached.hopperIndex === hopperIndex && cached.tagset === tagset) return cached.problems;
  const problems: AnnotationProblem[] = [];
  const report = (problem: AnnotationProblem) => problems.push(problem);
  const eventIndex = event.index;
  const at = { eventIndex, hopperIndex };
  const eventType = findEventType(tagset, event.type);
  const subtype = findSubtype(tagset, event.type, event.subtype);
  if (!eventType) {
    const expected = list(tagset.eventTypes.map((t) => t.name));
    report({
      code: "unknown-event-type",
      severity: "warning",
      message: `${eventIndex}'s type ${quote(event.type)} is not in the tagset (${expected})`,
      ...at,
    });
  } else if (!subtype) {
    const expected = list(eventType.subtypes.map((s) => s.name));
    report({
      code: "unknown-subtype",
      severity: "warning",
      message: `${eventIndex}'s subtype ${quote(event.subtype)} is not a subtype of ${event.type} (${expected})`,
      ...at,
    });
  }
  if (!tagset.realis.includes(event.realis)) {
    report({
      code: "unknown-realis",
      severity: "warning",
      message: `${eventIndex}'s realis ${quote(event.realis)} is not in the tagset (${list(tagset.realis)})`,
      ...at,
    });
  }
  if (event.arguments.length === 0)
    report({ code: "event-without-arguments", severity: "warning", message: `${eventIndex} has no arguments`, ...at });
  for (const argument of event.arguments) {
    const which = { ...at, spanIndex: argument.index };
    const name = `${eventIndex}'s argument ${argument.index} ${quote(argument.text)}`;
    if (subtype && !subtype.roles.includes(argument.role.type)) {
      const message = `${name} plays the role ${quote(argument.role.type)}, not one allowed for ${event.type}/${event.subtype} events (${list(subtype.roles)})`;
      report({ code: "role-not-allowed", severity: "warning", message, ...which });
    }
    if (!tagset.entityTypes.includes(argument.entityType)) {
      report({
        code: "unknown-entity-type",
        severity: "warning",
        message: `${name} has the entity type ${quote(argument.entityType)}, not in the tagset`,
        ...which,
      });
    }
  }
  eventProblemCache.set(event, { hopperIndex, tagset, problems });
  return problems;
}

/** Each `T` once, at its first use: its text against the content, and other uses naming other bounds. */
function checkSpans(document: CasieDocument, report: (problem: AnnotationProblem) => void): void {
  const first = new Map<string, { span: CasieSpan; eventIndex: string }>();
  const content = document.content;
  for (const { span, event, kind } of spanUses(document)) {
    const at = { eventIndex: event.index, spanIndex: span.index };
    const seen = first.get(span.index);
    if (seen) {
      const same = seen.span.startOffset === span.startOffset && seen.span.endOffset === span.endOffset && seen.span.text === span.text;
      if (!same) {
        const message = `${span.index} names different spans: ${describeBounds(seen.span)} in ${seen.eventIndex}, ${describeBounds(span)} in ${event.index}`;
        report({ code: "conflicting-span-index", severity: "error", message, ...at });
      }
      continue;
    }
    first.set(span.index, { span, eventIndex: event.index });
    const { startOffset: start, endOffset: end, text } = span;
    const shift = findSpanShift(content, start, end, text);
    const what = `${event.index}'s ${kind} ${span.index} ${quote(text)}`;
    if (shift === 0 && end <= content.length) continue;
    if (shift === 1 || shift === -1) {
      const message = `${what} at ${start}-${end} is one character ${shift === 1 ? "after" : "before"} its text, found at ${start - shift}-${end - shift}`;
      report({ code: SPAN_SHIFT_CODES[shift], severity: "warning", message, ...at, repair: repairSpanOperation(document, span.index)! });
    } else if (end > content.length) {
      report({
        code: "offset-out-of-range",
        severity: "error",
        message: `${what} ends at ${end}, past the end of the text (${content.length} characters)`,
        ...at,
      });
    } else {
      const message = `${what} at ${start}-${end} does not match the text there, ${quote(content.slice(start, end))}, and no one-character shift explains it`;
      report({ code: "span-text-mismatch", severity: "warning", message, ...at });
    }
  }
}

function list(names: string[]): string {
  return names.join(", ");
}
