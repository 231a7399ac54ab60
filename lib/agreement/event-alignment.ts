// Which events of two sets are the same event: nuggets matched by their
// offsets (never by T or E indexes: each set numbers its own). Exact matches
// first (same start and end); then, among the events left, overlapping
// nuggets, one to one, maximizing the summed Dice overlap of their characters.

import type { CasieEvent, CasieSpan } from "@/lib/casie/types";
import { maximumWeightAssignment } from "./optimal-assignment";

export interface MatchedEvents {
  key: CasieEvent;
  response: CasieEvent;
  /** The nuggets have the same offsets (else they only overlap). */
  exact: boolean;
}

export interface EventAlignment {
  /** Exact matches first, in the key's order, then overlap matches. */
  matched: MatchedEvents[];
  keyOnly: CasieEvent[];
  responseOnly: CasieEvent[];
}

/** A span's identity in a document: its offsets. */
export function spanKey(span: Pick<CasieSpan, "startOffset" | "endOffset">): string {
  return `${span.startOffset}-${span.endOffset}`;
}

export function eventsOf(hoppers: readonly { events: readonly CasieEvent[] }[]): CasieEvent[] {
  return hoppers.flatMap((hopper) => hopper.events);
}

export function alignEvents(keyEvents: readonly CasieEvent[], responseEvents: readonly CasieEvent[]): EventAlignment {
  const responseBySpan = new Map<string, CasieEvent[]>();
  for (const event of responseEvents) {
    const key = spanKey(event.nugget);
    const same = responseBySpan.get(key);
    if (same) same.push(event);
    else responseBySpan.set(key, [event]);
  }
  const matched: MatchedEvents[] = [];
  const keyLeft: CasieEvent[] = [];
  const taken = new Set<CasieEvent>();
  for (const event of keyEvents) {
    const candidate = responseBySpan.get(spanKey(event.nugget))?.find((response) => !taken.has(response));
    if (candidate) {
      taken.add(candidate);
      matched.push({ key: event, response: candidate, exact: true });
    } else keyLeft.push(event);
  }
  const responseLeft = responseEvents.filter((event) => !taken.has(event));
  const overlapping = matchOverlapping(keyLeft, responseLeft);
  for (const [key, response] of overlapping) matched.push({ key, response, exact: false });
  const matchedKeys = new Set(overlapping.map(([key]) => key));
  const matchedResponses = new Set(overlapping.map(([, response]) => response));
  return {
    matched,
    keyOnly: keyLeft.filter((event) => !matchedKeys.has(event)),
    responseOnly: responseLeft.filter((event) => !matchedResponses.has(event)),
  };
}

function overlap(a: CasieSpan, b: CasieSpan): number {
  return Math.max(0, Math.min(a.endOffset, b.endOffset) - Math.max(a.startOffset, b.startOffset));
}

/** The optimal one-to-one matching of overlapping nuggets, computed per group of nuggets that overlap one another. */
function matchOverlapping(keys: CasieEvent[], responses: CasieEvent[]): [CasieEvent, CasieEvent][] {
  if (!keys.length || !responses.length) return [];
  const edges: { key: number; response: number; weight: number }[] = [];
  keys.forEach((key, k) =>
    responses.forEach((response, r) => {
      const common = overlap(key.nugget, response.nugget);
      if (common > 0) {
        const lengths = key.nugget.endOffset - key.nugget.startOffset + (response.nugget.endOffset - response.nugget.startOffset);
        edges.push({ key: k, response: r, weight: (2 * common) / lengths });
      }
    }),
  );
  // Group the edges by connected component (union-find: keys as k, responses as ~r).
  const parent = new Map<number, number>();
  const find = (node: number): number => {
    let root = node;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(node, root);
    return root;
  };
  for (const edge of edges) {
    const a = find(edge.key);
    const b = find(~edge.response);
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<number, typeof edges>();
  for (const edge of edges) {
    const root = find(edge.key);
    groups.set(root, [...(groups.get(root) ?? []), edge]);
  }
  const pairs: [CasieEvent, CasieEvent][] = [];
  for (const group of groups.values()) {
    const rows = [...new Set(group.map((edge) => edge.key))];
    const columns = [...new Set(group.map((edge) => edge.response))];
    const weights = rows.map(() => columns.map(() => 0));
    for (const edge of group) weights[rows.indexOf(edge.key)][columns.indexOf(edge.response)] = edge.weight;
    maximumWeightAssignment(weights).forEach((column, row) => {
      if (column >= 0 && weights[row][column] > 0) pairs.push([keys[rows[row]], responses[columns[column]]]);
    });
  }
  return pairs;
}
