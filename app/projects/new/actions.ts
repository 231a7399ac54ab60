"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/components/ui/action-result";
import { getCurrentUser } from "@/lib/auth/access";
import { formText } from "@/lib/http/form-data";
import { createProject } from "@/lib/projects/project-administration";

/** Creates a project (administrators only) and opens its members page to staff it. */
export async function createProjectAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = { name: formText(form, "name"), description: formText(form, "description") };
  const created = await createProject(await getCurrentUser(), values);
  if (!created.ok) return { ...created, values };
  redirect(`/projects/${created.projectId}/members`);
}
