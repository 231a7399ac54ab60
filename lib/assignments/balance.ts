// Handing each of some documents to N annotators, balancing workload: pure, so
// the rule is tested alone. The caller passes only the project's annotators.

export interface AnnotatorLoad {
  annotatorId: string;
  /** Documents assigned to them now. */
  assigned: number;
}

export interface BalanceInput {
  /** The documents to hand out, in the order they are handed out. */
  documentIds: readonly string[];
  /** Who may be given work, in the order that breaks ties (the caller's: by name, then id). */
  annotators: readonly AnnotatorLoad[];
  /** The annotators each document is assigned to already: they count towards N and are never given it twice. */
  existing: ReadonlyMap<string, ReadonlySet<string>>;
  perDocument: number;
}

export interface BalancePlan {
  assignments: { documentId: string; annotatorId: string }[];
  /** Documents that end with fewer than N annotators: there were not enough to go round. */
  shortDocumentIds: string[];
}

/**
 * Each document goes to the annotators with the fewest assignments so far
 * (counting those this plan makes), ties going to the one first in
 * `annotators`, until it has `perDocument` of them.
 */
export function planBalancedAssignments({ documentIds, annotators, existing, perDocument }: BalanceInput): BalancePlan {
  const load = new Map(annotators.map((annotator) => [annotator.annotatorId, annotator.assigned]));
  const rank = new Map(annotators.map((annotator, position) => [annotator.annotatorId, position]));
  const assignments: BalancePlan["assignments"] = [];
  const shortDocumentIds: string[] = [];
  for (const documentId of new Set(documentIds)) {
    const already = existing.get(documentId) ?? new Set<string>();
    const wanted = perDocument - already.size;
    const chosen = [...load.keys()]
      .filter((annotatorId) => !already.has(annotatorId))
      .sort((a, b) => load.get(a)! - load.get(b)! || rank.get(a)! - rank.get(b)!)
      .slice(0, Math.max(0, wanted));
    for (const annotatorId of chosen) {
      assignments.push({ documentId, annotatorId });
      load.set(annotatorId, load.get(annotatorId)! + 1);
    }
    if (already.size + chosen.length < perDocument) shortDocumentIds.push(documentId);
  }
  return { assignments, shortDocumentIds };
}
