"use client";

import { PageLink } from "@/components/ui/PageLink";
import { Button } from "@/components/ui/Button";
import { countNoun } from "@/lib/count-noun";
import type { ImportReport } from "@/lib/import/import-files";
import styles from "./ImportUpload.module.css";

/** The import's report as the CLI prints it, with links to the documents and downloads of the text and the JSON. */
export function ImportReportView({ report, text }: { report: ImportReport; text: string }) {
  const download = (content: string, type: string, extension: string) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `import-report.${extension}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <section className={styles.report} aria-labelledby="import-report">
      <h2 id="import-report">Report</h2>
      <p role="status">
        Imported {countNoun(report.imported.length, "document")}
        {report.skipped.length > 0 && `, skipped ${countNoun(report.skipped.length, "file")}`}.
      </p>
      <div className={styles.downloads}>
        <Button onClick={() => download(text + "\n", "text/plain", "txt")}>Download the report (text)</Button>
        <Button onClick={() => download(JSON.stringify(report, null, 2) + "\n", "application/json", "json")}>Download the report (JSON)</Button>
      </div>
      <pre className={styles.reportText} data-testid="import-report-text">
        {text}
      </pre>
      {report.imported.length > 0 && (
        <details>
          <summary>Imported documents</summary>
          <ul className={styles.documents}>
            {report.imported.map((document) => (
              <li key={document.documentId}>
                <PageLink href={`/documents/${document.documentId}`}>{document.file}</PageLink>: {countNoun(document.events, "event")}
                {document.warnings.length > 0 && `, ${countNoun(document.warnings.length, "warning")}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
