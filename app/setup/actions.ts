"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { invalidInput, type ActionResult } from "@/components/ui/action-result";
import { formText } from "@/lib/http/form-data";
import { createFirstAdmin, UserError } from "@/lib/users";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/users/user-input";

const setupSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { message: "The passwords do not match.", path: ["confirm"] });

/** Creates the first administrator, then sends them to sign in. Refused once any account exists. */
export async function setUpHopper(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = { email: formText(form, "email"), name: formText(form, "name") };
  const parsed = setupSchema.safeParse({ ...values, password: formText(form, "password"), confirm: formText(form, "confirm") });
  if (!parsed.success) return invalidInput(parsed.error, values);
  try {
    await createFirstAdmin(parsed.data);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message, values };
    throw error;
  }
  redirect("/signin?setup=done");
}
