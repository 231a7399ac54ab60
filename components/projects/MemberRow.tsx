"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/SelectField";
import type { ProjectMemberSummary } from "@/lib/projects/project-members";
import styles from "./ProjectAdmin.module.css";
import { PROJECT_ROLE_LABELS, PROJECT_ROLE_OPTIONS } from "./project-role-labels";

type MemberAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

/** One member with their project role and a way to remove them; read-only when `readOnly`. */
export function MemberRow({ member, action, readOnly }: { member: ProjectMemberSummary; action: MemberAction; readOnly: boolean }) {
  const [result, formAction, pending] = useActionState(action, null);
  const who = member.name || member.email;
  return (
    <tr data-member={member.email}>
      <td>
        {member.email}
        {member.disabled && <span className={styles.muted}> (disabled)</span>}
      </td>
      <td>{member.name || <span className={styles.muted}>—</span>}</td>
      <td>
        {readOnly ? (
          PROJECT_ROLE_LABELS[member.role]
        ) : (
          <form key={member.role} action={formAction} className={styles.inline}>
            <input type="hidden" name="intent" value="role" />
            <input type="hidden" name="userId" value={member.userId} />
            <SelectField
              id={`role-${member.userId}`}
              name="role"
              label={`Project role of ${who}`}
              hideLabel
              options={PROJECT_ROLE_OPTIONS}
              defaultValue={member.role}
            />
            <Button type="submit" disabled={pending} aria-label={`Save project role of ${who}`}>
              Save
            </Button>
          </form>
        )}
      </td>
      <td>
        {!readOnly && (
          <form action={formAction}>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="userId" value={member.userId} />
            <Button type="submit" variant="danger" disabled={pending} aria-label={`Remove ${who}`}>
              Remove
            </Button>
          </form>
        )}
        {result && <Notice tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.error}</Notice>}
      </td>
    </tr>
  );
}
