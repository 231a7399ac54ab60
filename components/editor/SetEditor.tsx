import type { ReactNode } from "react";
import { encodeDocumentForTransport } from "@/lib/casie/document-transport";
import type { OpenedAnnotatorSet } from "@/lib/annotation-sets";
import type { EditorDocumentContext } from "@/lib/documents/load";
import { EditorApp } from "./EditorApp";

/** The editor on an opened set of a document: what the annotate and gold pages share. */
export function SetEditor({
  set,
  document,
  documentId,
  workflow,
}: {
  set: OpenedAnnotatorSet;
  document: EditorDocumentContext;
  documentId: string;
  workflow?: ReactNode;
}) {
  return (
    <EditorApp
      setId={set.setId}
      version={set.version}
      numbering={set.numbering}
      encodedDocument={encodeDocumentForTransport(set.document)}
      tagset={document.tagset}
      documentId={documentId}
      documentName={document.name}
      projectId={document.projectId}
      projectName={document.projectName}
      workflow={workflow}
    />
  );
}
