import { PageLink } from "@/components/ui/PageLink";
import type { AgreementReport, LabelRow } from "@/lib/agreement/agreement-report";
import { DOCUMENT_COLUMNS, PAIR_MATRICES } from "@/lib/agreement/format-agreement";
import { countNoun } from "@/lib/count-noun";
import styles from "./Agreement.module.css";
import { AgreementFigures } from "./AgreementFigures";
import { CountCell, FigureCell } from "./Figure";
import { PairMatrix } from "./PairMatrix";

/** The worst documents listed; the CSV has every one. */
const DOCUMENTS_SHOWN = 100;

/** The CLI's lower-case titles as headings. */
const capitalized = (title: string) => title.charAt(0).toUpperCase() + title.slice(1);

/** A project's agreement: per pair of annotators, in total, per label and per document, worst first. */
export function AgreementReportView({ report }: { report: AgreementReport }) {
  const compared = `${countNoun(report.annotators.length, "annotator")}, ${countNoun(report.comparedDocuments, "document")} compared`;
  const leftOut = report.uncomparedDocuments ? ` (${countNoun(report.uncomparedDocuments, "document")} with fewer than two sets left out)` : "";
  if (!report.comparedDocuments)
    return (
      <p className={styles.empty} data-testid="agreement-report">
        Nothing to compare: no document has two sets with the chosen statuses{leftOut}.
      </p>
    );
  const shown = report.documents.slice(0, DOCUMENTS_SHOWN);
  return (
    <div data-testid="agreement-report" className={styles.report}>
      <p>
        {compared}
        {leftOut}. In each pair the annotator first by name is the key: recall is measured against it. A figure that divides 0 by 0 is shown as “not
        defined”.
      </p>
      <section aria-labelledby="agreement-pairs" className={styles.section}>
        <h2 id="agreement-pairs">Annotator pairs</h2>
        <div className={styles.matrices}>
          {PAIR_MATRICES.map(({ title, figure }) => (
            <PairMatrix key={title} report={report} title={capitalized(title)} figure={figure} />
          ))}
        </div>
        {report.pairs.map((pair) => (
          <details key={`${pair.key}\u0000${pair.response}`}>
            <summary>
              {pair.key} and {pair.response}: every figure ({countNoun(pair.documents, "document")})
            </summary>
            <AgreementFigures figures={pair.figures} caption={`${pair.key} (key) and ${pair.response}`} />
          </details>
        ))}
      </section>
      <section aria-labelledby="agreement-total" className={styles.section}>
        <h2 id="agreement-total">All pairs, all documents</h2>
        <AgreementFigures figures={report.total} alpha={report.alpha} caption="All pairs" />
        {report.ambiguousUnits > 0 && (
          <p className={styles.note}>
            {countNoun(report.ambiguousUnits, "group")} of matched events holding two events of one set left out of Krippendorff’s α.
          </p>
        )}
      </section>
      <section aria-labelledby="agreement-labels" className={styles.section}>
        <h2 id="agreement-labels">Per label</h2>
        <LabelTable caption="Per event type/subtype (nuggets matched with the subtype on both sides)" labels={report.labels.subtypes} />
        <LabelTable caption="Per argument role ((span, role) matches in matched events)" labels={report.labels.roles} />
      </section>
      <section aria-labelledby="agreement-documents" className={styles.section}>
        <h2 id="agreement-documents">Documents, worst first</h2>
        <p className={styles.note}>
          {shown.length < report.documents.length ? `The ${shown.length} worst of ${report.documents.length}; the CSV lists every one. ` : ""}
          The score is the mean of the defined among nugget F1, subtype agreement, argument F1 and CoNLL F1.
        </p>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Score</th>
              {DOCUMENT_COLUMNS.map((column) => (
                <th key={column.title} scope="col">
                  {capitalized(column.title)}
                </th>
              ))}
              <th scope="col">Annotators</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((document) => (
              <tr key={document.documentId}>
                <th scope="row">
                  <PageLink href={`/documents/${document.documentId}`}>{document.name}</PageLink>
                </th>
                <FigureCell value={document.score} />
                {DOCUMENT_COLUMNS.map((column) => (
                  <FigureCell key={column.title} value={column.figure(document.figures)} />
                ))}
                <td>{document.annotators.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function LabelTable({ caption, labels }: { caption: string; labels: LabelRow[] }) {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Key</th>
          <th scope="col">Response</th>
          <th scope="col">Matched</th>
          <th scope="col">F1</th>
        </tr>
      </thead>
      <tbody>
        {labels.length === 0 ? (
          <tr>
            <td colSpan={5} className={styles.note}>
              None.
            </td>
          </tr>
        ) : (
          labels.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <CountCell value={row.key} />
              <CountCell value={row.response} />
              <CountCell value={row.matched} />
              <FigureCell value={row.f1} />
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
