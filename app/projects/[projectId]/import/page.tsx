import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ImportUpload } from "@/components/import/ImportUpload";
import { SignedInPage } from "@/components/layout/SignedInPage";
import styles from "@/components/projects/ProjectPages.module.css";
import { Notice } from "@/components/ui/Notice";
import { requirePageUser } from "@/lib/auth/access";
import { permissionsInProject } from "@/lib/auth/policy";
import { isRecordId } from "@/lib/db/record-id";
import { listImportAnnotators } from "@/lib/import/import-annotators";
import { UPLOAD_LIMITS } from "@/lib/import/upload-limits";
import { findProjectById } from "@/lib/projects/project-store";

export const metadata: Metadata = { title: "Import · Hopper" };

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  if (!isRecordId(projectId)) notFound();
  const permissions = await permissionsInProject(user, projectId);
  // A project the user may not view is answered as if it did not exist.
  if (!permissions.view) notFound();
  if (!permissions.manage) forbidden();
  const project = await findProjectById(projectId);
  if (!project) notFound();
  const annotators = project.archived ? [] : await listImportAnnotators(projectId);
  return (
    <SignedInPage user={user}>
      <div className={styles.page}>
        <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
          <Link href="/">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link> /
        </nav>
        <h1 className={styles.title}>Import documents</h1>
        {project.archived ? (
          <Notice tone="info">The project is archived: it is read-only.</Notice>
        ) : (
          <ImportUpload projectId={project.id} projectName={project.name} annotators={annotators} maxUploadBytes={UPLOAD_LIMITS.maxUploadBytes} />
        )}
      </div>
    </SignedInPage>
  );
}
