import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectList } from "@/components/projects/ProjectList";
import styles from "@/components/projects/ProjectAdmin.module.css";
import { requirePageUser } from "@/lib/auth/access";
import type { SearchParams } from "@/lib/projects/document-list-query";
import { listProjects } from "@/lib/projects/queries";

export const metadata: Metadata = { title: "Projects · Hopper" };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const includeArchived = (await searchParams).archived === "1";
  const projects = await listProjects(user, undefined, { includeArchived });
  return (
    <SignedInPage user={user}>
      <div className={styles.page}>
        <h1 className={styles.title}>Projects</h1>
        <div className={styles.inline}>
          {user.role === "ADMIN" && <PageLink href="/projects/new">New project</PageLink>}
          <PageLink href={includeArchived ? "/projects" : "/projects?archived=1"}>
            {includeArchived ? "Hide archived projects" : "Show archived projects"}
          </PageLink>
        </div>
        <ProjectList projects={projects} />
      </div>
    </SignedInPage>
  );
}
