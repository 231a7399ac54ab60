"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/ui/action-result";
import { getCurrentUser } from "@/lib/auth/access";
import { formText } from "@/lib/http/form-data";
import { setProjectArchived, updateProjectDetails } from "@/lib/projects/project-administration";

/** Renames and describes the project (its managers and administrators). */
export async function updateProjectAction(projectId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = { name: formText(form, "name"), description: formText(form, "description") };
  const result = await updateProjectDetails(await getCurrentUser(), projectId, values);
  if (!result.ok) return { ...result, values };
  revalidatePath(`/projects/${projectId}`, "layout");
  return { ok: true, message: "Saved." };
}

/** Archives or unarchives the project, as the form's `archived` field says. */
export async function archiveProjectAction(projectId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const archived = formText(form, "archived") === "true";
  const result = await setProjectArchived(await getCurrentUser(), projectId, archived);
  if (!result.ok) return result;
  revalidatePath(`/projects/${projectId}`, "layout");
  return { ok: true, message: archived ? "The project is archived: it is read-only now." : "The project is active again." };
}
