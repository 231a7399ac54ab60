import { notFound } from "next/navigation";
import { ThreadList } from "@/components/comments/ThreadList";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { requirePageUser } from "@/lib/auth/access";
import { permissionsInProject, setAccess } from "@/lib/auth/policy";
import { listThreads, type ThreadFilter } from "@/lib/comments/comment-store";
import { findProject } from "@/lib/projects/queries";

const FILTERS: readonly ThreadFilter[] = ["open", "mine", "mentions", "all"];

/** The project's comment threads the user may see (`?filter=open|mine|mentions|all`). */
export default async function ProjectCommentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ filter?: string }>;
}) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const permissions = await permissionsInProject(user, projectId);
  if (!permissions.view) notFound();
  const project = await findProject(projectId);
  if (!project) notFound();
  const requested = (await searchParams).filter;
  const filter = FILTERS.find((option) => option === requested) ?? "open";
  // Reviewers see every set's threads; everyone else their own sets' only. Each thread's set is checked with the policy too.
  const threads = (await listThreads({ projectId }, { id: user.id, ownSetsOnly: !permissions.review }, filter)).filter(
    (thread) =>
      setAccess(user, permissions, {
        kind: thread.setKind,
        annotatorId: thread.setAnnotatorId,
        status: thread.setStatus,
        assigned: thread.setAssigned,
      }).level !== "none",
  );
  return (
    <SignedInPage user={user}>
      <ThreadList projectId={projectId} projectName={project.name} threads={threads} filter={filter} viewerId={user.id} />
    </SignedInPage>
  );
}
