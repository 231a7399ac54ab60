"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import type { AccountMatch } from "@/lib/projects/project-members";
import styles from "./ProjectAdmin.module.css";
import { PROJECT_ROLE_OPTIONS } from "./project-role-labels";

type SearchAction = (previous: ActionResult<{ matches: AccountMatch[] }>, form: FormData) => Promise<ActionResult<{ matches: AccountMatch[] }>>;
type AddAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

/** Finds existing accounts by email or name, each to add with a project role. */
export function AddMemberSearch({ search, add }: { search: SearchAction; add: AddAction }) {
  const [found, searchAction, searching] = useActionState(search, null);
  const [added, addAction, adding] = useActionState(add, null);
  const matches = found?.ok ? found.matches : [];
  return (
    <div className={styles.section}>
      <form action={searchAction} className={styles.form} role="search" aria-label="Find accounts">
        <TextField name="query" label="Email or name" autoComplete="off" maxLength={200} required />
        <div>
          <Button type="submit" disabled={searching}>
            Find accounts
          </Button>
        </div>
      </form>
      {found && !found.ok && <Notice tone="error">{found.error}</Notice>}
      {found?.ok && found.message && <Notice tone="info">{found.message}</Notice>}
      {added && <Notice tone={added.ok ? "success" : "error"}>{added.ok ? added.message : added.error}</Notice>}
      {matches.length > 0 && (
        <ul className={styles.matches} aria-label="Accounts found">
          {matches.map((match) => (
            <li key={match.userId}>
              <form action={addAction} className={styles.inline}>
                <input type="hidden" name="userId" value={match.userId} />
                <span>
                  {match.email}
                  {match.name && <span className={styles.muted}> ({match.name})</span>}
                </span>
                <SelectField
                  id={`add-role-${match.userId}`}
                  name="role"
                  label={`Project role for ${match.email}`}
                  hideLabel
                  options={PROJECT_ROLE_OPTIONS}
                  defaultValue="ANNOTATOR"
                />
                <Button type="submit" variant="primary" disabled={adding} aria-label={`Add ${match.email}`}>
                  Add
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
