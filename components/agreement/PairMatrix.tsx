import type { AgreementReport } from "@/lib/agreement/agreement-report";
import type { PairFigures } from "@/lib/agreement/pair-agreement";
import styles from "./Agreement.module.css";
import { FigureCell } from "./Figure";

/** One figure for every pair of annotators, both ways round (the figures shown are symmetric: F1, CoNLL, κ). */
export function PairMatrix({ report, title, figure }: { report: AgreementReport; title: string; figure: (figures: PairFigures) => number | null }) {
  const cells = new Map<string, number | null>();
  for (const pair of report.pairs) {
    cells.set(`${pair.key}\u0000${pair.response}`, figure(pair.figures));
    cells.set(`${pair.response}\u0000${pair.key}`, figure(pair.figures));
  }
  return (
    <table className={styles.table} data-matrix={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <td />
          {report.annotators.map((annotator) => (
            <th key={annotator} scope="col">
              {annotator}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.annotators.map((row) => (
          <tr key={row}>
            <th scope="row">{row}</th>
            {report.annotators.map((column) => {
              const id = `${row}\u0000${column}`;
              if (row === column || !cells.has(id))
                return (
                  <td key={column} className={styles.none} title={row === column ? "the same annotator" : "no document annotated by both"}>
                    ·
                  </td>
                );
              return <FigureCell key={column} value={cells.get(id)!} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
