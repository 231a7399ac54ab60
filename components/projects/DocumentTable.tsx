import { PageLink } from "@/components/ui/PageLink";
import { DOCUMENT_STATUS_LABELS } from "@/lib/assignments/document-statuses";
import { DOCUMENTS_PER_PAGE, documentListSearch, type DocumentListQuery, type DocumentSortKey } from "@/lib/projects/document-list-query";
import type { DocumentPage } from "@/lib/projects/queries";
import styles from "./DocumentTable.module.css";

interface Props {
  projectId: string;
  listing: DocumentPage;
  query: DocumentListQuery;
  /** Gold-set counts and import warnings: hidden from annotators, who work blind. */
  showGold: boolean;
}

/** One page of a project's documents; column headers sort, links below page. */
export function DocumentTable({ projectId, listing, query, showGold }: Props) {
  const href = (changes: Partial<DocumentListQuery>) => `/projects/${projectId}${documentListSearch({ ...query, ...changes })}`;
  const sortHeader = (key: DocumentSortKey, label: string, numeric = false) => {
    const active = query.sort === key;
    const nextOrder = active && query.order === "asc" ? "desc" : "asc";
    return (
      <th
        scope="col"
        className={numeric ? styles.numeric : undefined}
        aria-sort={active ? (query.order === "asc" ? "ascending" : "descending") : undefined}
      >
        <PageLink href={href({ sort: key, order: nextOrder, page: 1 })} className={styles.sort}>
          {label}
          {active && <span aria-hidden="true">{query.order === "asc" ? " ▲" : " ▼"}</span>}
        </PageLink>
      </th>
    );
  };

  const problemsFilter = showGold && (
    <p className={styles.filter}>
      {query.tagsetProblems ? (
        <PageLink href={href({ tagsetProblems: false, page: 1 })}>Show all documents</PageLink>
      ) : (
        <PageLink href={href({ tagsetProblems: true, page: 1 })}>Only documents with tagset problems</PageLink>
      )}
    </p>
  );
  if (listing.total === 0) {
    return (
      <>
        {query.tagsetProblems && problemsFilter}
        <p className={styles.empty}>{query.tagsetProblems ? "No document has values outside the tagset." : "This project has no documents yet."}</p>
      </>
    );
  }
  return (
    <>
      {problemsFilter}
      <table className={styles.table}>
        <thead>
          <tr>
            {sortHeader("name", "Name")}
            {sortHeader("title", "Title")}
            {sortHeader("date", "Date")}
            <th scope="col">Status</th>
            {showGold && (
              <>
                <th scope="col" className={styles.numeric}>
                  Hoppers
                </th>
                {sortHeader("events", "Events", true)}
                <th scope="col" className={styles.numeric}>
                  Arguments
                </th>
                {sortHeader("warnings", "Warnings", true)}
                <th scope="col" className={styles.numeric} title="Values outside the project's tagset, in all the document's sets">
                  Tagset problems
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {listing.documents.map((document) => (
            <tr key={document.id} data-document={document.name}>
              <td>
                <PageLink href={`/documents/${document.id}`}>{document.name}</PageLink>
              </td>
              <td className={styles.title}>{document.title}</td>
              <td className={styles.date}>{document.date.replaceAll("_", "-")}</td>
              <td data-status={document.status}>{DOCUMENT_STATUS_LABELS[document.status]}</td>
              {showGold && (
                <>
                  <td className={styles.numeric}>{document.hasGold ? document.hopperCount : "—"}</td>
                  <td className={styles.numeric}>{document.hasGold ? document.eventCount : "—"}</td>
                  <td className={styles.numeric}>{document.hasGold ? document.argumentCount : "—"}</td>
                  <td className={`${styles.numeric} ${document.warningCount ? styles.warn : ""}`}>{document.warningCount || ""}</td>
                  <td className={`${styles.numeric} ${document.tagsetProblems ? styles.warn : ""}`}>{document.tagsetProblems || ""}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination listing={listing} href={(page) => href({ page })} />
    </>
  );
}

function Pagination({ listing, href }: { listing: DocumentPage; href: (page: number) => string }) {
  const { page, pageCount, total, documents } = listing;
  const first = (page - 1) * DOCUMENTS_PER_PAGE + 1;
  return (
    <nav aria-label="Pages" className={styles.pagination}>
      <span>
        {first}–{first + documents.length - 1} of {total}
      </span>
      {pageCount > 1 && (
        <span className={styles.pages}>
          {page > 1 ? <PageLink href={href(page - 1)}>‹ Previous</PageLink> : <span aria-disabled="true">‹ Previous</span>}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <PageLink href={href(page + 1)}>Next ›</PageLink> : <span aria-disabled="true">Next ›</span>}
        </span>
      )}
    </nav>
  );
}
