// The manifest of a dataset export (manifest.json in the zip, the last line of a
// JSON Lines export): what was exported, from which sets, when, with which
// tagset, how many annotations, and, when annotators' sets were exported, their
// agreement over exactly those documents (project-level figures of lib/agreement).
// Built as the files go by: it keeps a short line per document, never the files.

import type { AgreementReport } from "@/lib/agreement/agreement-report";
import { ATTRIBUTES, type Attribute, type PairFigures } from "@/lib/agreement/pair-agreement";
import type { DocumentStatus } from "@/lib/auth/workflow";
import type { Tagset } from "@/lib/casie/tagset";
import type { AnnotationCounts, ExportFile } from "./export-files";
import type { ExportFormat } from "./export-query";

export const MANIFEST_VERSION = 1;

/** F1 of each headline figure; null where it divides 0 by 0. */
export interface AgreementF1s {
  nuggetsExact: number | null;
  nuggetsOverlap: number | null;
  argumentsSpanRole: number | null;
  argumentsSpanRoleEntityType: number | null;
  muc: number | null;
  bcubed: number | null;
  ceafe: number | null;
  blanc: number | null;
  conll: number | null;
}

export interface AgreementSummary {
  annotators: string[];
  /** Documents with two or more of the exported sets (the others have nothing to compare). */
  comparedDocuments: number;
  uncomparedDocuments: number;
  /** Every pair of every compared document, summed before dividing. */
  f1: AgreementF1s;
  /** Krippendorff's alpha (nominal) over all annotators, per attribute of matched items. */
  alpha: { [A in Attribute]: number | null };
  pairs: { key: string; response: string; documents: number; f1: AgreementF1s }[];
}

export interface ManifestDocument {
  /** The name its files have in the export (export-file-name.ts). */
  name: string;
  sourcefile: string;
  status: DocumentStatus;
  /** "gold", or the annotators' e-mails whose sets were exported. */
  sets: string[];
}

export interface ExportManifest {
  hopperExport: typeof MANIFEST_VERSION;
  project: string;
  exportedAt: string;
  format: ExportFormat;
  /** The documents' statuses chosen, and whose sets: "gold" or annotators' e-mails. */
  selection: { statuses: DocumentStatus[]; sets: "gold" | string[] };
  counts: AnnotationCounts & { documents: number; files: number; bySet: Record<string, AnnotationCounts & { files: number }> };
  tagset: Tagset;
  documents: ManifestDocument[];
  agreement: AgreementSummary | null;
}

export function agreementF1s(figures: PairFigures): AgreementF1s {
  const { all } = figures.coreference;
  return {
    nuggetsExact: figures.nuggets.exact.f1,
    nuggetsOverlap: figures.nuggets.overlap.f1,
    argumentsSpanRole: figures.arguments.spanRole.f1,
    argumentsSpanRoleEntityType: figures.arguments.spanRoleEntityType.f1,
    muc: all.muc.f1,
    bcubed: all.bcubed.f1,
    ceafe: all.ceafe.f1,
    blanc: all.blanc.f1,
    conll: all.conll,
  };
}

export function agreementSummary(report: AgreementReport): AgreementSummary {
  return {
    annotators: report.annotators,
    comparedDocuments: report.comparedDocuments,
    uncomparedDocuments: report.uncomparedDocuments,
    f1: agreementF1s(report.total),
    alpha: Object.fromEntries(ATTRIBUTES.map((attribute) => [attribute, report.alpha[attribute].alpha])) as AgreementSummary["alpha"],
    pairs: report.pairs.map(({ key, response, documents, figures }) => ({ key, response, documents, f1: agreementF1s(figures) })),
  };
}

/** Collects the manifest's documents and counts as files are written. */
export class ManifestBuilder {
  private readonly documents: ManifestDocument[] = [];
  private readonly bySet: Record<string, AnnotationCounts & { files: number }> = {};
  private readonly total = { hoppers: 0, events: 0, arguments: 0, files: 0 };

  constructor(private readonly header: Pick<ExportManifest, "project" | "exportedAt" | "format" | "selection" | "tagset">) {
    for (const set of header.selection.sets === "gold" ? ["gold"] : header.selection.sets)
      this.bySet[set] = { files: 0, hoppers: 0, events: 0, arguments: 0 };
  }

  add(file: ExportFile): void {
    const last = this.documents.at(-1);
    if (last?.name === file.document.fileName && last.sourcefile === file.document.sourcefile) last.sets.push(file.set);
    else this.documents.push({ name: file.document.fileName, sourcefile: file.document.sourcefile, status: file.document.status, sets: [file.set] });
    for (const tally of [this.total, this.bySet[file.set]]) {
      tally.files++;
      tally.hoppers += file.counts.hoppers;
      tally.events += file.counts.events;
      tally.arguments += file.counts.arguments;
    }
  }

  manifest(agreement: AgreementSummary | null): ExportManifest {
    return {
      hopperExport: MANIFEST_VERSION,
      ...this.header,
      counts: { documents: this.documents.length, ...this.total, bySet: this.bySet },
      documents: this.documents,
      agreement,
    };
  }
}
