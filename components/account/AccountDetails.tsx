import { PageLink } from "@/components/ui/PageLink";
import { ROLE_LABELS } from "@/components/admin/role-labels";
import { PROJECT_ROLE_LABELS } from "@/components/projects/project-role-labels";
import type { AccountOverview } from "@/lib/users/account-overview";
import styles from "./Account.module.css";

/** Who the signed-in user is: email, name, global role, and their projects with their role in each. */
export function AccountDetails({ account }: { account: AccountOverview }) {
  return (
    <>
      <dl className={styles.details}>
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Name</dt>
        <dd>{account.name || <span className={styles.muted}>—</span>}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[account.role]}</dd>
      </dl>
      <h2>Your projects</h2>
      {account.projects.length === 0 ? (
        <p className={styles.muted}>
          You are not a member of any project.
          {account.role !== "ANNOTATOR" && " As " + ROLE_LABELS[account.role].toLowerCase() + ", you see every project."}
        </p>
      ) : (
        <table className={styles.table} aria-label="Your projects">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Your role</th>
            </tr>
          </thead>
          <tbody>
            {account.projects.map((project) => (
              <tr key={project.id}>
                <td>
                  <PageLink href={`/projects/${project.id}`}>{project.name}</PageLink>
                  {project.archived && <span className={styles.muted}> (archived)</span>}
                </td>
                <td>{PROJECT_ROLE_LABELS[project.role]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
