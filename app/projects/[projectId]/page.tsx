import { notFound } from "next/navigation";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectDocuments } from "@/components/projects/ProjectDocuments";
import { requirePageUser } from "@/lib/auth/access";
import { mayArchiveProject, permissionsInProject, projectStanding } from "@/lib/auth/policy";
import { parseDocumentListQuery, type SearchParams } from "@/lib/projects/document-list-query";
import { findProject, listProjectDocuments } from "@/lib/projects/queries";

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const permissions = await permissionsInProject(user, projectId);
  // A project the user may not view is answered as if it did not exist.
  if (!permissions.view) notFound();
  const project = await findProject(projectId);
  if (!project) notFound();
  const query = parseDocumentListQuery(await searchParams);
  const listing = await listProjectDocuments(projectId, query);
  const standing = await projectStanding(user, projectId);
  const manages = standing !== null && mayArchiveProject(user, standing.memberRole);
  return (
    <SignedInPage user={user}>
      <ProjectDocuments
        project={project}
        listing={listing}
        query={query}
        showGold={permissions.review}
        manages={manages}
        reviews={permissions.review}
      />
    </SignedInPage>
  );
}
