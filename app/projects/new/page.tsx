import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectDetailsForm } from "@/components/projects/ProjectDetailsForm";
import styles from "@/components/projects/ProjectAdmin.module.css";
import { requirePageUser } from "@/lib/auth/access";
import { createProjectAction } from "./actions";

export const metadata: Metadata = { title: "New project · Hopper" };

export default async function NewProjectPage() {
  const admin = await requirePageUser("ADMIN");
  return (
    <SignedInPage user={admin}>
      <div className={styles.page}>
        <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
          <PageLink href="/projects">Projects</PageLink> /
        </nav>
        <h1 className={styles.title}>New project</h1>
        <p className={styles.muted}>A new project starts with the CASIE tagset; you can change it afterwards.</p>
        <ProjectDetailsForm action={createProjectAction} submitLabel="Create project" />
      </div>
    </SignedInPage>
  );
}
