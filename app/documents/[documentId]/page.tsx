import { notFound } from "next/navigation";
import { AdjudicateLink } from "@/components/adjudication/AdjudicateLink";
import { DocumentView } from "@/components/document/DocumentView";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ReopenSetForm } from "@/components/queue/ReopenSetForm";
import { findVisibleSet, loadSetForReading } from "@/lib/annotation-sets";
import { requirePageUser } from "@/lib/auth/access";
import { permissionsInProject } from "@/lib/auth/policy";
import { visibleDocumentSets } from "@/lib/documents/document-sets";
import { loadGoldDocument } from "@/lib/documents/load";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A document with one annotation set the user may see (`?set=`; by default the gold set for those who may see it, else their own). */
export default async function DocumentPage({ params, searchParams }: { params: Promise<{ documentId: string }>; searchParams: SearchParams }) {
  const user = await requirePageUser();
  const { documentId } = await params;
  const document = await loadGoldDocument(documentId, undefined, { annotations: false });
  const permissions = document && (await permissionsInProject(user, document.projectId));
  // A document in a project the user may not view is answered as if it did not exist; so is a set the user may not see.
  if (!document || !permissions?.view) notFound();
  const sets = await visibleDocumentSets(user, documentId);
  const requested = (await searchParams).set;
  let shownId = sets.find((set) => set.kind === "GOLD")?.setId ?? sets[0]?.setId;
  if (requested !== undefined) {
    const visible = typeof requested === "string" ? await findVisibleSet(user, requested) : null;
    if (!visible || visible.set.documentId !== documentId) notFound();
    shownId = visible.set.setId;
  }
  const state = shownId ? await loadSetForReading(shownId) : null;
  const shownSet = sets.find((set) => set.setId === state?.setId);
  return (
    <SignedInPage user={user}>
      {permissions.review && <AdjudicateLink documentId={documentId} sets={sets} />}
      {permissions.review && shownSet?.kind === "ANNOTATOR" && shownSet.status === "SUBMITTED" && shownSet.assigned && (
        <ReopenSetForm key={shownSet.setId} setId={shownSet.setId} annotatorName={shownSet.annotatorName ?? "The annotator"} />
      )}
      <DocumentView
        document={document}
        sets={sets}
        shown={state && shownSet ? { set: shownSet, document: state.document, version: state.version } : null}
        viewerId={user.id}
        showGoldDetails={permissions.review}
      />
    </SignedInPage>
  );
}
