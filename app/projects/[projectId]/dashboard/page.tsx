import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgressDashboard } from "@/components/dashboard/ProgressDashboard";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { findManagedProject } from "@/lib/assignments/project-access";
import { requirePageUser } from "@/lib/auth/access";
import { loadDashboard } from "@/lib/dashboard/dashboard-data";

export const metadata: Metadata = { title: "Progress · Hopper" };

/** The project's progress, for its managers and admins; to anyone else the page does not exist. */
export default async function ProjectDashboardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const project = await findManagedProject(user, (await params).projectId);
  if (!project) notFound();
  const data = await loadDashboard(project.id);
  return (
    <SignedInPage user={user}>
      <ProgressDashboard project={project} data={data} />
    </SignedInPage>
  );
}
