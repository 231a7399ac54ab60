"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import styles from "./ProjectAdmin.module.css";

/** The one button that repairs every span listed above it; a repair that finds nothing left says so. */
export function RepairAllForm({ action, spans }: { action: () => Promise<ActionResult>; spans: number }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={styles.actions}>
      {spans > 0 && (
        <Button type="submit" disabled={pending}>
          {pending ? "Repairing…" : "Repair all"}
        </Button>
      )}
      {result && <Notice tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.error}</Notice>}
    </form>
  );
}
