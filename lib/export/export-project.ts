// `hopper export`: every document of a project written as `<name>.json` from its gold set.

import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { serializeCasieDocument } from "@/lib/casie";
import { db, type Database } from "@/lib/db/client";
import { loadGoldDocuments } from "@/lib/documents/store";

export interface ExportOptions {
  onProgress?: (progress: { done: number; total: number }) => void;
  client?: Database;
}

export interface ExportReport {
  files: string[];
}

/** Documents are read in batches: a fixed number of queries per batch, whatever the project's size. */
const BATCH_SIZE = 200;

export async function exportProject(projectName: string, outDir: string, options: ExportOptions = {}): Promise<ExportReport> {
  const client = options.client ?? db();
  const project = await client.project.findUnique({ where: { name: projectName }, select: { id: true } });
  if (!project) throw new Error(`no project named "${projectName}"`);
  const documents = await client.document.findMany({
    where: { projectId: project.id },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  await mkdir(outDir, { recursive: true });

  const files: string[] = [];
  for (let start = 0; start < documents.length; start += BATCH_SIZE) {
    const batch = await loadGoldDocuments(
      documents.slice(start, start + BATCH_SIZE).map((d) => d.id),
      client,
    );
    await Promise.all(
      batch.map(async (document) => {
        const file = path.join(outDir, `${document.name}.json`);
        // Written beside and renamed, so an interrupted export never leaves a truncated file.
        const partial = `${file}.partial`;
        await writeFile(partial, serializeCasieDocument(document.casie), "utf8");
        await rename(partial, file);
        files.push(file);
      }),
    );
    options.onProgress?.({ done: Math.min(start + BATCH_SIZE, documents.length), total: documents.length });
  }
  return { files: files.sort() };
}
