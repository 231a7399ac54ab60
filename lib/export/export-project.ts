// `hopper export`: every document of a project written as `<name>.json` from its gold set.

import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { serializeCasieDocument } from "@/lib/casie";
import type { DatabasePool } from "@/lib/db/client";
import { loadGoldDocuments, type StoredDocument } from "@/lib/documents/store";

export interface ExportOptions {
  onProgress?: (progress: { done: number; total: number }) => void;
  client: DatabasePool;
}

export interface ExportReport {
  files: string[];
}

/** Documents are read in batches: a fixed number of queries per batch, whatever the project's size. */
const BATCH_SIZE = 250;

/**
 * While one batch is serialized and its files written, the database already
 * reads the next: at most two batches are in memory, whatever the project's size.
 */
export async function exportProject(projectName: string, outDir: string, options: ExportOptions): Promise<ExportReport> {
  const { client } = options;
  const { rows: projects } = await client.pool.query<{ id: string }>('SELECT "id" FROM "Project" WHERE "name" = $1', [projectName]);
  if (!projects.length) throw new Error(`no project named "${projectName}"`);
  const { rows: documents } = await client.pool.query<{ id: string }>('SELECT "id" FROM "Document" WHERE "projectId" = $1 ORDER BY "name"', [
    projects[0].id,
  ]);
  await mkdir(outDir, { recursive: true });

  const batches: string[][] = [];
  for (let start = 0; start < documents.length; start += BATCH_SIZE) batches.push(documents.slice(start, start + BATCH_SIZE).map((d) => d.id));
  const files: string[] = [];
  const record = (written: string[]) => {
    files.push(...written);
    if (written.length) options.onProgress?.({ done: files.length, total: documents.length });
  };
  let reading = batches.length ? loadGoldDocuments(batches[0], client) : undefined;
  let writing: Promise<string[]> = Promise.resolve([]);
  for (let next = 1; reading; next++) {
    const [batch, written] = await Promise.all([reading, writing]);
    record(written);
    reading = next < batches.length ? loadGoldDocuments(batches[next], client) : undefined;
    writing = Promise.all(batch.map((document) => writeDocument(outDir, document)));
  }
  record(await writing);
  return { files: files.sort() };
}

/** Writes the document's file: beside it first and then renamed, so an interrupted export never leaves a truncated file. */
async function writeDocument(outDir: string, document: StoredDocument): Promise<string> {
  const file = path.join(outDir, `${document.name}.json`);
  const partial = `${file}.partial`;
  await writeFile(partial, serializeCasieDocument(document.casie), "utf8");
  await rename(partial, file);
  return file;
}
