import type { ProjectSummary } from "@/lib/projects/queries";
import { ProjectList } from "./ProjectList";
import styles from "./ProjectPages.module.css";

export function ProjectsOverview({ projects }: { projects: ProjectSummary[] }) {
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Projects</h1>
      <ProjectList projects={projects} />
    </div>
  );
}
