// A project's agreement as figures (the counts divided): the JSON of
// `hopper agreement --json`, and the source of its text and CSV forms.

import { krippendorffAlpha, type AlphaFigures } from "./categorical-agreement";
import { ATTRIBUTES, pairFigures, type Attribute, type LabelCounts, type PairFigures } from "./pair-agreement";
import type { ProjectAgreement } from "./project-agreement";
import { matchCounts, scoreFigures } from "./ratio";

export interface LabelRow extends LabelCounts {
  label: string;
  /** F1 of the label's items matched with the label on both sides (key's items against the response's). */
  f1: number | null;
}

export interface AgreementReport {
  project: string;
  annotators: string[];
  comparedDocuments: number;
  uncomparedDocuments: number;
  /** Every pair of every document. */
  total: PairFigures;
  alpha: { [A in Attribute]: AlphaFigures };
  ambiguousUnits: number;
  pairs: { key: string; response: string; documents: number; figures: PairFigures }[];
  /** Event subtypes (matched nuggets with the subtype on both sides) and argument roles ((span, role) matches). */
  labels: { subtypes: LabelRow[]; roles: LabelRow[] };
  /** Worst first. */
  documents: { documentId: string; name: string; annotators: string[]; score: number | null; figures: PairFigures }[];
}

function labelRows(labels: Map<string, LabelCounts>): LabelRow[] {
  return [...labels]
    .map(([label, counts]) => ({ label, ...counts, f1: scoreFigures(matchCounts(counts.matched, counts.key, counts.response)).f1 }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export function agreementReport(project: string, agreement: ProjectAgreement): AgreementReport {
  const alpha = Object.fromEntries(
    ATTRIBUTES.map((attribute) => [attribute, krippendorffAlpha(agreement.alpha[attribute])]),
  ) as AgreementReport["alpha"];
  return {
    project,
    annotators: agreement.annotators,
    comparedDocuments: agreement.documents.length,
    uncomparedDocuments: agreement.uncomparedDocuments,
    total: pairFigures(agreement.total),
    alpha,
    ambiguousUnits: agreement.ambiguousUnits,
    pairs: agreement.pairs.map(({ key, response, documents, counts }) => ({ key, response, documents, figures: pairFigures(counts) })),
    labels: { subtypes: labelRows(agreement.total.subtypes), roles: labelRows(agreement.total.roles) },
    documents: agreement.documents.map(({ documentId, name, annotators, score, counts }) => ({
      documentId,
      name,
      annotators,
      score,
      figures: pairFigures(counts),
    })),
  };
}

/** Every number of a figures tree with its dotted path, e.g. `nuggets.exact.f1`. */
export function flattenFigures(value: unknown, path = ""): [string, number | null][] {
  if (typeof value === "number" || value === null) return [[path, value]];
  if (typeof value !== "object" || value === undefined) return [];
  return Object.entries(value).flatMap(([key, child]) => flattenFigures(child, path ? `${path}.${key}` : key));
}
