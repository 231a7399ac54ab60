"use client";

import { memo, useCallback, useMemo } from "react";
import { checkAnnotations, type AnnotationProblem } from "@/lib/annotation/checks";
import styles from "./Panels.module.css";
import { problemKeys } from "./problem-keys";
import { useEditor, useEditorState } from "./use-editor";

/** What is wrong or worth a look, each with a jump to it and, when the data says how, a one-click repair. */
export function ChecksPanel() {
  const editor = useEditor();
  const document = useEditorState((state) => state.document);
  const tagset = useEditorState((state) => state.tagset);
  const problems = useMemo(() => checkAnnotations(document, tagset), [document, tagset]);
  const keys = useMemo(() => problemKeys(problems), [problems]);

  const jump = useCallback(
    (problem: AnnotationProblem) => {
      if (problem.eventIndex) editor.selectEvent(problem.eventIndex);
      else if (problem.hopperIndex !== undefined) editor.selectHopper(problem.hopperIndex);
      // The text brings the selected span into view.
      if (problem.spanIndex) editor.clickSpan(problem.spanIndex, "argument", problem.eventIndex ? [problem.eventIndex] : []);
    },
    [editor],
  );

  return (
    <section className={styles.section} aria-labelledby="checks-heading" data-testid="checks-panel">
      <h2 id="checks-heading" className={styles.heading}>
        Checks <span className={styles.count}>{problems.length === 0 ? "no problems" : `${problems.length} to look at`}</span>
      </h2>
      {problems.length > 0 && (
        <ul className={styles.problems}>
          {problems.map((problem, i) => (
            <ProblemItem key={keys[i]} problem={problem} onJump={jump} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One problem, memoized: problems are kept per event (lib/annotation/checks.ts), so an edit re-renders only the items it changed. */
const ProblemItem = memo(function ProblemItem({ problem, onJump }: { problem: AnnotationProblem; onJump: (problem: AnnotationProblem) => void }) {
  const editor = useEditor();
  return (
    <li className={problem.severity === "error" ? styles.problemError : styles.problem} data-code={problem.code}>
      <span>{problem.message}</span>
      <span className={styles.buttonRow}>
        <button type="button" onClick={() => onJump(problem)}>
          Show
        </button>
        {problem.repair && (
          <button type="button" onClick={() => editor.repair(problem.repair!)} data-testid="repair">
            Repair
          </button>
        )}
      </span>
    </li>
  );
});
