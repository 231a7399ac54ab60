"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/access";
import type { ProjectResult } from "@/lib/projects/project-access";
import { previewTagsetChange, saveProjectTagset } from "@/lib/projects/project-tagset";
import type { TagsetImpact } from "@/lib/projects/tagset-impact";
import { readTagsetJson } from "@/lib/projects/tagset-input";

/** What saving the tagset in `json` would do to the project's annotations. */
export async function previewTagsetAction(projectId: string, json: string): Promise<ProjectResult<{ impact: TagsetImpact }>> {
  const input = readTagsetJson(String(json));
  return previewTagsetChange(await getCurrentUser(), projectId, input.ok ? input.tagset : null);
}

/** Saves the tagset in `json` over the version whose hash is `baseHash`. */
export async function saveTagsetAction(projectId: string, json: string, baseHash: string): Promise<ProjectResult<{ hash: string }>> {
  const input = readTagsetJson(String(json));
  if (!input.ok) return { ok: false, code: "invalid", error: `The tagset is not valid: ${input.errors.join("; ")}` };
  const result = await saveProjectTagset(await getCurrentUser(), projectId, input.tagset, String(baseHash));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}
