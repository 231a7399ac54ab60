import { countNoun } from "@/lib/count-noun";
import { describeBytes } from "@/lib/import/upload-limits";
import styles from "./ImportUpload.module.css";

export type ImportPhase =
  | { kind: "uploading"; sent: number; total: number }
  /** Sent: the server checks the upload before anything is imported. */
  | { kind: "checking" }
  | { kind: "importing"; done: number; total: number };

/** One bar for the whole run: the upload, the server's check, then the documents imported. */
export function ImportProgress({ phase }: { phase: ImportPhase }) {
  const [value, max, label] = describe(phase);
  return (
    <div className={styles.progress}>
      <progress aria-label="Import progress" value={value} max={max} />
      <p role="status">{label}</p>
    </div>
  );
}

function describe(phase: ImportPhase): [number | undefined, number, string] {
  switch (phase.kind) {
    case "uploading":
      return [phase.sent, phase.total, `Uploading: ${describeBytes(phase.sent)} of ${describeBytes(phase.total)}`];
    case "checking":
      return [undefined, 1, "Checking the upload…"];
    case "importing":
      return [phase.done, Math.max(phase.total, 1), `Importing: ${phase.done.toLocaleString("en")} of ${countNoun(phase.total, "file")}`];
  }
}
