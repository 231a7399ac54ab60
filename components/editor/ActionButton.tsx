"use client";

import { Button } from "@/components/ui/Button";
import { findAction } from "./actions";
import styles from "./EditorApp.module.css";
import { useActionContext } from "./use-action-context";

/** A toolbar button for a registered action: its label, shortcut and enabled state (and why not) all come from the registry. */
export function ActionButton({ name }: { name: string }) {
  const context = useActionContext();
  const action = findAction(name);
  const unavailable = action.unavailable?.(context);
  return (
    <Button
      size="compact"
      disabled={Boolean(unavailable)}
      title={`${action.label} (${action.shortcut.label})${unavailable ? `. ${unavailable}.` : ""}`}
      aria-keyshortcuts={action.shortcut.label.split(" or ").join(" ")}
      data-action={action.name}
      onClick={() => action.perform(context)}
    >
      {action.short ?? action.label} <kbd className={styles.shortcut}>{action.shortcut.label.split(" or ")[0]}</kbd>
    </Button>
  );
}
