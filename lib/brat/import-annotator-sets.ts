// brat files imported as one annotator's sets on a project's existing
// documents (matched by file name), so double annotations made in brat can be
// compared and adjudicated in Hopper. Each set must still be empty: an import
// never overwrites anyone's annotations.

import { importIntoEmptySet, SetNotEmptyError } from "@/lib/annotation-sets/import-into-set";
import type { CasieDocument } from "@/lib/casie/types";
import type { Database } from "@/lib/db/client";
import { annotatorSetOn } from "@/lib/import/existing-document-sets";

export interface AnnotatorImportReport {
  imported: string[];
  skipped: { name: string; reason: string }[];
}

export async function importAnnotatorSets(
  documents: { name: string; document: CasieDocument }[],
  { projectName, annotatorEmail, client }: { projectName: string; annotatorEmail: string; client: Database },
): Promise<AnnotatorImportReport> {
  const { rows: users } = await client.pool.query<{ id: string }>('SELECT "id" FROM "User" WHERE "email" = $1', [annotatorEmail.toLowerCase()]);
  if (!users.length) throw new Error(`no account ${annotatorEmail.toLowerCase()}`);
  const { rows: projects } = await client.pool.query<{ id: string }>('SELECT "id" FROM "Project" WHERE "name" = $1', [projectName]);
  if (!projects.length) throw new Error(`no project named "${projectName}"`);
  const report: AnnotatorImportReport = { imported: [], skipped: [] };
  for (const { name, document } of documents) {
    const { rows } = await client.pool.query<{ id: string; content: string }>(
      'SELECT "id", "content" FROM "Document" WHERE "projectId" = $1 AND ("name" = $2 OR "sourcefile" = $3) ORDER BY ("name" = $2) DESC LIMIT 1',
      [projects[0].id, name, document.sourcefile],
    );
    const target = rows[0];
    if (!target) {
      report.skipped.push({ name, reason: "no document of that name in the project" });
      continue;
    }
    if (target.content !== document.content) {
      report.skipped.push({ name, reason: "its .txt is not the document's text" });
      continue;
    }
    const setId = await annotatorSetOn(target.id, users[0].id, client);
    try {
      await importIntoEmptySet(setId, document, users[0].id, client);
      report.imported.push(name);
    } catch (error) {
      if (!(error instanceof SetNotEmptyError)) throw error;
      report.skipped.push({ name, reason: error.message });
    }
  }
  return report;
}
