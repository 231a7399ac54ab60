import { PageLink } from "@/components/ui/PageLink";
import type { GoldDocument } from "@/lib/documents/load";
import styles from "./DocumentHeading.module.css";
import { httpUrl } from "./external-links";

/** Title, metadata, source link, the way to the editor and, for those who may see gold annotations, the download. */
export function DocumentHeading({ document, showDownload }: { document: GoldDocument; showDownload: boolean }) {
  const source = httpUrl(document.link);
  return (
    <header className={styles.heading}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <PageLink href={`/projects/${document.projectId}`}>{document.projectName}</PageLink> / {document.name}
      </nav>
      <h1 className={styles.title}>{document.title || document.name}</h1>
      <dl className={styles.meta}>
        <div>
          <dt>Document</dt>
          <dd>{document.sourcefile}</dd>
        </div>
        {document.date && (
          <div>
            <dt>Date</dt>
            <dd>
              <time>{document.date.replaceAll("_", "-")}</time>
            </dd>
          </div>
        )}
        {document.link && (
          <div>
            <dt>Source</dt>
            <dd>
              {source ? (
                <a href={source} target="_blank" rel="noopener noreferrer">
                  {new URL(source).host}
                </a>
              ) : (
                document.link
              )}
            </dd>
          </div>
        )}
        {showDownload && document.setVersion !== null && (
          <div>
            <dt>Gold set</dt>
            <dd>version {document.setVersion}</dd>
          </div>
        )}
      </dl>
      <PageLink className={styles.download} href={`/documents/${document.id}/annotate`}>
        Annotate
      </PageLink>{" "}
      {showDownload && (
        <a className={styles.download} href={`/documents/${document.id}/casie.json`} download={`${document.name}.json`}>
          Download CASIE JSON
        </a>
      )}
    </header>
  );
}
