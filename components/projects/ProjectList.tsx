import { PageLink } from "@/components/ui/PageLink";
import type { ProjectSummary } from "@/lib/projects/queries";
import styles from "./ProjectList.module.css";
import { countNoun } from "@/lib/count-noun";

export function ProjectList({ projects }: { projects: ProjectSummary[] }) {
  if (projects.length === 0) {
    return <p className={styles.empty}>No projects to show yet: an administrator creates projects and adds their members.</p>;
  }
  return (
    <ul className={styles.list} aria-label="Projects">
      {projects.map((project) => (
        <li key={project.id} className={styles.project} data-project={project.name}>
          <PageLink href={`/projects/${project.id}`} className={styles.name}>
            {project.name}
          </PageLink>
          <span className={styles.count}>
            {countNoun(project.documentCount, "document")}
            {project.archivedAt && " · archived"}
          </span>
          {project.description && <p className={styles.description}>{project.description}</p>}
        </li>
      ))}
    </ul>
  );
}
