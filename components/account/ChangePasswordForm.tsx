"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import styles from "./Account.module.css";

type ChangePassword = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

export function ChangePasswordForm({ action, minPasswordLength }: { action: ChangePassword; minPasswordLength: number }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={styles.form} aria-busy={pending}>
      {result && <Notice tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.error}</Notice>}
      <TextField name="current" label="Current password" type="password" autoComplete="current-password" required />
      <TextField
        name="next"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <TextField name="confirm" label="Confirm new password" type="password" autoComplete="new-password" required minLength={minPasswordLength} />
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
