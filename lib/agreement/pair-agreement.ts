// Agreement between two annotation sets of one document, the first the key
// (recall is measured against it) and the second the response, as counts:
// numerators and denominators, contingency tables and per-label tallies, all of
// which add up over documents and pairs (`addPairCountsInto`); `pairFigures`
// turns them into figures.

import type { CasieArgument, CasieEvent, CasieHopper } from "@/lib/casie/types";
import { addTableInto, cohensKappa, recordDecision, type ContingencyTable, type KappaFigures } from "./categorical-agreement";
import {
  addCoreferenceCounts,
  coreferenceCounts,
  coreferenceFigures,
  ZERO_COREFERENCE_COUNTS,
  type CoreferenceCounts,
  type CoreferenceFigures,
  type MentionClusters,
} from "./coreference-metrics";
import { alignEvents, eventsOf, spanKey, type EventAlignment } from "./event-alignment";
import { addRecallPrecision, matchCounts, scoreFigures, ZERO_RECALL_PRECISION, type RecallPrecision, type ScoreFigures } from "./ratio";

/** The categorical decisions compared on matched items: an event's type, subtype and realis; an argument's role and entity type. */
export const ATTRIBUTES = ["type", "subtype", "realis", "role", "entityType"] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export const ATTRIBUTE_NAMES: { [A in Attribute]: string } = {
  type: "type",
  subtype: "subtype",
  realis: "realis",
  role: "role",
  entityType: "entity type",
};

/** One label's tally: items with it in the key, in the response, and matched items with it on both sides. */
export interface LabelCounts {
  key: number;
  response: number;
  matched: number;
}

export interface PairCounts {
  /** Nuggets matched by the same offsets, and by overlapping offsets (exact matches included). */
  nuggets: { exact: RecallPrecision; overlap: RecallPrecision };
  /** Arguments of matched events (overlap matching) compared as (span, role) and (span, role, entity type). */
  arguments: { spanRole: RecallPrecision; spanRoleEntityType: RecallPrecision };
  /** Hoppers as clusters of nuggets (mentions identified by offsets): over every nugget, and over only the nuggets both sets have. */
  coreference: { all: CoreferenceCounts; shared: CoreferenceCounts };
  /** (key label, response label) of matched events and of matched arguments (same span within matched events). */
  decisions: { [A in Attribute]: ContingencyTable };
  /** Per `type/subtype`: events, and matched events (overlap matching) with it on both sides. */
  subtypes: Map<string, LabelCounts>;
  /** Per role: arguments of matched events, and (span, role) matches with it. */
  roles: Map<string, LabelCounts>;
}

export interface PairFigures {
  nuggets: { exact: ScoreFigures; overlap: ScoreFigures };
  arguments: { spanRole: ScoreFigures; spanRoleEntityType: ScoreFigures };
  coreference: { all: CoreferenceFigures; shared: CoreferenceFigures };
  /** Observed agreement and Cohen's kappa per attribute. */
  decisions: { [A in Attribute]: KappaFigures };
}

export function emptyPairCounts(): PairCounts {
  return {
    nuggets: { exact: ZERO_RECALL_PRECISION, overlap: ZERO_RECALL_PRECISION },
    arguments: { spanRole: ZERO_RECALL_PRECISION, spanRoleEntityType: ZERO_RECALL_PRECISION },
    coreference: { all: ZERO_COREFERENCE_COUNTS, shared: ZERO_COREFERENCE_COUNTS },
    decisions: { type: new Map(), subtype: new Map(), realis: new Map(), role: new Map(), entityType: new Map() },
    subtypes: new Map(),
    roles: new Map(),
  };
}

/** `into` plus `counts`, in place (the tables and tallies are mutable; the ratios are replaced). */
export function addPairCountsInto(into: PairCounts, counts: PairCounts): void {
  into.nuggets = {
    exact: addRecallPrecision(into.nuggets.exact, counts.nuggets.exact),
    overlap: addRecallPrecision(into.nuggets.overlap, counts.nuggets.overlap),
  };
  into.arguments = {
    spanRole: addRecallPrecision(into.arguments.spanRole, counts.arguments.spanRole),
    spanRoleEntityType: addRecallPrecision(into.arguments.spanRoleEntityType, counts.arguments.spanRoleEntityType),
  };
  into.coreference = {
    all: addCoreferenceCounts(into.coreference.all, counts.coreference.all),
    shared: addCoreferenceCounts(into.coreference.shared, counts.coreference.shared),
  };
  for (const attribute of ATTRIBUTES) addTableInto(into.decisions[attribute], counts.decisions[attribute]);
  addLabelsInto(into.subtypes, counts.subtypes);
  addLabelsInto(into.roles, counts.roles);
}

function addLabelsInto(into: Map<string, LabelCounts>, labels: Map<string, LabelCounts>): void {
  for (const [label, { key, response, matched }] of labels) {
    const tally = labelTally(into, label);
    tally.key += key;
    tally.response += response;
    tally.matched += matched;
  }
}

function labelTally(labels: Map<string, LabelCounts>, label: string): LabelCounts {
  let tally = labels.get(label);
  if (!tally) labels.set(label, (tally = { key: 0, response: 0, matched: 0 }));
  return tally;
}

export const subtypeLabel = (event: Pick<CasieEvent, "type" | "subtype">) => `${event.type}/${event.subtype}`;

/** The counts of one document's two sets, `key` first. */
export function pairCounts(key: readonly CasieHopper[], response: readonly CasieHopper[]): PairCounts {
  return pairCountsOfAlignment(key, response, alignEvents(eventsOf(key), eventsOf(response)));
}

/** The counts of two sets whose events `alignEvents` aligned (in the order of `eventsOf`). */
export function pairCountsOfAlignment(key: readonly CasieHopper[], response: readonly CasieHopper[], alignment: EventAlignment): PairCounts {
  const keyEvents = eventsOf(key);
  const responseEvents = eventsOf(response);
  const exact = alignment.matched.filter((match) => match.exact).length;
  const counts = emptyPairCounts();
  counts.nuggets = {
    exact: matchCounts(exact, keyEvents.length, responseEvents.length),
    overlap: matchCounts(alignment.matched.length, keyEvents.length, responseEvents.length),
  };
  countEventDecisions(counts, alignment, keyEvents, responseEvents);
  countArguments(counts, alignment);
  counts.coreference = hopperCounts(key, response);
  return counts;
}

function countEventDecisions(counts: PairCounts, alignment: EventAlignment, keyEvents: CasieEvent[], responseEvents: CasieEvent[]): void {
  for (const event of keyEvents) labelTally(counts.subtypes, subtypeLabel(event)).key++;
  for (const event of responseEvents) labelTally(counts.subtypes, subtypeLabel(event)).response++;
  for (const { key, response } of alignment.matched) {
    recordDecision(counts.decisions.type, key.type, response.type);
    recordDecision(counts.decisions.subtype, subtypeLabel(key), subtypeLabel(response));
    recordDecision(counts.decisions.realis, key.realis, response.realis);
    if (subtypeLabel(key) === subtypeLabel(response)) labelTally(counts.subtypes, subtypeLabel(key)).matched++;
  }
}

/** An argument's identity within its event: its span's offsets (and, for the tuples, its role and entity type). */
const argumentTuple = (argument: CasieArgument, withEntityType: boolean) =>
  `${spanKey(argument)}\u0000${argument.role.type}${withEntityType ? `\u0000${argument.entityType}` : ""}`;

function countArguments(counts: PairCounts, alignment: EventAlignment): void {
  let keyArguments = 0;
  let responseArguments = 0;
  let spanRole = 0;
  let spanRoleEntityType = 0;
  for (const { key, response } of alignment.matched) {
    keyArguments += key.arguments.length;
    responseArguments += response.arguments.length;
    spanRole += commonTuples(key.arguments, response.arguments, false, (argument) => labelTally(counts.roles, argument.role.type).matched++);
    spanRoleEntityType += commonTuples(key.arguments, response.arguments, true);
    for (const argument of key.arguments) labelTally(counts.roles, argument.role.type).key++;
    for (const argument of response.arguments) labelTally(counts.roles, argument.role.type).response++;
    // Role and entity type decisions on arguments with the same span (the first such argument on each side).
    const responseBySpan = new Map<string, CasieArgument>();
    for (const argument of response.arguments) if (!responseBySpan.has(spanKey(argument))) responseBySpan.set(spanKey(argument), argument);
    const seen = new Set<string>();
    for (const argument of key.arguments) {
      const span = spanKey(argument);
      const other = responseBySpan.get(span);
      if (!other || seen.has(span)) continue;
      seen.add(span);
      recordDecision(counts.decisions.role, argument.role.type, other.role.type);
      recordDecision(counts.decisions.entityType, argument.entityType, other.entityType);
    }
  }
  counts.arguments = {
    spanRole: matchCounts(spanRole, keyArguments, responseArguments),
    spanRoleEntityType: matchCounts(spanRoleEntityType, keyArguments, responseArguments),
  };
}

/** How many tuples the two argument lists share, as multisets. */
function commonTuples(
  key: readonly CasieArgument[],
  response: readonly CasieArgument[],
  withEntityType: boolean,
  onMatch?: (argument: CasieArgument) => void,
): number {
  const available = new Map<string, number>();
  for (const argument of response) {
    const tuple = argumentTuple(argument, withEntityType);
    available.set(tuple, (available.get(tuple) ?? 0) + 1);
  }
  let common = 0;
  for (const argument of key) {
    const tuple = argumentTuple(argument, withEntityType);
    const left = available.get(tuple) ?? 0;
    if (left > 0) {
      available.set(tuple, left - 1);
      common++;
      onMatch?.(argument);
    }
  }
  return common;
}

/** Each hopper a cluster of mentions, each mention a nugget identified by its offsets. */
export function hopperClusters(hoppers: readonly CasieHopper[]): MentionClusters {
  return hoppers.map((hopper) => hopper.events.map((event) => spanKey(event.nugget)));
}

function hopperCounts(key: readonly CasieHopper[], response: readonly CasieHopper[]): PairCounts["coreference"] {
  const keyClusters = hopperClusters(key);
  const responseClusters = hopperClusters(response);
  const keyMentions = new Set(keyClusters.flat());
  const responseMentions = new Set(responseClusters.flat());
  const onlyShared = (clusters: MentionClusters, other: Set<string>) => clusters.map((cluster) => cluster.filter((mention) => other.has(mention)));
  return {
    all: coreferenceCounts(keyClusters, responseClusters),
    shared: coreferenceCounts(onlyShared(keyClusters, responseMentions), onlyShared(responseClusters, keyMentions)),
  };
}

export function pairFigures(counts: PairCounts): PairFigures {
  return {
    nuggets: { exact: scoreFigures(counts.nuggets.exact), overlap: scoreFigures(counts.nuggets.overlap) },
    arguments: { spanRole: scoreFigures(counts.arguments.spanRole), spanRoleEntityType: scoreFigures(counts.arguments.spanRoleEntityType) },
    coreference: { all: coreferenceFigures(counts.coreference.all), shared: coreferenceFigures(counts.coreference.shared) },
    decisions: {
      type: cohensKappa(counts.decisions.type),
      subtype: cohensKappa(counts.decisions.subtype),
      realis: cohensKappa(counts.decisions.realis),
      role: cohensKappa(counts.decisions.role),
      entityType: cohensKappa(counts.decisions.entityType),
    },
  };
}
