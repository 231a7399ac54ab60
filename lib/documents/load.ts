import { parseTagset, type Tagset } from "@/lib/casie/tagset";
import type { CasieDocument, CasieIssue } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { loadGoldDocuments } from "./store";

/** A document with its gold set, as the document page shows it. */
export interface GoldDocument {
  id: string;
  projectId: string;
  projectName: string;
  /** Export file stem, e.g. `2602`. */
  name: string;
  sourcefile: string;
  title: string;
  date: string;
  link: string;
  warnings: CasieIssue[];
  /** The gold set's annotations; no hoppers when the document has no gold set, or they were not read. */
  casie: CasieDocument;
  setVersion: number | null;
}

/**
 * Null when there is no such document (or the id is not a record id at all). Without `annotations`, the gold set's are
 * not read (`casie` has no hoppers): for pages that show a set read on its own, the gold set often.
 */
export async function loadGoldDocument(
  documentId: string,
  client: Database = db(),
  { annotations = true }: { annotations?: boolean } = {},
): Promise<GoldDocument | null> {
  if (!isRecordId(documentId)) return null;
  const [stored] = await loadGoldDocuments([documentId], client, { annotations });
  if (!stored) return null;
  const project = await client.project.findUniqueOrThrow({ where: { id: stored.projectId }, select: { name: true } });
  return {
    id: stored.id,
    projectId: stored.projectId,
    projectName: project.name,
    name: stored.name,
    sourcefile: stored.sourcefile,
    title: stored.title,
    date: stored.date,
    link: stored.casie.info?.link ?? "",
    warnings: stored.warnings,
    casie: stored.casie,
    setVersion: stored.goldSetVersion,
  };
}

/** What the editor needs to know about a document besides its annotations. */
export interface EditorDocumentContext {
  name: string;
  projectId: string;
  projectName: string;
  tagset: Tagset;
}

export async function loadEditorDocumentContext(documentId: string, client: Database = db()): Promise<EditorDocumentContext | null> {
  if (!isRecordId(documentId)) return null;
  const document = await client.document.findUnique({
    where: { id: documentId },
    select: { name: true, projectId: true, project: { select: { name: true, tagset: true } } },
  });
  return (
    document && {
      name: document.name,
      projectId: document.projectId,
      projectName: document.project.name,
      tagset: parseTagset(document.project.tagset),
    }
  );
}
