import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentsPage } from "@/components/assignments/AssignmentsPage";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { listAssignmentPage, parseAssignmentListQuery } from "@/lib/assignments/assignment-list";
import { listProjectAnnotators } from "@/lib/assignments/assignments";
import { findManagedProject } from "@/lib/assignments/project-access";
import { requirePageUser } from "@/lib/auth/access";
import type { SearchParams } from "@/lib/projects/document-list-query";
import { changeAssignmentsAction } from "./actions";

export const metadata: Metadata = { title: "Assignments · Hopper" };

/** Managers and admins hand out the project's documents; to anyone else the page does not exist. */
export default async function ProjectAssignmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePageUser();
  const project = await findManagedProject(user, (await params).projectId);
  if (!project) notFound();
  const query = parseAssignmentListQuery(await searchParams);
  const [listing, annotators] = await Promise.all([listAssignmentPage(project.id, query), listProjectAnnotators(project.id)]);
  return (
    <SignedInPage user={user}>
      <AssignmentsPage project={project} listing={listing} query={query} annotators={annotators} action={changeAssignmentsAction} />
    </SignedInPage>
  );
}
