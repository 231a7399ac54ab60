import type { Metadata } from "next";
import { ImportUpload } from "@/components/import/ImportUpload";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectSubpage } from "@/components/projects/ProjectSubpage";
import { requirePageUser } from "@/lib/auth/access";
import { listImportAnnotators } from "@/lib/import/import-annotators";
import { UPLOAD_LIMITS } from "@/lib/import/upload-limits";
import { requireManagedProject } from "@/lib/projects/managed-project";

export const metadata: Metadata = { title: "Import · Hopper" };

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const project = await requireManagedProject(user, projectId);
  const annotators = project.archived ? [] : await listImportAnnotators(project.id);
  return (
    <SignedInPage user={user}>
      <ProjectSubpage project={project} archived={project.archived} section="import" title="Import documents">
        {!project.archived && (
          <ImportUpload projectId={project.id} projectName={project.name} annotators={annotators} maxUploadBytes={UPLOAD_LIMITS.maxUploadBytes} />
        )}
      </ProjectSubpage>
    </SignedInPage>
  );
}
