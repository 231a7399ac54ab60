import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ExportForm } from "@/components/export/ExportForm";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectSubpage } from "@/components/projects/ProjectSubpage";
import { requirePageUser } from "@/lib/auth/access";
import { mayArchiveProject, projectPermissions, projectStanding } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { listExportAnnotators } from "@/lib/export/export-selection";
import { findProjectById } from "@/lib/projects/project-store";

export const metadata: Metadata = { title: "Export · Hopper" };

/** The project's dataset export, for its managers and admins (archived projects too); to those who may not see it, the page does not exist. */
export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  if (!isRecordId(projectId)) notFound();
  const standing = await projectStanding(user, projectId);
  if (!standing || !projectPermissions(user, standing.memberRole).view) notFound();
  if (!mayArchiveProject(user, standing.memberRole)) forbidden();
  const [project, annotators] = await Promise.all([findProjectById(projectId), listExportAnnotators(projectId, db())]);
  if (!project) notFound();
  return (
    <SignedInPage user={user}>
      <ProjectSubpage project={project} archived={project.archived} section="export" title="Export dataset">
        <ExportForm projectId={project.id} projectName={project.name} annotators={annotators.map((annotator) => annotator.email)} />
      </ProjectSubpage>
    </SignedInPage>
  );
}
