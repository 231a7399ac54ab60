import type { Metadata } from "next";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { AddMemberSearch } from "@/components/projects/AddMemberSearch";
import { CreateMemberForm } from "@/components/projects/CreateMemberForm";
import { MemberRow } from "@/components/projects/MemberRow";
import styles from "@/components/projects/ProjectAdmin.module.css";
import { ProjectSubpage } from "@/components/projects/ProjectSubpage";
import { requirePageUser } from "@/lib/auth/access";
import { countNoun } from "@/lib/count-noun";
import { requireManagedProject } from "@/lib/projects/managed-project";
import { listProjectMembers } from "@/lib/projects/project-members";
import { addMemberAction, createMemberAction, searchAccountsAction, updateMemberAction } from "./actions";

export const metadata: Metadata = { title: "Project members · Hopper" };

export default async function ProjectMembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const project = await requireManagedProject(user, projectId);
  const members = await listProjectMembers(project.id);
  const update = updateMemberAction.bind(null, project.id);
  return (
    <SignedInPage user={user}>
      <ProjectSubpage project={project} archived={project.archived} section="members" title={`${project.name}: members`}>
        <section className={styles.section} aria-labelledby="members">
          <h2 id="members">Members</h2>
          {members.length === 0 ? (
            <p className={styles.muted}>
              No members yet: add accounts below. Administrators and global reviewers see every project without being members.
            </p>
          ) : (
            <table className={styles.table}>
              <caption className={styles.muted}>{countNoun(members.length, "member")}. Removing a member keeps their annotations.</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Project role</th>
                  <th scope="col">
                    <span className={styles.muted}>Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <MemberRow key={member.userId} member={member} action={update} readOnly={project.archived || member.userId === user.id} />
                ))}
              </tbody>
            </table>
          )}
        </section>
        {!project.archived && (
          <>
            <section className={styles.section} aria-labelledby="add-member">
              <h2 id="add-member">Add an existing account</h2>
              <AddMemberSearch search={searchAccountsAction.bind(null, project.id)} add={addMemberAction.bind(null, project.id)} />
            </section>
            <section className={styles.section} aria-labelledby="create-member">
              <h2 id="create-member">Create an account and add it</h2>
              <CreateMemberForm action={createMemberAction.bind(null, project.id)} />
            </section>
          </>
        )}
      </ProjectSubpage>
    </SignedInPage>
  );
}
