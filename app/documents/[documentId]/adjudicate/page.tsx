import { notFound } from "next/navigation";
import { AdjudicationView } from "@/components/adjudication/AdjudicationView";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { openAdjudication } from "@/lib/adjudication-store/adjudication-store";
import { requirePageUser } from "@/lib/auth/access";

/** Reviewers turn the annotators' sets of a document into its gold set; to anyone else the page does not exist. */
export default async function AdjudicatePage({ params }: { params: Promise<{ documentId: string }> }) {
  const user = await requirePageUser();
  const opened = await openAdjudication(user, (await params).documentId);
  if (!opened.ok) notFound();
  return (
    <SignedInPage user={user}>
      <AdjudicationView initial={opened.adjudication} />
    </SignedInPage>
  );
}
