// The operations that write adjudication into the gold set: the agreed part
// (every event all annotators have with the same span, type, subtype and
// realis, with the arguments they all give it, grouped where they all group
// it), and one annotator's version of one disputed item. They are ordinary
// annotation operations, built against the gold as it is now, so they are
// saved, logged, undone and merged like any edit made in the editor.

import { findEvent, spanUses } from "@/lib/annotation/document-lookup";
import {
  adjustSpanOperation,
  deleteEventOperation,
  moveEventOperation,
  removeArgumentOperation,
  setEventAttributesOperation,
  splitEventOperation,
} from "@/lib/annotation/editor-commands";
import { createIndexAllocator, numberingAfter, type SetNumbering } from "@/lib/annotation/index-allocation";
import { applyOperation } from "@/lib/annotation/operation-kinds";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { spanKey } from "@/lib/agreement/event-alignment";
import type { CasieArgument, CasieDocument, CasieEvent } from "@/lib/casie/types";
import { argumentsAt, type AdjudicationItem, type Disagreements, type ItemKind } from "./disagreements";
import { eventsOfRows, type EventRow } from "./event-rows";

/** The item or version asked for is not in the model. */
export class UnknownVersionError extends Error {}

/** A grouping that is not a partition of the hopper cluster's events. */
export class InvalidGroupingError extends Error {}

/** Operations applied one by one to a working copy of the gold, each built against the state the previous left. */
class GoldDraft {
  readonly operations: AnnotationOperation[] = [];
  private aligned: { document: CasieDocument; events: Map<string, CasieEvent> } | null = null;

  constructor(
    /** Every row of the model: a row's gold event is found by aligning them all, so that a neighbour's event is never taken for it. */
    private readonly rows: readonly EventRow[],
    public document: CasieDocument,
    public numbering: SetNumbering,
  ) {}

  eventOf(rowKey: string): CasieEvent | undefined {
    if (this.aligned?.document !== this.document) this.aligned = { document: this.document, events: eventsOfRows(this.rows, this.document) };
    return this.aligned.events.get(rowKey);
  }

  apply(operation: AnnotationOperation | null): void {
    if (!operation) return;
    this.document = applyOperation(this.document, operation);
    this.numbering = numberingAfter(this.numbering, [operation]);
    this.operations.push(operation);
  }

  hopperOf(eventIndex: string): number {
    return findEvent(this.document, eventIndex)!.hopper.index;
  }

  /** A span for a new argument: the T of an argument with the same offsets when there is one (one span, several roles), else a new one. */
  argumentSpanIndex(argument: CasieArgument): string {
    for (const use of spanUses(this.document)) if (use.kind === "argument" && spanKey(use.span) === spanKey(argument)) return use.span.index;
    return createIndexAllocator(this.document, { numbering: this.numbering }).span();
  }
}

/** The operations putting into `gold` (empty, as created) everything all annotators agree on. */
export function agreedGoldOperations(model: Disagreements, gold: CasieDocument, numbering: SetNumbering): AnnotationOperation[] {
  const disputedRows = new Set(model.items.filter((item) => item.kind !== "argument" && item.kind !== "hoppers").flatMap((item) => item.rowKeys));
  const draft = new GoldDraft(model.rows, gold, numbering);
  const agreedRows = model.rows.filter((row) => !disputedRows.has(row.key));
  const annotatorIds = model.annotators.map((annotator) => annotator.id);
  for (const row of agreedRows) {
    const companions = agreedRows.filter((other) => other !== row && annotatorIds.every((id) => sameHopper(id, row, other)));
    createRowEvent(draft, row, annotatorIds[0], companions);
  }
  return draft.operations;
}

/** The operations making `gold` hold `annotatorId`'s version of item `itemId`: none when it holds it already. */
export function acceptVersionOperations(
  model: Disagreements,
  itemId: string,
  annotatorId: string,
  gold: CasieDocument,
  numbering: SetNumbering,
): AnnotationOperation[] {
  const item = model.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new UnknownVersionError(`There is no disagreement ${itemId} in this document.`);
  if (!item.versions.some((version) => version.annotatorIds.includes(annotatorId))) {
    throw new UnknownVersionError(`That annotator proposes nothing for ${itemId}.`);
  }
  const draft = new GoldDraft(model.rows, gold, numbering);
  const rows = item.rowKeys.map((key) => model.rows.find((row) => row.key === key)!);
  for (const row of rows) ensureRowEvent(draft, model, row, annotatorId);
  const target = (row: EventRow) => draft.eventOf(row.key)!;
  const theirs = (row: EventRow) => row.events[annotatorId];
  const accept: { [K in ItemKind]: (item: Extract<AdjudicationItem, { kind: K }>) => void } = {
    event: () => undefined,
    span: () => {
      const { nugget } = theirs(rows[0]);
      draft.apply(adjustSpanOperation(draft.document, target(rows[0]).nugget.index, { start: nugget.startOffset, end: nugget.endOffset }));
    },
    subtype: () =>
      draft.apply(
        setEventAttributesOperation(draft.document, target(rows[0]).index, { type: theirs(rows[0]).type, subtype: theirs(rows[0]).subtype }),
      ),
    realis: () => draft.apply(setEventAttributesOperation(draft.document, target(rows[0]).index, { realis: theirs(rows[0]).realis })),
    argument: (argumentItem) =>
      replaceArguments(draft, target(rows[0]).index, spanKey(argumentItem), argumentsAt(theirs(rows[0]), spanKey(argumentItem))),
    hoppers: (hopperItem) => {
      const version = hopperItem.versions.find((candidate) => candidate.annotatorIds.includes(annotatorId))!;
      regroup(
        draft,
        version.value.groups.map((group) => group.map((key) => draft.eventOf(key)!.index)),
      );
    },
  };
  (accept[item.kind] as (item: AdjudicationItem) => void)(item);
  return asOneStep(draft.operations, `Accept ${annotatorName(model, annotatorId)}'s ${item.kind}`);
}

/**
 * The operations giving the events of hopper cluster `itemId` the reviewer's
 * own grouping: `groups` lists the cluster's row keys, each exactly once.
 * Events move between hoppers, hoppers merge or split; events the gold lacks
 * are first created from the first annotator's version, as accepting does.
 */
export function regroupOperations(
  model: Disagreements,
  itemId: string,
  groups: readonly (readonly string[])[],
  gold: CasieDocument,
  numbering: SetNumbering,
): AnnotationOperation[] {
  const item = model.items.find((candidate) => candidate.id === itemId);
  if (!item || item.kind !== "hoppers") throw new UnknownVersionError(`There is no hopper disagreement ${itemId} in this document.`);
  const order = new Map(item.rowKeys.map((key, position) => [key, position]));
  const given = groups.flat();
  if (
    groups.some((group) => !group.length) ||
    given.length !== order.size ||
    new Set(given).size !== given.length ||
    !given.every((key) => order.has(key))
  ) {
    throw new InvalidGroupingError("A grouping must put each event of the cluster in exactly one hopper.");
  }
  const draft = new GoldDraft(model.rows, gold, numbering);
  const rows = item.rowKeys.map((key) => model.rows.find((row) => row.key === key)!);
  for (const row of rows) ensureRowEvent(draft, model, row, model.annotators[0].id);
  const sorted = groups.map((group) => [...group].sort((a, b) => order.get(a)! - order.get(b)!)).sort((a, b) => order.get(a[0])! - order.get(b[0])!);
  regroup(
    draft,
    sorted.map((group) => group.map((key) => draft.eventOf(key)!.index)),
  );
  return asOneStep(draft.operations, "Regroup the hopper cluster");
}

/**
 * The operations a rejection of every version of item `itemId` takes: an event
 * or an argument span some annotators propose leaves the gold if an earlier
 * decision had put it there. Rejecting a span, a subtype, a realis or a
 * grouping changes nothing (the event must keep one; the reviewer writes the
 * right one in the gold's editor): the decision is only recorded.
 */
export function rejectOperations(model: Disagreements, itemId: string, gold: CasieDocument, numbering: SetNumbering): AnnotationOperation[] {
  const item = model.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new UnknownVersionError(`There is no disagreement ${itemId} in this document.`);
  const draft = new GoldDraft(model.rows, gold, numbering);
  const inGold = draft.eventOf(item.rowKeys[0]);
  switch (item.kind) {
    case "event":
      if (inGold) draft.apply(deleteEventOperation(draft.document, inGold.index));
      break;
    case "argument":
      if (inGold) replaceArguments(draft, inGold.index, spanKey(item), []);
      break;
    case "span":
    case "subtype":
    case "realis":
    case "hoppers":
      break;
  }
  return asOneStep(draft.operations, `Reject every version of the ${item.kind}`);
}

function asOneStep(operations: AnnotationOperation[], label: string): AnnotationOperation[] {
  return operations.length > 1 ? [{ kind: "batch", label, operations }] : operations;
}

function annotatorName(model: Disagreements, annotatorId: string): string {
  return model.annotators.find((annotator) => annotator.id === annotatorId)?.name ?? annotatorId;
}

/** The row's event in the gold: created from the annotator's version when the gold lacks it. */
function ensureRowEvent(draft: GoldDraft, model: Disagreements, row: EventRow, annotatorId: string): void {
  if (draft.eventOf(row.key)) return;
  const companions = model.rows.filter((other) => other !== row && other.events[annotatorId] && sameHopper(annotatorId, row, other));
  createRowEvent(draft, row, annotatorId, companions);
}

/**
 * A gold event from `annotatorId`'s version of the row, with the arguments all
 * annotators who have the event agree on; in the hopper of the first of
 * `companions` the gold has, else in a new hopper.
 */
function createRowEvent(draft: GoldDraft, row: EventRow, annotatorId: string, companions: EventRow[]): void {
  const source = row.events[annotatorId];
  const present = Object.values(row.events);
  const agreedArguments = source.arguments.filter((argument) =>
    present.every((other) => sameRoles(argumentsAt(other, spanKey(argument)), argumentsAt(source, spanKey(argument)))),
  );
  const allocate = createIndexAllocator(draft.document, { numbering: draft.numbering });
  const event: CasieEvent = {
    index: allocate.event(),
    type: source.type,
    subtype: source.subtype,
    realis: source.realis,
    nugget: { index: allocate.span(), startOffset: source.nugget.startOffset, endOffset: source.nugget.endOffset, text: source.nugget.text },
    arguments: [],
  };
  const companion = companions.map((other) => draft.eventOf(other.key)).find((found) => found !== undefined);
  if (companion) {
    const hopperIndex = draft.hopperOf(companion.index);
    const hopper = draft.document.hoppers.find((candidate) => candidate.index === hopperIndex)!;
    draft.apply({ kind: "createEvent", event, place: { hopperIndex, position: hopper.events.length } });
  } else {
    const index = allocate.hopper();
    draft.apply({
      kind: "createEvent",
      event,
      place: { hopperIndex: index, position: 0 },
      newHopper: { index, position: draft.document.hoppers.length },
    });
  }
  for (const argument of agreedArguments) addArgument(draft, event.index, argument);
}

function addArgument(draft: GoldDraft, eventIndex: string, argument: CasieArgument): void {
  const event = findEvent(draft.document, eventIndex)!.event;
  const copy: CasieArgument = {
    index: draft.argumentSpanIndex(argument),
    startOffset: argument.startOffset,
    endOffset: argument.endOffset,
    text: argument.text,
    entityType: argument.entityType,
    role: { type: argument.role.type },
  };
  const link = argument.externalReference;
  if (link && (link.wikidataid !== undefined || link.dbpediaURI !== undefined)) {
    copy.externalReference = {
      ...(link.wikidataid !== undefined && { wikidataid: link.wikidataid }),
      ...(link.dbpediaURI !== undefined && { dbpediaURI: link.dbpediaURI }),
    };
  }
  draft.apply({ kind: "addArgument", eventIndex, position: event.arguments.length, argument: copy });
}

/** The gold event's arguments at one span become `wanted` (an annotator's). */
function replaceArguments(draft: GoldDraft, eventIndex: string, argumentKey: string, wanted: CasieArgument[]): void {
  if (sameRoles(argumentsAt(findEvent(draft.document, eventIndex)!.event, argumentKey), wanted)) return;
  for (;;) {
    const event = findEvent(draft.document, eventIndex)!.event;
    const position = event.arguments.findIndex((argument) => spanKey(argument) === argumentKey);
    if (position === -1) break;
    draft.apply(removeArgumentOperation(draft.document, eventIndex, position));
  }
  for (const argument of wanted) addArgument(draft, eventIndex, argument);
}

/**
 * Each group of gold events ends up in a hopper of its own: the hopper its
 * first event is in, unless an earlier group took that hopper (then the event
 * is split off into a new one); the group's other events move there.
 */
function regroup(draft: GoldDraft, groups: string[][]): void {
  const taken = new Set<number>();
  for (const [first, ...rest] of groups) {
    if (taken.has(draft.hopperOf(first))) draft.apply(splitEventOperation(draft.document, first, draft.numbering));
    const home = draft.hopperOf(first);
    taken.add(home);
    for (const eventIndex of rest) if (draft.hopperOf(eventIndex) !== home) draft.apply(moveEventOperation(draft.document, eventIndex, home));
  }
}

function sameHopper(annotatorId: string, a: EventRow, b: EventRow): boolean {
  return a.events[annotatorId] !== undefined && b.events[annotatorId] !== undefined && a.hoppers[annotatorId] === b.hoppers[annotatorId];
}

function sameRoles(a: CasieArgument[], b: CasieArgument[]): boolean {
  const roles = (list: CasieArgument[]) =>
    list
      .map((argument) => `${argument.role.type}\u0000${argument.entityType}`)
      .sort()
      .join("\u0001");
  return roles(a) === roles(b);
}
