import Link from "next/link";
import styles from "./ProjectImportLink.module.css";

/** The way to the import page from a project's page, for who may import (admins, the project's managers). */
export function ProjectImportLink({ projectId }: { projectId: string }) {
  return (
    <div className={styles.bar}>
      <Link href={`/projects/${projectId}/import`} className={styles.link}>
        Import documents
      </Link>
    </div>
  );
}
