import { countNoun } from "@/lib/count-noun";
import type { ItemCounts, TagsetImpact, TagsetImpactEntry } from "@/lib/projects/tagset-impact";
import styles from "./TagsetEditor.module.css";

const WHAT: Record<TagsetImpactEntry["code"], string> = {
  "unknown-event-type": "event type",
  "unknown-subtype": "subtype",
  "unknown-realis": "realis",
  "role-not-allowed": "role",
  "unknown-entity-type": "entity type",
  "unknown-relation": "hopper relation",
};

function items({ events, arguments: args, hoppers }: ItemCounts): string {
  const parts = [events && countNoun(events, "event"), args && countNoun(args, "argument"), hoppers && countNoun(hoppers, "hopper")].filter(Boolean);
  return parts.length ? parts.join(", ") : "no annotations";
}

/** What a tagset change would do: annotations stay as they are, values that leave the tagset become problems to review. */
export function TagsetImpactSummary({ impact }: { impact: TagsetImpact }) {
  const leaving = impact.entries.filter((entry) => entry.outsideAfter && !entry.already);
  const back = impact.entries.filter((entry) => entry.already && !entry.outsideAfter);
  const still = impact.entries.filter((entry) => entry.already && entry.outsideAfter);
  return (
    <div className={styles.impact} role="status" aria-label="Impact of the changes">
      <p>
        <strong>
          This change puts {items(impact.leaving)} in {countNoun(impact.leaving.documents, "document")} outside the tagset.
        </strong>{" "}
        Nothing is deleted or rewritten: values outside the tagset show as problems in the editor&apos;s checks and in the project&apos;s document
        list.
      </p>
      {leaving.length > 0 && <ImpactTable caption="Leaving the tagset" entries={leaving} />}
      {back.length > 0 && <ImpactTable caption="Back in the tagset" entries={back} />}
      {still.length > 0 && <ImpactTable caption="Outside the tagset already" entries={still} />}
    </div>
  );
}

function ImpactTable({ caption, entries }: { caption: string; entries: TagsetImpactEntry[] }) {
  return (
    <table className={styles.impactTable}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col">Held by</th>
          <th scope="col">Documents</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.code} ${entry.value}`}>
            <td>
              {WHAT[entry.code]} <code>{entry.value}</code>
            </td>
            <td>{countNoun(entry.count, entry.item)}</td>
            <td>{entry.documents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
