import Link from "next/link";
import styles from "./Assignments.module.css";

/** The project page's links to its managers' pages. */
export function ProjectWorkflowLinks({ projectId }: { projectId: string }) {
  return (
    <nav aria-label="Project management" className={styles.workflowLinks}>
      <Link href={`/projects/${projectId}/assignments`}>Assignments</Link>
      <Link href={`/projects/${projectId}/dashboard`}>Progress</Link>
    </nav>
  );
}
