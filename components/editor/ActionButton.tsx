"use client";

import { Button } from "@/components/ui/Button";
import { findAction, isEnabled } from "./actions";
import styles from "./EditorApp.module.css";
import { useActionContext } from "./use-action-context";

/** A toolbar button for a registered action: its label, shortcut and enabled state all come from the registry. */
export function ActionButton({ name }: { name: string }) {
  const context = useActionContext();
  const action = findAction(name);
  return (
    <Button
      size="compact"
      disabled={!isEnabled(action, context)}
      title={`${action.label} (${action.shortcut.label})`}
      aria-keyshortcuts={action.shortcut.label.split(" or ").join(" ")}
      data-action={action.name}
      onClick={() => action.perform(context)}
    >
      {action.short ?? action.label} <kbd className={styles.shortcut}>{action.shortcut.label.split(" or ")[0]}</kbd>
    </Button>
  );
}
