import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectSubpage } from "@/components/projects/ProjectSubpage";
import { TagsetEditor } from "@/components/projects/TagsetEditor";
import { requirePageUser } from "@/lib/auth/access";
import { requireManagedProject } from "@/lib/projects/managed-project";
import { readProjectTagset } from "@/lib/projects/project-tagset";
import { previewTagsetAction, saveTagsetAction } from "./actions";

export const metadata: Metadata = { title: "Tagset · Hopper" };

export default async function ProjectTagsetPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const project = await requireManagedProject(user, projectId);
  const stored = await readProjectTagset(project.id);
  if (!stored) notFound();
  return (
    <SignedInPage user={user}>
      <ProjectSubpage project={project} archived={project.archived} section="tagset" title={`${project.name}: tagset`}>
        <TagsetEditor
          projectId={project.id}
          tagset={stored.tagset}
          hash={stored.hash}
          readOnly={project.archived}
          preview={previewTagsetAction.bind(null, project.id)}
          save={saveTagsetAction.bind(null, project.id)}
        />
      </ProjectSubpage>
    </SignedInPage>
  );
}
