import { PageLink } from "@/components/ui/PageLink";
import type { DocumentShiftRepairs } from "@/lib/annotation-sets/repair-shifted-spans";
import { countNoun } from "@/lib/count-noun";
import styles from "./ProjectAdmin.module.css";

/** What a repair of the project would change: per document, each span with its offsets as stored and where its text is. */
export function ShiftRepairList({ documents }: { documents: DocumentShiftRepairs[] }) {
  if (!documents.length) return <p className={styles.muted}>Every span of the project&apos;s gold sets sits on its text: nothing to repair.</p>;
  const spans = documents.reduce((sum, document) => sum + document.repairs.length, 0);
  return (
    <>
      <p className={styles.muted} data-testid="repair-summary">
        {countNoun(spans, "span")} in {countNoun(documents.length, "document")} sit one character off their text. Repairing moves each onto its text
        in the document&apos;s gold set, as the editor&apos;s checks do, one logged change per span.
      </p>
      <table className={styles.table} data-testid="repair-list">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Span</th>
            <th scope="col">Text</th>
            <th scope="col">Offsets now</th>
            <th scope="col">Repaired</th>
          </tr>
        </thead>
        <tbody>
          {documents.flatMap(({ documentId, documentName, repairs }) =>
            repairs.map(({ spanIndex, text, from, to }) => (
              <tr key={`${documentId}:${spanIndex}`}>
                <td>
                  <PageLink href={`/documents/${documentId}/gold`}>{documentName}</PageLink>
                </td>
                <td>{spanIndex}</td>
                <td>{text}</td>
                <td>
                  {from.startOffset}–{from.endOffset}
                </td>
                <td>
                  {to.startOffset}–{to.endOffset}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </>
  );
}
