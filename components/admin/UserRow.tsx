"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/SelectField";
import type { UserSummary } from "@/lib/users/user-summary";
import styles from "./AdminUsers.module.css";
import { ResetPasswordForm } from "./ResetPasswordForm";
import { ROLE_LABELS, ROLE_OPTIONS } from "./role-labels";

type UpdateUser = (previous: ActionResult, form: FormData) => Promise<ActionResult>;
type ResetPassword = (previous: ActionResult<{ password?: string }>, form: FormData) => Promise<ActionResult<{ password?: string }>>;

/**
 * One account in the users table, with its role and status controls. Both
 * forms share one action and one message, shown under the controls. Your own
 * row has no controls: nobody may demote or disable themselves.
 */
export function UserRow({
  user,
  isSelf,
  action,
  resetAction,
}: {
  user: UserSummary;
  isSelf: boolean;
  action: UpdateUser;
  resetAction: ResetPassword;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  const who = user.name || user.email;
  return (
    <tr className={user.disabled ? styles.disabledRow : undefined}>
      <td>
        {user.email}
        {isSelf && <span className={styles.you}>(you)</span>}
      </td>
      <td>{user.name || <span className={styles.muted}>—</span>}</td>
      <td>
        {isSelf ? (
          ROLE_LABELS[user.role]
        ) : (
          // Keyed by role: a select keeps its first defaultValue, so a changed role needs a fresh form.
          <form key={user.role} action={formAction} className={styles.inline}>
            <input type="hidden" name="intent" value="role" />
            <input type="hidden" name="userId" value={user.id} />
            <SelectField id={`role-${user.id}`} name="role" label={`Role for ${who}`} hideLabel options={ROLE_OPTIONS} defaultValue={user.role} />
            <Button type="submit" disabled={pending} aria-label={`Save role for ${who}`}>
              Save
            </Button>
          </form>
        )}
      </td>
      <td>
        <span className={user.disabled ? styles.statusDisabled : styles.status}>{user.disabled ? "Disabled" : "Active"}</span>
      </td>
      <td>
        {!isSelf && (
          <form action={formAction}>
            <input type="hidden" name="intent" value={user.disabled ? "enable" : "disable"} />
            <input type="hidden" name="userId" value={user.id} />
            <Button
              type="submit"
              variant={user.disabled ? "secondary" : "danger"}
              disabled={pending}
              aria-label={`${user.disabled ? "Enable" : "Disable"} ${who}`}
            >
              {user.disabled ? "Enable" : "Disable"}
            </Button>
          </form>
        )}
        {!isSelf && <ResetPasswordForm userId={user.id} who={who} action={resetAction} />}
        {result && (
          <div className={styles.rowMessage}>
            <Notice tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.error}</Notice>
          </div>
        )}
      </td>
    </tr>
  );
}
