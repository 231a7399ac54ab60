// A Document row and the CASIE document it makes with one set's hoppers: the
// text, metadata and file layout live with the document, the annotations with
// each set.

import type { CasieDocument, CasieHopper, CasieInfo, CasieIssue, ObjectLayout } from "@/lib/casie/types";

export interface DocumentRecord {
  id: string;
  projectId: string;
  sourcefile: string;
  name: string;
  content: string;
  title: string;
  date: string;
  info: CasieInfo | null;
  layout: DocumentLayoutColumn | null;
  importWarnings: CasieIssue[];
}

/** Document-level fields kept beside the annotation rows: how the file was written. */
export interface DocumentLayoutColumn {
  layout?: ObjectLayout;
  cybereventLayout?: ObjectLayout;
  style?: CasieDocument["style"];
}

export function documentLayoutColumn(document: CasieDocument): DocumentLayoutColumn {
  const column: DocumentLayoutColumn = {};
  if (document.layout) column.layout = document.layout;
  if (document.cybereventLayout) column.cybereventLayout = document.cybereventLayout;
  if (document.style) column.style = document.style;
  return column;
}

/** The columns of a Document row that, with a set's hoppers, make up the CASIE document. */
export type DocumentContentRecord = Pick<DocumentRecord, "content" | "sourcefile" | "info" | "layout">;

export function casieDocumentFromRecord(document: DocumentContentRecord, hoppers: CasieHopper[]): CasieDocument {
  const casie: CasieDocument = { content: document.content, sourcefile: document.sourcefile, hoppers, ...(document.layout ?? {}) };
  if (document.info !== null) casie.info = document.info;
  return casie;
}
