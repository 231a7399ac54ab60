import { PageLink } from "@/components/ui/PageLink";
import type { DocumentListQuery } from "@/lib/projects/document-list-query";
import type { DocumentPage, ProjectSummary } from "@/lib/projects/queries";
import { DocumentTable } from "./DocumentTable";
import { ProjectManageNav } from "./ProjectSubpage";
import styles from "./ProjectPages.module.css";

interface Props {
  project: Omit<ProjectSummary, "documentCount">;
  listing: DocumentPage;
  query: DocumentListQuery;
  showGold: boolean;
  /** Links to the project's members, tagset and settings, for its managers. */
  manages?: boolean;
  /** A link to the project's agreement, for who reviews it. */
  reviews?: boolean;
}

export function ProjectDocuments({ project, listing, query, showGold, manages = false, reviews = false }: Props) {
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <PageLink href="/">Projects</PageLink> /
      </nav>
      <h1 className={styles.title}>{project.name}</h1>
      {project.description && <p className={styles.description}>{project.description}</p>}
      <ProjectManageNav projectId={project.id} current="documents" manages={manages} reviews={reviews} />
      {project.archivedAt && <p className={styles.description}>This project is archived: it is read-only.</p>}
      <DocumentTable projectId={project.id} listing={listing} query={query} showGold={showGold} />
    </div>
  );
}
