import { notFound } from "next/navigation";
import { HistoryView } from "@/components/history/HistoryView";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { readSetAtVersion, readSetHistory } from "@/lib/annotation-sets/set-history";
import { requirePageUser } from "@/lib/auth/access";
import { visibleDocumentSets } from "@/lib/documents/document-sets";
import { loadGoldDocument } from "@/lib/documents/load";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const versionIn = (value: string | string[] | undefined): number | null | undefined =>
  value === undefined ? undefined : typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;

/** The history of one set of the document the user may see (`?set=`; their own or the first they may see by default), at `?version=`. */
export default async function DocumentHistoryPage({ params, searchParams }: { params: Promise<{ documentId: string }>; searchParams: SearchParams }) {
  const user = await requirePageUser();
  const { documentId } = await params;
  const document = await loadGoldDocument(documentId, undefined, { annotations: false });
  // Who may see which set is the policy's to say; a set or document hidden from the user is answered as if it did not exist.
  const sets = document ? await visibleDocumentSets(user, documentId) : [];
  const query = await searchParams;
  const set = query.set === undefined ? (sets.find((s) => s.annotatorId === user.id) ?? sets[0]) : sets.find((s) => s.setId === query.set);
  const version = versionIn(query.version);
  const before = versionIn(query.before);
  if (!document || !set || version === null || before === null) notFound();
  const shown = await readSetAtVersion(set.setId, version ?? set.version);
  if (!shown) notFound();
  const page = await readSetHistory(set.setId, { before: before ?? null });
  return (
    <SignedInPage user={user}>
      <HistoryView
        document={document}
        sets={sets}
        set={{ ...set, version: shown.currentVersion }}
        viewerId={user.id}
        page={page}
        version={version ?? shown.currentVersion}
        state={shown.document}
      />
    </SignedInPage>
  );
}
