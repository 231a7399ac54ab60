// Agreement among every annotation set of one document: each pair of sets
// (the earlier set the key), and Krippendorff's coincidences over all of them.
// Krippendorff's units are events the pairwise matching ties together (at
// most one event per set; a chain tying two events of one set together is
// left out as ambiguous), and within them the arguments with the same offsets.

import type { CasieArgument, CasieEvent, CasieHopper } from "@/lib/casie/types";
import { recordUnit, type CoincidenceMatrix } from "./categorical-agreement";
import { alignEvents, eventsOf, spanKey } from "./event-alignment";
import { pairCountsOfAlignment, subtypeLabel, type Attribute, type PairCounts } from "./pair-agreement";

export interface AnnotatorSet {
  /** Who made the set (an e-mail, say): names it in reports. */
  annotator: string;
  hoppers: readonly CasieHopper[];
}

export interface PairAgreement {
  key: string;
  response: string;
  counts: PairCounts;
}

export type AlphaCounts = { [A in Attribute]: CoincidenceMatrix };

export interface DocumentAgreement {
  annotators: string[];
  /** Every pair of sets, in the order of `sets`: (0, 1), (0, 2), …, (1, 2), … */
  pairs: PairAgreement[];
  alpha: AlphaCounts;
  /** Event groups left out of Krippendorff's units because they hold two events of one set. */
  ambiguousUnits: number;
}

export function emptyAlphaCounts(): AlphaCounts {
  return { type: new Map(), subtype: new Map(), realis: new Map(), role: new Map(), entityType: new Map() };
}

export function documentAgreement(sets: readonly AnnotatorSet[]): DocumentAgreement {
  const events = sets.map((set) => eventsOf(set.hoppers));
  const pairs: PairAgreement[] = [];
  // Union-find over (set, event) nodes, joined by every pairwise match.
  const firstNode: number[] = [];
  let nodes = 0;
  for (const list of events) {
    firstNode.push(nodes);
    nodes += list.length;
  }
  const parent = Int32Array.from({ length: nodes }, (_, index) => index);
  const find = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]];
    return node;
  };
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const alignment = alignEvents(events[a], events[b]);
      pairs.push({ key: sets[a].annotator, response: sets[b].annotator, counts: pairCountsOfAlignment(sets[a].hoppers, sets[b].hoppers, alignment) });
      const indexA = new Map(events[a].map((event, index) => [event, firstNode[a] + index]));
      const indexB = new Map(events[b].map((event, index) => [event, firstNode[b] + index]));
      for (const { key, response } of alignment.matched) parent[find(indexA.get(key)!)] = find(indexB.get(response)!);
    }
  }
  const alpha = emptyAlphaCounts();
  const units = new Map<number, { set: number; event: CasieEvent }[]>();
  events.forEach((list, set) =>
    list.forEach((event, index) => {
      const root = find(firstNode[set] + index);
      const unit = units.get(root);
      if (unit) unit.push({ set, event });
      else units.set(root, [{ set, event }]);
    }),
  );
  let ambiguousUnits = 0;
  for (const members of units.values()) {
    if (new Set(members.map((member) => member.set)).size !== members.length) {
      ambiguousUnits++;
      continue;
    }
    recordEventUnit(alpha, sets.length, members);
  }
  return { annotators: sets.map((set) => set.annotator), pairs, alpha, ambiguousUnits };
}

function recordEventUnit(alpha: AlphaCounts, setCount: number, members: { set: number; event: CasieEvent }[]): void {
  const valuesOf = (value: (event: CasieEvent) => string) => {
    const values = new Array<string | null>(setCount).fill(null);
    for (const { set, event } of members) values[set] = value(event);
    return values;
  };
  recordUnit(
    alpha.type,
    valuesOf((event) => event.type),
  );
  recordUnit(alpha.subtype, valuesOf(subtypeLabel));
  recordUnit(
    alpha.realis,
    valuesOf((event) => event.realis),
  );
  const argumentUnits = new Map<string, (CasieArgument | null)[]>();
  for (const { set, event } of members) {
    for (const argument of event.arguments) {
      const span = spanKey(argument);
      let unit = argumentUnits.get(span);
      if (!unit) argumentUnits.set(span, (unit = new Array<CasieArgument | null>(setCount).fill(null)));
      unit[set] ??= argument;
    }
  }
  for (const unit of argumentUnits.values()) {
    recordUnit(
      alpha.role,
      unit.map((argument) => argument?.role.type ?? null),
    );
    recordUnit(
      alpha.entityType,
      unit.map((argument) => argument?.entityType ?? null),
    );
  }
}
