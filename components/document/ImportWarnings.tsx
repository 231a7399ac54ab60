import { SPAN_SHIFT_CODES } from "@/lib/casie/issue-codes";
import { summarizeSpanShifts } from "@/lib/casie/span-shift";
import type { CasieIssue } from "@/lib/casie/types";
import styles from "./ImportWarnings.module.css";
import { countNoun } from "@/lib/count-noun";

const SPAN_PLACEMENT_CODES = new Set<string>([...Object.values(SPAN_SHIFT_CODES), "span-text-mismatch"]);

/** The warnings found when the document was imported, misplaced spans first; collapsed until asked for. */
export function ImportWarnings({ warnings }: { warnings: CasieIssue[] }) {
  if (warnings.length === 0) return null;
  const spans = warnings.filter((w) => SPAN_PLACEMENT_CODES.has(w.code));
  const others = warnings.filter((w) => !SPAN_PLACEMENT_CODES.has(w.code));
  const shifts = summarizeSpanShifts(warnings);
  return (
    <details className={styles.warnings} data-testid="import-warnings">
      <summary>
        {countNoun(warnings.length, "import warning")}
        {shifts && <strong className={styles.shifts}>{shifts}</strong>}
      </summary>
      {spans.length > 0 && (
        <IssueList title="Spans whose text is not at their offsets (kept as imported, highlighted with a dashed outline)" issues={spans} />
      )}
      {others.length > 0 && <IssueList title="Other warnings" issues={others} />}
    </details>
  );
}

function IssueList({ title, issues }: { title: string; issues: CasieIssue[] }) {
  return (
    <section className={styles.group}>
      <h3>{title}</h3>
      <ul>
        {issues.map((issue, i) => (
          <li key={i} data-code={issue.code}>
            <span className={issue.severity === "error" ? styles.error : styles.code}>{issue.code}</span> {issue.message}{" "}
            <code className={styles.path}>
              {issue.path}
              {issue.line !== undefined && ` (line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ""})`}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}
