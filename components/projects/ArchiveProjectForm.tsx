"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import styles from "./ProjectAdmin.module.css";

type ArchiveAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

/** Archives the project (read-only, hidden from lists by default) or unarchives it. */
export function ArchiveProjectForm({ action, archived }: { action: ArchiveAction; archived: boolean }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={styles.section}>
      <p className={styles.muted}>
        {archived
          ? "Unarchiving makes the project editable again and lists it with the others."
          : "An archived project is read-only: nobody can annotate, change its tagset or its members. Its annotations are kept; it is hidden from project lists unless archived projects are shown."}
      </p>
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <div className={styles.actions}>
        <Button type="submit" variant={archived ? "primary" : "danger"} disabled={pending}>
          {archived ? "Unarchive project" : "Archive project"}
        </Button>
      </div>
      {result && <Notice tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.error}</Notice>}
    </form>
  );
}
