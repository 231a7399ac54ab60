import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignedInPage } from "@/components/layout/SignedInPage";
import styles from "@/components/projects/ProjectAdmin.module.css";
import { ProjectSubpage } from "@/components/projects/ProjectSubpage";
import { RepairAllForm } from "@/components/projects/RepairAllForm";
import { ShiftRepairList } from "@/components/projects/ShiftRepairList";
import { Notice } from "@/components/ui/Notice";
import { shiftRepairsFor } from "@/lib/annotation-sets/repair-shifted-spans";
import { requirePageUser } from "@/lib/auth/access";
import { mayArchiveProject, projectStanding } from "@/lib/auth/policy";
import { findProject } from "@/lib/projects/queries";
import { repairAllAction } from "./actions";

export const metadata: Metadata = { title: "Repair shifted spans · Hopper" };

/** The project's shift-explained spans, listed before one button repairs them all (its reviewers, managers and admins). */
export default async function RepairPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const listed = await shiftRepairsFor(user, projectId);
  // A project the user may not view is answered as if it did not exist.
  if (!listed.ok && listed.code === "not-found") notFound();
  const [project, standing] = await Promise.all([findProject(projectId), projectStanding(user, projectId)]);
  if (!project || !standing) notFound();
  const spans = listed.ok ? listed.documents.reduce((sum, document) => sum + document.repairs.length, 0) : 0;
  return (
    <SignedInPage user={user}>
      <ProjectSubpage
        project={project}
        archived={project.archivedAt !== null}
        section="repair"
        title={`${project.name}: repair shifted spans`}
        manages={mayArchiveProject(user, standing.memberRole)}
      >
        <section className={styles.section}>
          {listed.ok ? (
            <>
              <ShiftRepairList documents={listed.documents} />
              <RepairAllForm action={repairAllAction.bind(null, project.id)} spans={spans} />
            </>
          ) : (
            <Notice tone="info">{listed.error}</Notice>
          )}
        </section>
      </ProjectSubpage>
    </SignedInPage>
  );
}
