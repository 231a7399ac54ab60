"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import styles from "./AdminUsers.module.css";

type ResetPassword = (previous: ActionResult<{ password?: string }>, form: FormData) => Promise<ActionResult<{ password?: string }>>;

/** Resets an account's password to a generated one, shown here once. */
export function ResetPasswordForm({ userId, who, action }: { userId: string; who: string; action: ResetPassword }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={styles.rowMessage}>
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" disabled={pending} aria-label={`Reset password of ${who}`}>
        Reset password
      </Button>
      {result && (
        <div className={styles.rowMessage}>
          {result.ok ? (
            <Notice tone="success">
              {result.message}
              <br />
              <code className={styles.password} aria-label={`New password of ${who}`}>
                {result.password}
              </code>
            </Notice>
          ) : (
            <Notice tone="error">{result.error}</Notice>
          )}
        </div>
      )}
    </form>
  );
}
