import type { AgreementReport } from "@/lib/agreement/agreement-report";
import { scoreRows } from "@/lib/agreement/format-agreement";
import { ATTRIBUTE_NAMES, ATTRIBUTES, type PairFigures } from "@/lib/agreement/pair-agreement";
import styles from "./Agreement.module.css";
import { CountCell, FigureCell } from "./Figure";

/** Every figure of a pair (or of all pairs): nuggets, arguments and hoppers as recall/precision/F1, then the decisions on matched items. */
export function AgreementFigures({ figures, alpha, caption }: { figures: PairFigures; alpha?: AgreementReport["alpha"]; caption: string }) {
  return (
    <div className={styles.figures}>
      <table className={styles.table}>
        <caption>{caption}: spans and hoppers</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Recall</th>
            <th scope="col">Precision</th>
            <th scope="col">F1</th>
          </tr>
        </thead>
        <tbody>
          {scoreRows(figures).map(({ label, figures: row }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {"recall" in row ? (
                <>
                  <FigureCell value={row.recall} />
                  <FigureCell value={row.precision} />
                </>
              ) : (
                <td colSpan={2} className={styles.note}>
                  mean of MUC, B³ and CEAF-e
                </td>
              )}
              <FigureCell value={row.f1} />
            </tr>
          ))}
        </tbody>
      </table>
      <table className={styles.table}>
        <caption>{caption}: decisions on matched items</caption>
        <thead>
          <tr>
            <th scope="col">Decision</th>
            <th scope="col">Items</th>
            <th scope="col">Agreement</th>
            <th scope="col">Cohen’s κ</th>
            {alpha && <th scope="col">Krippendorff’s α</th>}
          </tr>
        </thead>
        <tbody>
          {ATTRIBUTES.map((attribute) => (
            <tr key={attribute}>
              <th scope="row">{ATTRIBUTE_NAMES[attribute]}</th>
              <CountCell value={figures.decisions[attribute].items} />
              <FigureCell value={figures.decisions[attribute].observed} />
              <FigureCell value={figures.decisions[attribute].kappa} />
              {alpha && <FigureCell value={alpha[attribute].alpha} />}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
