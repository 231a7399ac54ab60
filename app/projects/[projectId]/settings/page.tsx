import type { Metadata } from "next";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ArchiveProjectForm } from "@/components/projects/ArchiveProjectForm";
import styles from "@/components/projects/ProjectAdmin.module.css";
import { ProjectDetailsForm } from "@/components/projects/ProjectDetailsForm";
import { ProjectSubpage } from "@/components/projects/ProjectSubpage";
import { requirePageUser } from "@/lib/auth/access";
import { requireManagedProject } from "@/lib/projects/managed-project";
import { archiveProjectAction, updateProjectAction } from "./actions";

export const metadata: Metadata = { title: "Project settings · Hopper" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const project = await requireManagedProject(user, projectId);
  return (
    <SignedInPage user={user}>
      <ProjectSubpage project={project} archived={project.archived} section="settings" title={`${project.name}: settings`}>
        <section className={styles.section} aria-labelledby="details">
          <h2 id="details">Name and description</h2>
          <ProjectDetailsForm
            action={updateProjectAction.bind(null, project.id)}
            submitLabel="Save"
            name={project.name}
            description={project.description}
            disabled={project.archived}
          />
        </section>
        <section className={styles.section} aria-labelledby="archive">
          <h2 id="archive">{project.archived ? "Archived" : "Archive"}</h2>
          <ArchiveProjectForm action={archiveProjectAction.bind(null, project.id)} archived={project.archived} />
        </section>
      </ProjectSubpage>
    </SignedInPage>
  );
}
