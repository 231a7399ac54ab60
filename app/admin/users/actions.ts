"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLE_LABELS } from "@/components/admin/role-labels";
import { invalidInput, type ActionResult } from "@/components/ui/action-result";
import { getCurrentUser, requirePageUser } from "@/lib/auth/access";
import { createUser, generatePassword, setUserDisabled, setUserRole, UserError, type UserSummary } from "@/lib/users";
import { resetPassword } from "@/lib/users/passwords";
import { emailSchema, nameSchema, passwordSchema, roleSchema } from "@/lib/users/user-input";

const newUserForm = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  // Empty: Hopper generates one.
  password: z.union([z.literal(""), passwordSchema]),
});

const userChange = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), userId: z.uuid(), role: roleSchema }),
  z.object({ intent: z.enum(["disable", "enable"]), userId: z.uuid() }),
]);

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Runs an account change, turning a refused one into a message for the form. */
async function attempt<T extends object>(change: () => Promise<ActionResult<T>>, values?: Record<string, string>): Promise<ActionResult<T>> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message, values };
    throw error;
  }
}

/** Creates an account; a generated password is returned so the form can show it, once. */
export async function createUserAction(_previous: ActionResult<{ password?: string }>, form: FormData): Promise<ActionResult<{ password?: string }>> {
  await requirePageUser("ADMIN");
  const values = { email: field(form, "email"), name: field(form, "name"), role: field(form, "role") };
  const parsed = newUserForm.safeParse({ ...values, password: field(form, "password") });
  if (!parsed.success) return invalidInput(parsed.error, values);
  const generated = parsed.data.password ? undefined : generatePassword();
  return attempt<{ password?: string }>(async () => {
    const user = await createUser({ ...parsed.data, password: generated ?? parsed.data.password });
    revalidatePath("/admin/users");
    const created = `Created ${user.email} (${ROLE_LABELS[user.role].toLowerCase()}).`;
    return generated
      ? { ok: true, message: `${created} Their password is shown only now: pass it on securely.`, password: generated }
      : { ok: true, message: `${created} They sign in with the password you typed.` };
  }, values);
}

function describeChange(user: UserSummary, intent: "role" | "disable" | "enable"): string {
  if (intent === "role") return `${user.email} is now ${user.role === "ADMIN" ? "an" : "a"} ${ROLE_LABELS[user.role].toLowerCase()}.`;
  return intent === "disable" ? `${user.email} is disabled and signed out.` : `${user.email} is enabled.`;
}

/** Changes an account's role, or disables or enables it. */
export async function updateUserAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requirePageUser("ADMIN");
  const parsed = userChange.safeParse({ intent: field(form, "intent"), userId: field(form, "userId"), role: field(form, "role") });
  // The row's hidden fields and select make a malformed change a stale or tampered page.
  if (!parsed.success) return { ok: false, error: "That change could not be read; reload the page and try again." };
  const change = parsed.data;
  return attempt(async () => {
    const user =
      change.intent === "role"
        ? await setUserRole(admin.id, change.userId, change.role)
        : await setUserDisabled(admin.id, change.userId, change.intent === "disable");
    revalidatePath("/admin/users");
    return { ok: true, message: describeChange(user, change.intent) };
  });
}

/** Gives an account a generated password, shown once; its owner is asked for a new one at their next sign-in. */
export async function resetPasswordAction(
  _previous: ActionResult<{ password?: string }>,
  form: FormData,
): Promise<ActionResult<{ password?: string }>> {
  const result = await resetPassword(await getCurrentUser(), field(form, "userId"));
  if (!result.ok) return result;
  revalidatePath("/admin/users");
  return {
    ok: true,
    message: `${result.email} has a new password, shown only now: pass it on securely. They will be asked to choose their own when they sign in.`,
    password: result.password,
  };
}
