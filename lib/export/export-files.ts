// The files of one page of an export's documents, in a fixed number of queries:
// from the gold sets (the imported file itself, byte for byte, while a gold set
// is as imported; else the set serialized) or from chosen annotators' sets
// (always serialized), with each set's counts for the manifest.

import { hoppersFromAnnotationRows } from "@/lib/annotation-sets/annotation-rows";
import { readSetsRows } from "@/lib/annotation-sets/set-rows";
import { serializeCasieDocument } from "@/lib/casie";
import type { CasieHopper } from "@/lib/casie/types";
import type { DatabasePool } from "@/lib/db/client";
import { casieDocumentFromRecord, type DocumentContentRecord } from "@/lib/documents/document-record";
import { loadGoldDocuments, loadUnchangedImportedTexts } from "@/lib/documents/store";
import type { ExportAnnotator, ExportDocument, ResolvedSelection } from "./export-selection";

export interface AnnotationCounts {
  hoppers: number;
  events: number;
  arguments: number;
}

export const GOLD_SET = "gold";

export interface ExportFile {
  document: ExportDocument;
  /** GOLD_SET, or the annotator's e-mail. */
  set: string;
  /** The CASIE file. */
  text: string;
  counts: AnnotationCounts;
  /** An annotator's set's annotations, for the agreement summary. */
  hoppers?: CasieHopper[];
}

const NO_ANNOTATIONS: AnnotationCounts = { hoppers: 0, events: 0, arguments: 0 };

/** Per set: its document, annotator (null for gold) and counts. */
interface SetRow extends AnnotationCounts {
  id: string;
  documentId: string;
  annotatorId: string | null;
}

const countOf = (table: string) => `(SELECT count(*) FROM "${table}" t WHERE t."setId" = s."id")::int AS "${table.toLowerCase()}s"`;

async function readSets(documentIds: string[], annotatorIds: string[] | null, client: DatabasePool): Promise<SetRow[]> {
  const { rows } = await client.pool.query<SetRow>(
    `SELECT s."id", s."documentId", s."annotatorId", ${countOf("Hopper")}, ${countOf("Event")}, ${countOf("Argument")}
       FROM "AnnotationSet" s
      WHERE s."documentId" = ANY($1::uuid[]) AND ${annotatorIds ? `s."kind" = 'ANNOTATOR' AND s."annotatorId" = ANY($2::uuid[])` : `s."kind" = 'GOLD'`}`,
    annotatorIds ? [documentIds, annotatorIds] : [documentIds],
  );
  return rows;
}

function countsOf(row: SetRow | undefined): AnnotationCounts {
  return row ? { hoppers: row.hoppers, events: row.events, arguments: row.arguments } : NO_ANNOTATIONS;
}

/** The page's files, document by document (and, per document, in the order the annotators were chosen). */
export async function readExportFiles(documents: ExportDocument[], selection: ResolvedSelection, client: DatabasePool): Promise<ExportFile[]> {
  return selection.annotators ? readAnnotatorFiles(documents, selection.annotators, client) : readGoldFiles(documents, client);
}

async function readGoldFiles(documents: ExportDocument[], client: DatabasePool): Promise<ExportFile[]> {
  const ids = documents.map((document) => document.id);
  const [importedTexts, sets] = await Promise.all([loadUnchangedImportedTexts(ids, client), readSets(ids, null, client)]);
  const changed = new Map(
    (
      await loadGoldDocuments(
        ids.filter((id) => !importedTexts.has(id)),
        client,
      )
    ).map((stored) => [stored.id, stored]),
  );
  const setByDocument = new Map(sets.map((set) => [set.documentId, set]));
  return documents.flatMap((document): ExportFile[] => {
    const stored = changed.get(document.id);
    // A document deleted since its page was read has neither.
    const text = importedTexts.get(document.id) ?? (stored && serializeCasieDocument(stored.casie));
    return text === undefined ? [] : [{ document, set: GOLD_SET, text, counts: countsOf(setByDocument.get(document.id)) }];
  });
}

async function readAnnotatorFiles(documents: ExportDocument[], annotators: readonly ExportAnnotator[], client: DatabasePool): Promise<ExportFile[]> {
  const ids = documents.map((document) => document.id);
  const [sets, { rows: records }] = await Promise.all([
    readSets(
      ids,
      annotators.map((annotator) => annotator.id),
      client,
    ),
    client.pool.query<DocumentContentRecord & { id: string }>(
      'SELECT "id", "content", "sourcefile", "info", "layout" FROM "Document" WHERE "id" = ANY($1::uuid[])',
      [ids],
    ),
  ]);
  const rows = await readSetsRows(
    client.pool,
    sets.map((set) => set.id),
  );
  const recordById = new Map(records.map((record) => [record.id, record]));
  const setOf = new Map(sets.map((set) => [`${set.documentId} ${set.annotatorId}`, set]));
  return documents.flatMap((document) => {
    const record = recordById.get(document.id);
    if (!record) return [];
    return annotators.flatMap(({ id, email }): ExportFile[] => {
      const set = setOf.get(`${document.id} ${id}`);
      if (!set) return [];
      const hoppers = hoppersFromAnnotationRows(rows.get(set.id)!);
      return [{ document, set: email, text: serializeCasieDocument(casieDocumentFromRecord(record, hoppers)), counts: countsOf(set), hoppers }];
    });
  });
}
