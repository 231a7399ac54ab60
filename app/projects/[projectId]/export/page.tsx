import type { Metadata } from "next";
import { ExportForm } from "@/components/export/ExportForm";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectSubpage } from "@/components/projects/ProjectSubpage";
import { requirePageUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { listExportAnnotators } from "@/lib/export/export-selection";
import { requireManagedProject } from "@/lib/projects/managed-project";

export const metadata: Metadata = { title: "Export · Hopper" };

/** The project's dataset export, for its managers and admins (archived projects too); to those who may not see it, the page does not exist. */
export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const project = await requireManagedProject(user, (await params).projectId);
  const annotators = await listExportAnnotators(project.id, db());
  return (
    <SignedInPage user={user}>
      <ProjectSubpage project={project} archived={project.archived} section="export" title="Export dataset">
        <ExportForm projectId={project.id} projectName={project.name} annotators={annotators.map((annotator) => annotator.email)} />
      </ProjectSubpage>
    </SignedInPage>
  );
}
