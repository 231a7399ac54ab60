import styles from "./Legend.module.css";
import { typeColorClass } from "./type-colors";

/** What the highlight styles mean, and the colour of each event type in the document. */
export function Legend({ eventTypes, hasMismatches }: { eventTypes: string[]; hasMismatches: boolean }) {
  return (
    <ul className={styles.legend} aria-label="Legend">
      <li>
        <span className={styles.nugget}>nugget</span> event trigger
      </li>
      <li>
        <span className={styles.argument}>argument</span> participant (overlapping ones stack their underlines)
      </li>
      {hasMismatches && (
        <li>
          <span className={styles.mismatch}>dashed</span> stored text not at its offsets
        </li>
      )}
      {eventTypes.map((type) => (
        <li key={type} className={typeColorClass(type)}>
          <span className={styles.swatch} aria-hidden="true" /> {type}
        </li>
      ))}
    </ul>
  );
}
