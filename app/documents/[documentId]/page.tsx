import { notFound } from "next/navigation";
import { DocumentView } from "@/components/document/DocumentView";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { canViewGold, canViewProject, requirePageUser } from "@/lib/auth/access";
import { loadGoldDocument } from "@/lib/documents/load";
import { isRecordId } from "@/lib/db/record-id";

export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const user = await requirePageUser();
  const { documentId } = await params;
  const document = isRecordId(documentId) ? await loadGoldDocument(documentId) : null;
  // A document in a project the user may not view is answered as if it did not exist.
  if (!document || !(await canViewProject(user, document.projectId))) notFound();
  return (
    <SignedInPage user={user}>
      <DocumentView document={document} showGold={canViewGold(user)} />
    </SignedInPage>
  );
}
