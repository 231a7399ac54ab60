// Where a document's adjudication stands: each disagreement with the version
// the gold holds now and the reviewer's decision on it. An item is decided
// only by a recorded decision (accepting an annotator's version, rejecting
// them all, or regrouping a hopper cluster): the gold's content alone cannot say, since the agreed part it
// starts with may coincide with one annotator's version of a disputed item.

import type { CasieDocument } from "@/lib/casie/types";
import { goldValues, type AdjudicationItem, type Disagreements, type ItemKind, type ItemValues } from "./disagreements";

/** Accepting an annotator's version, rejecting them all, or (for a hopper cluster) the reviewer's own grouping. */
export type DecisionKind = "accepted" | "rejected" | "regrouped";

export interface AdjudicationDecision {
  itemId: string;
  decision: DecisionKind;
  /** Whose version was accepted; null for a rejection or a regrouping. */
  annotatorId: string | null;
  /** Why every version was rejected, when the reviewer said. */
  reason: string | null;
  reviewerId: string;
  reviewerName: string;
  /** ISO 8601. */
  decidedAt: string;
}

export type ItemState = AdjudicationItem & {
  /** The position in `versions` of the one the gold holds now, or null. */
  goldVersion: number | null;
  /** What the gold holds for the item (a regrouping, an edit in the gold's editor: maybe no annotator's version), or null. */
  goldValue: ItemValues[ItemKind] | null;
  decision: AdjudicationDecision | null;
};

export interface AdjudicationState extends Omit<Disagreements, "items"> {
  items: ItemState[];
  undecided: number;
}

export function adjudicationState(model: Disagreements, gold: CasieDocument, decisions: readonly AdjudicationDecision[]): AdjudicationState {
  const held = goldValues(model, gold);
  const decisionOf = new Map(decisions.map((decision) => [decision.itemId, decision]));
  const items = model.items.map((item): ItemState => ({
    ...item,
    goldVersion: held.get(item.id)?.version ?? null,
    goldValue: held.get(item.id)?.value ?? null,
    decision: decisionOf.get(item.id) ?? null,
  }));
  return { ...model, items, undecided: items.filter((item) => !item.decision).length };
}
