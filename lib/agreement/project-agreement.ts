// A project's agreement, document by document: per annotator pair and in
// total (counts summed over documents before dividing), per label, Krippendorff's
// alpha over all annotators, and the documents ranked worst first. Documents
// are added one at a time, so a caller can stream a large project through it.

import { addTableInto } from "./categorical-agreement";
import { documentAgreement, emptyAlphaCounts, type AlphaCounts, type AnnotatorSet } from "./document-agreement";
import { addPairCountsInto, ATTRIBUTES, emptyPairCounts, pairFigures, type PairCounts, type PairFigures } from "./pair-agreement";

export interface DocumentSets {
  documentId: string;
  name: string;
  sets: readonly AnnotatorSet[];
}

export interface DocumentSummary {
  documentId: string;
  name: string;
  annotators: string[];
  /** The counts of all its pairs, summed. */
  counts: PairCounts;
  /** See `documentScore`; null when none of its parts is defined. */
  score: number | null;
}

export interface PairTotal {
  /** The annotator first by name: the key, against which recall is measured. */
  key: string;
  response: string;
  /** Documents both annotated. */
  documents: number;
  counts: PairCounts;
}

export interface ProjectAgreement {
  /** Annotators with a set in a compared document, by name. */
  annotators: string[];
  /** Documents with two or more sets, worst first. */
  documents: DocumentSummary[];
  /** Documents with fewer than two sets: nothing to compare. */
  uncomparedDocuments: number;
  pairs: PairTotal[];
  /** Every pair of every document summed. */
  total: PairCounts;
  alpha: AlphaCounts;
  ambiguousUnits: number;
}

/**
 * How well a document's annotators agree, to rank documents: the mean of the
 * figures defined among nugget F1 (exact spans), subtype agreement on matched
 * nuggets, argument F1 on (span, role) and the CoNLL coreference score.
 */
export function documentScore(figures: PairFigures): number | null {
  const parts = [figures.nuggets.exact.f1, figures.decisions.subtype.observed, figures.arguments.spanRole.f1, figures.coreference.all.conll].filter(
    (value): value is number => value !== null,
  );
  return parts.length ? parts.reduce((sum, value) => sum + value, 0) / parts.length : null;
}

export class ProjectAgreementBuilder {
  private readonly documents: DocumentSummary[] = [];
  private readonly pairs = new Map<string, PairTotal>();
  private readonly annotators = new Set<string>();
  private readonly total = emptyPairCounts();
  private readonly alpha = emptyAlphaCounts();
  private ambiguousUnits = 0;
  private uncomparedDocuments = 0;

  add({ documentId, name, sets }: DocumentSets): void {
    if (sets.length < 2) {
      this.uncomparedDocuments++;
      return;
    }
    const ordered = [...sets].sort((a, b) => compareNames(a.annotator, b.annotator));
    const agreement = documentAgreement(ordered);
    const counts = emptyPairCounts();
    for (const pair of agreement.pairs) {
      addPairCountsInto(counts, pair.counts);
      const id = `${pair.key}\u0000${pair.response}`;
      let total = this.pairs.get(id);
      if (!total) this.pairs.set(id, (total = { key: pair.key, response: pair.response, documents: 0, counts: emptyPairCounts() }));
      total.documents++;
      addPairCountsInto(total.counts, pair.counts);
    }
    addPairCountsInto(this.total, counts);
    for (const attribute of ATTRIBUTES) addTableInto(this.alpha[attribute], agreement.alpha[attribute]);
    this.ambiguousUnits += agreement.ambiguousUnits;
    for (const annotator of agreement.annotators) this.annotators.add(annotator);
    this.documents.push({ documentId, name, annotators: agreement.annotators, counts, score: documentScore(pairFigures(counts)) });
  }

  result(): ProjectAgreement {
    const documents = [...this.documents].sort((a, b) => compareScores(a.score, b.score) || compareNames(a.name, b.name));
    const pairs = [...this.pairs.values()].sort((a, b) => compareNames(a.key, b.key) || compareNames(a.response, b.response));
    return {
      annotators: [...this.annotators].sort(compareNames),
      documents,
      uncomparedDocuments: this.uncomparedDocuments,
      pairs,
      total: this.total,
      alpha: this.alpha,
      ambiguousUnits: this.ambiguousUnits,
    };
  }
}

export function projectAgreement(documents: Iterable<DocumentSets>): ProjectAgreement {
  const builder = new ProjectAgreementBuilder();
  for (const document of documents) builder.add(document);
  return builder.result();
}

const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lowest first; documents without a score last. */
const compareScores = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);
