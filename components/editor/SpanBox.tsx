"use client";

import { findSpan } from "@/lib/annotation/document-lookup";
import { argumentTarget, findAction, isEnabled } from "./actions";
import styles from "./Panels.module.css";
import { useActionContext } from "./use-action-context";

const EDGE_BUTTONS = [
  { action: "extend-start", text: "◀ start" },
  { action: "shrink-start", text: "start ▶" },
  { action: "shrink-end", text: "◀ end" },
  { action: "extend-end", text: "end ▶" },
];

/** The selected span's text and bounds, with its boundary commands (and, for a span the selected event does not use, the offer to re-use it). */
export function SpanBox({ spanIndex }: { spanIndex: string }) {
  const context = useActionContext();
  const { state } = context;
  const span = findSpan(state.document, spanIndex);
  if (!span) return null;
  const run = (name: string) => findAction(name).perform(context);
  const enabled = (name: string) => isEnabled(findAction(name), context);
  const target = argumentTarget(context);
  return (
    <div className={styles.spanBox} data-testid="span-box" data-span-box={span.index}>
      <p className={styles.spanText}>
        <span className={styles.spanIndex}>{span.index}</span> “{span.text}”{" "}
        <span className={styles.offsets}>
          {span.startOffset}–{span.endOffset}
        </span>
      </p>
      <div className={styles.buttonRow} role="group" aria-label={`Bounds of ${span.index}`}>
        {EDGE_BUTTONS.map(({ action, text }) => (
          <button
            key={action}
            type="button"
            onClick={() => run(action)}
            title={`${findAction(action).label} (${findAction(action).shortcut.label})`}
            data-action={action}
          >
            {text} <kbd>{findAction(action).shortcut.label}</kbd>
          </button>
        ))}
        <button
          type="button"
          disabled={!enabled("resize-span")}
          onClick={() => run("resize-span")}
          title={findAction("resize-span").label}
          data-action="resize-span"
        >
          Use selected text <kbd>B</kbd>
        </button>
      </div>
      {target && "reuseSpanIndex" in target && target.reuseSpanIndex === span.index && (
        <button type="button" className={styles.offer} onClick={() => run("add-argument")} data-action="add-argument">
          Re-use {span.index} as an argument of {state.selection.event} <kbd>A</kbd>
        </button>
      )}
    </div>
  );
}
