import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditorApp } from "@/components/editor/EditorApp";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import { requirePageUser } from "@/lib/auth/access";
import { canAnnotate } from "@/lib/auth/policy";
import { loadEditorDocumentContext } from "@/lib/documents/load";

export const metadata: Metadata = { title: "Annotate · Hopper" };

/** The annotation editor on the signed-in user's own set of the document (created empty on first visit). */
export default async function AnnotatePage({ params }: { params: Promise<{ documentId: string }> }) {
  const user = await requirePageUser();
  const { documentId } = await params;
  const document = await loadEditorDocumentContext(documentId);
  // A document in a project the user may not view is answered as if it did not exist.
  if (!document || !(await canAnnotate(user, document.projectId))) notFound();
  // Everyone who may view the project annotates a set of their own; null only if the document vanished meanwhile.
  const set = await openAnnotatorSet(user, documentId);
  if (!set) notFound();
  return (
    <SignedInPage user={user}>
      <EditorApp
        setId={set.setId}
        version={set.version}
        numbering={set.numbering}
        document={set.document}
        tagset={document.tagset}
        documentId={documentId}
        documentName={document.name}
        projectId={document.projectId}
        projectName={document.projectName}
      />
    </SignedInPage>
  );
}
