import { redirect } from "next/navigation";
import { annotatorQueue, nextInQueue } from "@/lib/assignments/queue";
import { ownSetDocumentId } from "@/lib/assignments/set-workflow-state";
import { requirePageUser } from "@/lib/auth/access";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** "Open next": the editor on the first assigned document not yet submitted (other than the set's `?afterSet=` just left), else home. */
export default async function OpenNextPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const afterSet = (await searchParams).afterSet;
  const [queue, leaving] = await Promise.all([annotatorQueue(user), typeof afterSet === "string" ? ownSetDocumentId(user, afterSet) : null]);
  const next = nextInQueue(queue, leaving);
  redirect(next ? `/documents/${next.documentId}/annotate` : "/");
}
