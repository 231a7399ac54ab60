import { notFound } from "next/navigation";
import { DocumentView } from "@/components/document/DocumentView";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { requirePageUser } from "@/lib/auth/access";
import { permissionsInProject } from "@/lib/auth/policy";
import { loadGoldDocument } from "@/lib/documents/load";

export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const user = await requirePageUser();
  const { documentId } = await params;
  const document = await loadGoldDocument(documentId);
  const permissions = document && (await permissionsInProject(user, document.projectId));
  // A document in a project the user may not view is answered as if it did not exist.
  if (!document || !permissions?.view) notFound();
  return (
    <SignedInPage user={user}>
      <DocumentView document={document} showGold={permissions.review} />
    </SignedInPage>
  );
}
