"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/ui/action-result";
import { repairShiftedSpansAs, summarizeRepairs } from "@/lib/annotation-sets/repair-shifted-spans";
import { getCurrentUser } from "@/lib/auth/access";

/** Repairs every shift-explained span of the project's gold sets (its reviewers, managers and admins). */
export async function repairAllAction(projectId: string): Promise<ActionResult> {
  const result = await repairShiftedSpansAs(await getCurrentUser(), projectId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/projects/${projectId}/repair`);
  return { ok: true, message: `${summarizeRepairs(result.documents)}.` };
}
