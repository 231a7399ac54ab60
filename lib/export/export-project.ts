// `hopper export`: every document of a project written as `<name>.json` (its
// export file name, export-file-name.ts) from its gold set: the imported file
// itself while the set is as imported, else the set serialized.

import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { serializeCasieDocument } from "@/lib/casie";
import type { DatabasePool } from "@/lib/db/client";
import { loadGoldDocuments, loadUnchangedImportedTexts, type StoredDocument } from "@/lib/documents/store";
import { projectExportFileNames } from "./export-file-name";

export interface ExportOptions {
  onProgress?: (progress: { done: number; total: number }) => void;
  client: DatabasePool;
}

export interface ExportReport {
  files: string[];
}

/** Documents are read in batches: a fixed number of queries per batch, whatever the project's size. */
const BATCH_SIZE = 250;

interface DocumentName {
  id: string;
  fileName: string;
}

/** A batch as read: the imported files of documents still as imported, the others to serialize. */
interface ReadBatch {
  documents: DocumentName[];
  importedTexts: Map<string, string>;
  changed: Map<string, StoredDocument>;
}

/**
 * While one batch is serialized and its files written, the database already
 * reads the next: at most two batches are in memory, whatever the project's size.
 */
export async function exportProject(projectName: string, outDir: string, options: ExportOptions): Promise<ExportReport> {
  const { client } = options;
  const { rows: projects } = await client.pool.query<{ id: string }>('SELECT "id" FROM "Project" WHERE "name" = $1', [projectName]);
  if (!projects.length) throw new Error(`no project named "${projectName}"`);
  const documents: DocumentName[] = await projectExportFileNames(projects[0].id, client);
  await mkdir(outDir, { recursive: true });

  const batches: DocumentName[][] = [];
  for (let start = 0; start < documents.length; start += BATCH_SIZE) batches.push(documents.slice(start, start + BATCH_SIZE));
  const files: string[] = [];
  const record = (written: string[]) => {
    files.push(...written);
    if (written.length) options.onProgress?.({ done: files.length, total: documents.length });
  };
  let reading = batches.length ? readBatch(batches[0], client) : undefined;
  let writing: Promise<string[]> = Promise.resolve([]);
  for (let next = 1; reading; next++) {
    const [batch, written] = await Promise.all([reading, writing]);
    record(written);
    reading = next < batches.length ? readBatch(batches[next], client) : undefined;
    writing = writeBatch(outDir, batch);
  }
  record(await writing);
  return { files: files.sort() };
}

async function readBatch(documents: DocumentName[], client: DatabasePool): Promise<ReadBatch> {
  const importedTexts = await loadUnchangedImportedTexts(
    documents.map((d) => d.id),
    client,
  );
  const changed = await loadGoldDocuments(
    documents.filter((d) => !importedTexts.has(d.id)).map((d) => d.id),
    client,
  );
  return { documents, importedTexts, changed: new Map(changed.map((document) => [document.id, document])) };
}

function writeBatch(outDir: string, { documents, importedTexts, changed }: ReadBatch): Promise<string[]> {
  const written: Promise<string>[] = [];
  for (const { id, fileName } of documents) {
    const stored = changed.get(id);
    // A document deleted since the export began has neither.
    const text = importedTexts.get(id) ?? (stored && serializeCasieDocument(stored.casie));
    if (text !== undefined) written.push(writeDocumentFile(path.join(outDir, `${fileName}.json`), text));
  }
  return Promise.all(written);
}

/** Written beside and renamed, so an interrupted export never leaves a truncated file. */
async function writeDocumentFile(file: string, text: string): Promise<string> {
  const partial = `${file}.partial`;
  await writeFile(partial, text, "utf8");
  await rename(partial, file);
  return file;
}
