// What the annotators of a document disagree on, item by item: an event some
// of them lack, a nugget span, a type/subtype, a realis, the roles and entity
// types given to an argument span, and the grouping of events into hoppers
// (a cluster diff: each annotator's partition of the events they all have).
// Each item's id is built from offsets and row keys, never from T or E
// indexes, so it stays the same while the gold set is edited.

import { spanKey } from "@/lib/agreement/event-alignment";
import type { CasieArgument, CasieDocument, CasieEvent } from "@/lib/casie/types";
import { alignEventRows, eventsOfRows, hoppersOfEvents, type AnnotatorSet, type EventRow } from "./event-rows";

export interface SpanValue {
  startOffset: number;
  endOffset: number;
  text: string;
}

export interface RoleValue {
  role: string;
  entityType: string;
}

/** What each kind of item holds: the value an annotator proposes for it. */
export interface ItemValues {
  event: SpanValue & { type: string; subtype: string; realis: string };
  span: SpanValue;
  subtype: { type: string; subtype: string };
  realis: { realis: string };
  /** Every role the annotator gives the span in this event (one span may play several), sorted. */
  argument: { roles: RoleValue[] };
  /** The events (row keys, in text order) the annotator put together, one list per hopper. */
  hoppers: { groups: string[][] };
}

export type ItemKind = keyof ItemValues;

export const ITEM_KINDS = ["event", "span", "subtype", "realis", "argument", "hoppers"] as const satisfies readonly ItemKind[];

/** One value and the annotators who propose it. */
export interface ItemVersion<K extends ItemKind = ItemKind> {
  annotatorIds: string[];
  value: ItemValues[K];
}

interface ItemOf<K extends ItemKind> {
  id: string;
  kind: K;
  /** The rows (aligned events) the item is about: one, or the events of a hopper cluster. */
  rowKeys: string[];
  /** Where the item is in the text: the row's extent, or the argument's span. */
  startOffset: number;
  endOffset: number;
  /** Distinct values, in the order of the first annotator proposing each. */
  versions: ItemVersion<K>[];
  /** Annotators who propose nothing: they lack the event, or (for an argument) the span in that event. */
  without: string[];
}

export type AdjudicationItem = { [K in ItemKind]: ItemOf<K> }[ItemKind];

export interface Disagreements {
  annotators: { id: string; name: string }[];
  rows: EventRow[];
  items: AdjudicationItem[];
}

export function findDisagreements(sets: readonly AnnotatorSet[]): Disagreements {
  const annotatorIds = sets.map((set) => set.annotatorId);
  const rows = alignEventRows(sets);
  const items: AdjudicationItem[] = [];
  for (const row of rows) items.push(...rowItems(row, annotatorIds));
  items.push(...hopperItems(rows, annotatorIds));
  return { annotators: sets.map((set) => ({ id: set.annotatorId, name: set.name })), rows, items };
}

/** The value `event` holds for an item of `kind` about `row` (null: the event does not have that argument span). */
export function valueOfEvent<K extends Exclude<ItemKind, "hoppers">>(kind: K, event: CasieEvent, argumentKey?: string): ItemValues[K] | null {
  const values: { [Q in Exclude<ItemKind, "hoppers">]: () => ItemValues[Q] | null } = {
    event: () => ({ ...spanValue(event.nugget), type: event.type, subtype: event.subtype, realis: event.realis }),
    span: () => spanValue(event.nugget),
    subtype: () => ({ type: event.type, subtype: event.subtype }),
    realis: () => ({ realis: event.realis }),
    argument: () => {
      const roles = argumentsAt(event, argumentKey!).map((argument) => ({ role: argument.role.type, entityType: argument.entityType }));
      return roles.length ? { roles: roles.sort((a, b) => a.role.localeCompare(b.role) || a.entityType.localeCompare(b.entityType)) } : null;
    },
  };
  return values[kind]();
}

export function argumentsAt(event: CasieEvent, argumentKey: string): CasieArgument[] {
  return event.arguments.filter((argument) => spanKey(argument) === argumentKey);
}

/** The rows put together, one list of row keys per hopper, in the order of `rowKeys`; rows without a hopper are left out. */
export function groupingOf(rowKeys: readonly string[], hopperOfRow: (rowKey: string) => number | undefined): string[][] {
  const groups = new Map<number, string[]>();
  for (const rowKey of rowKeys) {
    const hopper = hopperOfRow(rowKey);
    if (hopper !== undefined) groups.set(hopper, [...(groups.get(hopper) ?? []), rowKey]);
  }
  return [...groups.values()];
}

/** What `gold` holds for each item, and which version that is: its position in `versions`, or null when none of them. */
export function goldValues(model: Disagreements, gold: CasieDocument): Map<string, { value: ItemValues[ItemKind] | null; version: number | null }> {
  const goldEvents = eventsOfRows(model.rows, gold);
  const held = new Map<string, { value: ItemValues[ItemKind] | null; version: number | null }>();
  for (const item of model.items) {
    const value = goldValue(item, goldEvents, gold);
    const position = value === null ? -1 : item.versions.findIndex((version) => sameValue(version.value, value));
    held.set(item.id, { value, version: position === -1 ? null : position });
  }
  return held;
}

function goldValue(item: AdjudicationItem, goldEvents: Map<string, CasieEvent>, gold: CasieDocument): ItemValues[ItemKind] | null {
  if (item.kind === "hoppers") {
    const hopperOfEvent = hoppersOfEvents(gold);
    return { groups: groupingOf(item.rowKeys, (rowKey) => hopperOfEvent.get(goldEvents.get(rowKey)!)) };
  }
  const event = goldEvents.get(item.rowKeys[0]);
  return event ? valueOfEvent(item.kind, event, item.kind === "argument" ? argumentKeyOf(item) : undefined) : null;
}

export function argumentKeyOf(item: { startOffset: number; endOffset: number }): string {
  return spanKey(item);
}

function rowItems(row: EventRow, annotatorIds: string[]): AdjudicationItem[] {
  const present = annotatorIds.filter((id) => row.events[id]);
  const without = annotatorIds.filter((id) => !row.events[id]);
  const base = { rowKeys: [row.key], startOffset: row.startOffset, endOffset: row.endOffset };
  const items: AdjudicationItem[] = [];
  const collect = <K extends Exclude<ItemKind, "hoppers" | "argument">>(kind: K) => versionsOf(present, (id) => valueOfEvent(kind, row.events[id]));
  const eventVersions = collect("event");
  if (without.length) items.push({ ...base, id: `event:${row.key}`, kind: "event", versions: eventVersions, without });
  if (present.length < 2) return items;
  for (const kind of ["span", "subtype", "realis"] as const) {
    const versions = collect(kind);
    if (versions.length > 1) items.push({ ...base, id: `${kind}:${row.key}`, kind, versions, without: [] } as AdjudicationItem);
  }
  const argumentKeys = new Map<string, CasieArgument>();
  for (const id of present)
    for (const argument of row.events[id].arguments) if (!argumentKeys.has(spanKey(argument))) argumentKeys.set(spanKey(argument), argument);
  const sortedKeys = [...argumentKeys.entries()].sort(([, a], [, b]) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  for (const [key, argument] of sortedKeys) {
    const versions = versionsOf(present, (id) => valueOfEvent("argument", row.events[id], key));
    const lacking = present.filter((id) => !valueOfEvent("argument", row.events[id], key));
    if (versions.length < 2 && !lacking.length) continue;
    items.push({
      id: `argument:${row.key}:${key}`,
      kind: "argument",
      rowKeys: [row.key],
      startOffset: argument.startOffset,
      endOffset: argument.endOffset,
      versions,
      without: lacking,
    });
  }
  return items;
}

/**
 * Hopper disagreements over the events every annotator has: events linked
 * when any annotator puts them together form a cluster; a cluster is an item
 * when the annotators partition it differently.
 */
function hopperItems(rows: EventRow[], annotatorIds: string[]): AdjudicationItem[] {
  const common = rows.filter((row) => annotatorIds.every((id) => row.events[id]));
  const items: AdjudicationItem[] = [];
  for (const cluster of clustersLinkedByAnyone(common, annotatorIds)) {
    if (cluster.length < 2) continue;
    const rowKeys = cluster.map((row) => row.key);
    const hoppers = new Map(cluster.map((row) => [row.key, row.hoppers]));
    const versions = versionsOf(annotatorIds, (id) => ({ groups: groupingOf(rowKeys, (rowKey) => hoppers.get(rowKey)![id]) }));
    if (versions.length < 2) continue;
    items.push({
      id: `hoppers:${rowKeys.join(",")}`,
      kind: "hoppers",
      rowKeys,
      startOffset: Math.min(...cluster.map((row) => row.startOffset)),
      endOffset: Math.max(...cluster.map((row) => row.endOffset)),
      versions,
      without: [],
    });
  }
  return items;
}

function clustersLinkedByAnyone(rows: EventRow[], annotatorIds: string[]): EventRow[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const id of annotatorIds) {
    const firstInHopper = new Map<number, number>();
    rows.forEach((row, i) => {
      const first = firstInHopper.get(row.hoppers[id]);
      if (first === undefined) firstInHopper.set(row.hoppers[id], i);
      else parent[find(i)] = find(first);
    });
  }
  const clusters = new Map<number, EventRow[]>();
  rows.forEach((row, i) => clusters.set(find(i), [...(clusters.get(find(i)) ?? []), row]));
  return [...clusters.values()];
}

function versionsOf<V>(annotatorIds: readonly string[], valueOf: (annotatorId: string) => V | null): { annotatorIds: string[]; value: V }[] {
  const versions: { annotatorIds: string[]; value: V }[] = [];
  for (const id of annotatorIds) {
    const value = valueOf(id);
    if (value === null) continue;
    const same = versions.find((version) => sameValue(version.value, value));
    if (same) same.annotatorIds.push(id);
    else versions.push({ annotatorIds: [id], value });
  }
  return versions;
}

/** Values are plain JSON built in a fixed key order, so their JSON text compares them. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function spanValue(span: SpanValue): SpanValue {
  return { startOffset: span.startOffset, endOffset: span.endOffset, text: span.text };
}
