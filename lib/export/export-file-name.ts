// The name a document's files take in an export: its name (its sourcefile's
// stem, `2602` for `2602.txt`). Two documents of a project can share a stem
// (`2602.txt` and `2602.html`); those take their whole sourcefile instead,
// which is unique in the project, so that no file of an export, a zip's entry
// or a directory's file, overwrites another's. A name is one path segment
// wherever it came from.

import type { DatabasePool } from "@/lib/db/client";

/** SQL: whether another document of the project has the name of the row `alias` of "Document". */
export function nameSharedSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM "Document" o WHERE o."projectId" = ${alias}."projectId" AND o."name" = ${alias}."name" AND o."id" <> ${alias}."id")`;
}

export function exportFileName(document: { name: string; sourcefile: string; nameShared: boolean }): string {
  return (document.nameShared ? document.sourcefile : document.name).replace(/[/\\]/g, "_");
}

/**
 * Refuses a name already given: a stem may equal another document's whole
 * sourcefile (`2602.txt`, the stem of `2602.txt.md`), which the rule above
 * cannot rule out, and an export never silently drops a file.
 */
export class ExportFileNames {
  private readonly given = new Set<string>();

  claim(name: string): string {
    if (this.given.has(name)) throw new Error(`two documents would both be exported as ${name}: rename one of their sourcefiles`);
    this.given.add(name);
    return name;
  }
}

/** Every document of the project with its export file name, by name: refused when two would share one. */
export async function projectExportFileNames(projectId: string, client: DatabasePool): Promise<{ id: string; fileName: string }[]> {
  const { rows } = await client.pool.query<{ id: string; name: string; sourcefile: string; nameShared: boolean }>(
    `SELECT d."id", d."name", d."sourcefile", ${nameSharedSql("d")} AS "nameShared" FROM "Document" d WHERE d."projectId" = $1 ORDER BY d."name", d."id"`,
    [projectId],
  );
  const names = new ExportFileNames();
  return rows.map((row) => ({ id: row.id, fileName: names.claim(exportFileName(row)) }));
}
