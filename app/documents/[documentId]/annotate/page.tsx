import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetEditor } from "@/components/editor/SetEditor";
import { SubmitControl } from "@/components/editor/SubmitControl";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { NotAssignedNotice } from "@/components/queue/NotAssignedNotice";
import { SubmittedNotice } from "@/components/queue/SubmittedNotice";
import { openOwnAnnotatorSet } from "@/lib/annotation-sets";
import { setWorkflowState } from "@/lib/assignments/set-workflow-state";
import { requirePageUser } from "@/lib/auth/access";
import { loadEditorDocumentContext } from "@/lib/documents/load";

export const metadata: Metadata = { title: "Annotate · Hopper" };

/**
 * The annotation editor on the signed-in user's own set of the document
 * (created empty on first visit), when the policy lets them annotate it:
 * annotators, the documents assigned to them. A submitted set is read-only.
 */
export default async function AnnotatePage({ params }: { params: Promise<{ documentId: string }> }) {
  const user = await requirePageUser();
  const { documentId } = await params;
  // Read side by side: opening the set checks the document and the user's access on its own.
  const [document, set] = await Promise.all([loadEditorDocumentContext(documentId), openOwnAnnotatorSet(user, documentId)]);
  if (!document) notFound();
  // A document in a project the user may not view is answered as if it did not exist.
  if ("refused" in set) {
    if (set.refused === "not-found") notFound();
    return (
      <SignedInPage user={user}>
        <NotAssignedNotice why={set.why} documentId={documentId} />
      </SignedInPage>
    );
  }
  const workflow = await setWorkflowState(set.setId);
  if (set.status === "SUBMITTED") {
    return (
      <SignedInPage user={user}>
        <SubmittedNotice documentId={documentId} setId={set.setId} documentName={document.name} />
      </SignedInPage>
    );
  }
  return (
    <SignedInPage user={user}>
      <SetEditor
        set={set}
        document={document}
        documentId={documentId}
        workflow={workflow?.assigned ? <SubmitControl setId={set.setId} documentId={documentId} reopenNote={workflow.reopenNote} /> : undefined}
      />
    </SignedInPage>
  );
}
