import { PageLink } from "@/components/ui/PageLink";
import { Suspense, type ReactNode } from "react";
import dashboardStyles from "@/components/dashboard/Dashboard.module.css";
import { ProjectManageNav } from "@/components/projects/ProjectSubpage";
import type { ReviewedProject } from "@/lib/agreement/agreement-access";
import { agreementSearch, DEFAULT_AGREEMENT_QUERY, type AgreementQueryResult } from "@/lib/agreement/agreement-query";
import styles from "./Agreement.module.css";
import { AgreementFilter } from "./AgreementFilter";
import { ProjectAgreementResults } from "./ProjectAgreementResults";

/**
 * A project's inter-annotator agreement for who reviews it: the filter and the
 * CSV link at once, the figures streamed in when computed (a Suspense
 * boundary), so a large project shows a loading state rather than a blank page.
 */
export function AgreementPage({ project, manages, query }: { project: ReviewedProject; manages: boolean; query: AgreementQueryResult }) {
  let results: ReactNode;
  if (query.ok) {
    const search = agreementSearch(query.query);
    results = (
      <>
        <p>
          <a href={`/projects/${project.id}/agreement/agreement.csv${search}`} download>
            Download as CSV
          </a>{" "}
          <span className={dashboardStyles.muted}>
            (every figure, one a line, as <code>hopper agreement --csv</code> writes it)
          </span>
        </p>
        <Suspense
          key={search}
          fallback={
            <p role="status" className={styles.loading}>
              Computing agreement…
            </p>
          }
        >
          <ProjectAgreementResults project={project} query={query.query} />
        </Suspense>
      </>
    );
  } else {
    results = (
      <p role="alert" className={styles.error}>
        {query.message}
      </p>
    );
  }
  return (
    <div className={dashboardStyles.page}>
      <nav aria-label="Breadcrumb" className={dashboardStyles.breadcrumb}>
        <PageLink href="/">Projects</PageLink> / <PageLink href={`/projects/${project.id}`}>{project.name}</PageLink> /
      </nav>
      <h1 className={dashboardStyles.title}>Agreement</h1>
      <ProjectManageNav projectId={project.id} current="agreement" manages={manages} reviews />
      {project.archived && <p className={dashboardStyles.muted}>This project is archived: it is read-only.</p>}
      <AgreementFilter query={query.ok ? query.query : DEFAULT_AGREEMENT_QUERY} />
      {results}
    </div>
  );
}
