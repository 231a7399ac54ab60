import { DEFAULT_COMPARED_STATUSES, SET_STATUSES, type ComparedStatus } from "@/lib/agreement/load-project-agreement";
import type { AgreementQuery } from "@/lib/agreement/agreement-query";
import styles from "./Agreement.module.css";

const STATUS_LABELS: { [S in ComparedStatus]: string } = {
  NEW: "New (opened, never edited)",
  IN_PROGRESS: "Being annotated",
  SUBMITTED: "Submitted",
  IMPORTED: "Imported",
  ADJUDICATED: "Adjudicated",
};

/** Which sets to compare, as `hopper agreement --status … --with-gold` says it: a plain GET form, so the choice is in the URL. */
export function AgreementFilter({ query }: { query: AgreementQuery }) {
  return (
    <form method="get" className={styles.filter}>
      <fieldset>
        <legend>Compare sets that are</legend>
        {SET_STATUSES.map((status) => (
          <label key={status}>
            <input type="checkbox" name="status" value={status} defaultChecked={query.statuses.includes(status)} /> {STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" name="gold" value="1" defaultChecked={query.withGold} /> Compare the gold set too (as “gold”)
      </label>
      <button type="submit">Compare</button>
      <p className={styles.hint}>
        With no status ticked, every status but new ({DEFAULT_COMPARED_STATUSES.map((status) => STATUS_LABELS[status].toLowerCase()).join(", ")}).
      </p>
    </form>
  );
}
