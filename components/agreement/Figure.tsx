import { formatFigure } from "@/lib/agreement/format-agreement";
import styles from "./Agreement.module.css";

/** A figure's cell: three decimals, or "not defined" where it divides 0 by 0 (never shown as 0 or 1). */
export function FigureCell({ value }: { value: number | null }) {
  if (value === null)
    return (
      <td className={styles.undefined} title="0 divided by 0">
        not defined
      </td>
    );
  return <td className={styles.figure}>{formatFigure(value)}</td>;
}

export function CountCell({ value }: { value: number }) {
  return <td className={styles.figure}>{value.toLocaleString("en")}</td>;
}
