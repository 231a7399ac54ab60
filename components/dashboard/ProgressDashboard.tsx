import { PageLink } from "@/components/ui/PageLink";
import { DOCUMENT_STATUS_LABELS, DOCUMENT_STATUSES } from "@/lib/assignments/document-statuses";
import type { ManagedProject } from "@/lib/assignments/project-access";
import type { DashboardData } from "@/lib/dashboard/dashboard-data";
import styles from "./Dashboard.module.css";
import { ThroughputChart } from "./ThroughputChart";

/** A project's progress for its managers: documents by status, each annotator's work, and submissions over time. */
export function ProgressDashboard({ project, data }: { project: ManagedProject; data: DashboardData }) {
  const numeric = (value: number) => <td className={styles.numeric}>{value.toLocaleString("en")}</td>;
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <PageLink href="/">Projects</PageLink> / <PageLink href={`/projects/${project.id}`}>{project.name}</PageLink> /
      </nav>
      <h1 className={styles.title}>Progress</h1>
      <section aria-labelledby="by-status" className={styles.section}>
        <h2 id="by-status">Documents by status ({data.documents.toLocaleString("en")})</h2>
        <ul className={styles.tiles}>
          {DOCUMENT_STATUSES.map((status) => (
            <li key={status} data-status={status}>
              <span className={styles.count}>{data.byStatus[status].toLocaleString("en")}</span>
              <PageLink href={`/projects/${project.id}/assignments?status=${status}`}>{DOCUMENT_STATUS_LABELS[status]}</PageLink>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="annotators" className={styles.section}>
        <h2 id="annotators">Annotators</h2>
        {data.annotators.length === 0 ? (
          <p className={styles.muted}>No annotators yet.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Annotator</th>
                <th scope="col" className={styles.numeric}>
                  Assigned
                </th>
                <th scope="col" className={styles.numeric}>
                  Not started
                </th>
                <th scope="col" className={styles.numeric}>
                  In progress
                </th>
                <th scope="col" className={styles.numeric}>
                  Submitted
                </th>
                <th scope="col" className={styles.numeric}>
                  Events
                </th>
                <th scope="col" className={styles.numeric}>
                  Arguments
                </th>
              </tr>
            </thead>
            <tbody>
              {data.annotators.map((annotator) => (
                <tr key={annotator.id} data-annotator={annotator.name}>
                  <th scope="row">{annotator.name}</th>
                  {numeric(annotator.assigned)}
                  {numeric(annotator.notStarted)}
                  {numeric(annotator.inProgress)}
                  {numeric(annotator.submitted)}
                  {numeric(annotator.events)}
                  {numeric(annotator.arguments)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="agreement" className={styles.section}>
        <h2 id="agreement">Agreement</h2>
        <p>
          <PageLink href={`/projects/${project.id}/agreement`}>Inter-annotator agreement</PageLink>{" "}
          <span className={styles.muted}>
            (nuggets, arguments, hoppers, κ and α per annotator pair, per label and per document; computed on its own page, as it takes seconds on a
            large project)
          </span>
        </p>
      </section>
      <section aria-labelledby="throughput" className={styles.section}>
        <h2 id="throughput">Submissions per day (UTC)</h2>
        {data.submissionsPerDay.length === 0 ? (
          <p className={styles.muted}>Nothing submitted yet.</p>
        ) : (
          <>
            <ThroughputChart days={data.submissionsPerDay} />
            <details>
              <summary>As a table</summary>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" className={styles.numeric}>
                      Sets submitted
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.submissionsPerDay.map((day) => (
                    <tr key={day.day}>
                      <td>{day.day}</td>
                      {numeric(day.count)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>
    </div>
  );
}
