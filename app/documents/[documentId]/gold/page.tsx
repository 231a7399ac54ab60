import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetEditor } from "@/components/editor/SetEditor";
import { GoldSetNote } from "@/components/editor/GoldSetNote";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { Notice } from "@/components/ui/Notice";
import { openGoldSet } from "@/lib/annotation-sets";
import { requirePageUser } from "@/lib/auth/access";
import { loadEditorDocumentContext } from "@/lib/documents/load";

export const metadata: Metadata = { title: "Edit gold · Hopper" };

/** The annotation editor on the document's gold set, for its project's reviewers, managers and admins. */
export default async function GoldEditorPage({ params }: { params: Promise<{ documentId: string }> }) {
  const user = await requirePageUser();
  const { documentId } = await params;
  // Read side by side: opening the set checks the document and the user's access on its own.
  const [document, set] = await Promise.all([loadEditorDocumentContext(documentId), openGoldSet(user, documentId)]);
  if (!document) notFound();
  // Annotators, and everyone outside the project, are answered as if there were no such page.
  if ("refused" in set) {
    if (set.refused === "not-found") notFound();
    return (
      <SignedInPage user={user}>
        <Notice tone="info">{set.why}</Notice>
      </SignedInPage>
    );
  }
  return (
    <SignedInPage user={user}>
      <SetEditor set={set} document={document} documentId={documentId} workflow={<GoldSetNote status={set.status} />} />
    </SignedInPage>
  );
}
