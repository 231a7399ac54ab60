import { PageLink } from "@/components/ui/PageLink";
import type { AssignmentListQuery, AssignmentPage } from "@/lib/assignments/assignment-list";
import { DOCUMENT_STATUS_LABELS, DOCUMENT_STATUSES } from "@/lib/assignments/document-statuses";
import type { ProjectAnnotator } from "@/lib/assignments/assignments";
import type { ManagedProject } from "@/lib/assignments/project-access";
import { Notice } from "@/components/ui/Notice";
import { AssignmentsForm } from "./AssignmentsForm";
import styles from "./Assignments.module.css";
import type { changeAssignmentsAction } from "@/app/projects/[projectId]/assignments/actions";

interface Props {
  project: ManagedProject;
  listing: AssignmentPage;
  query: AssignmentListQuery;
  annotators: ProjectAnnotator[];
  action: typeof changeAssignmentsAction;
}

/** The manager's page for handing out a project's documents. */
export function AssignmentsPage({ project, listing, query, annotators, action }: Props) {
  const base = `/projects/${project.id}/assignments`;
  const href = (status: AssignmentListQuery["status"], page = 1) => {
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return search ? `${base}?${search}` : base;
  };
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <PageLink href="/">Projects</PageLink> / <PageLink href={`/projects/${project.id}`}>{project.name}</PageLink> /
      </nav>
      <h1 className={styles.title}>Assignments</h1>
      {project.archived && <Notice tone="info">The project is archived: its assignments are shown read-only.</Notice>}
      <nav aria-label="Filter by status" className={styles.filters}>
        {[null, ...DOCUMENT_STATUSES].map((status) => (
          <PageLink key={status ?? "all"} href={href(status)} aria-current={query.status === status ? "page" : undefined}>
            {status ? DOCUMENT_STATUS_LABELS[status] : "All"}
          </PageLink>
        ))}
      </nav>
      {listing.total === 0 ? (
        <p className={styles.muted}>No documents{query.status ? ` with the status “${DOCUMENT_STATUS_LABELS[query.status]}”` : ""}.</p>
      ) : (
        <>
          <AssignmentsForm
            key={`${query.status}-${listing.page}`}
            projectId={project.id}
            documents={listing.documents}
            annotators={annotators}
            readOnly={project.archived}
            action={action}
          />
          <nav aria-label="Pages" className={styles.pagination}>
            <span>
              Page {listing.page} of {listing.pageCount} ({listing.total} documents)
            </span>
            {listing.page > 1 && <PageLink href={href(query.status, listing.page - 1)}>‹ Previous</PageLink>}
            {listing.page < listing.pageCount && <PageLink href={href(query.status, listing.page + 1)}>Next ›</PageLink>}
          </nav>
        </>
      )}
    </div>
  );
}
