"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/ui/action-result";
import { getCurrentUser } from "@/lib/auth/access";
import { formText } from "@/lib/http/form-data";
import { changeOwnPassword } from "@/lib/users/passwords";

/** The signed-in user changes their password, giving the current one. */
export async function changePasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await changeOwnPassword(await getCurrentUser(), {
    current: formText(form, "current"),
    next: formText(form, "next"),
    confirm: formText(form, "confirm"),
  });
  if (!result.ok) return result;
  revalidatePath("/account");
  return { ok: true, message: "Your password is changed." };
}
