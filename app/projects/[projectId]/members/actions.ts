"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/ui/action-result";
import { getCurrentUser } from "@/lib/auth/access";
import { formText } from "@/lib/http/form-data";
import {
  addProjectMember,
  changeProjectMemberRole,
  createMemberAccount,
  removeProjectMember,
  searchAccountsToAdd,
  type AccountMatch,
} from "@/lib/projects/project-members";

const changed = (projectId: string) => revalidatePath(`/projects/${projectId}/members`);

/** Accounts to add whose email or name holds the form's `query`. */
export async function searchAccountsAction(
  projectId: string,
  _previous: ActionResult<{ matches: AccountMatch[] }>,
  form: FormData,
): Promise<ActionResult<{ matches: AccountMatch[] }>> {
  const query = formText(form, "query");
  const result = await searchAccountsToAdd(await getCurrentUser(), projectId, query);
  if (!result.ok) return { ...result, values: { query } };
  const message = result.matches.length ? "" : `No account to add matches "${query.trim()}".`;
  return { ok: true, message, matches: result.matches };
}

export async function addMemberAction(projectId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await addProjectMember(await getCurrentUser(), projectId, { userId: formText(form, "userId"), role: formText(form, "role") });
  if (!result.ok) return result;
  changed(projectId);
  return { ok: true, message: `${result.email} is a member now.` };
}

/** Creates an account and makes it a member; its generated password is shown once. */
export async function createMemberAction(
  projectId: string,
  _previous: ActionResult<{ password?: string }>,
  form: FormData,
): Promise<ActionResult<{ password?: string }>> {
  const values = { email: formText(form, "email"), name: formText(form, "name"), role: formText(form, "role") };
  const result = await createMemberAccount(await getCurrentUser(), projectId, values);
  if (!result.ok) return { ...result, values };
  changed(projectId);
  return {
    ok: true,
    message: `Created ${result.email} and added them. Their password is shown only now: pass it on securely.`,
    password: result.password,
  };
}

export async function updateMemberAction(projectId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await getCurrentUser();
  const userId = formText(form, "userId");
  const intent = formText(form, "intent");
  const result =
    intent === "remove"
      ? await removeProjectMember(actor, projectId, userId)
      : await changeProjectMemberRole(actor, projectId, { userId, role: formText(form, "role") });
  if (!result.ok) return result;
  changed(projectId);
  return { ok: true, message: intent === "remove" ? "Removed from the project; their annotations are kept." : "Role saved." };
}
