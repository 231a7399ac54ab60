import { z } from "zod";
import { Role } from "@/generated/prisma/enums";

export const MIN_PASSWORD_LENGTH = 10;
// argon2 takes any length; the cap only keeps a hostile request from costing much.
const MAX_PASSWORD_LENGTH = 1024;

/** Emails are stored and compared in lower case, so `Ann@x.org` and `ann@x.org` are one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.email("Enter a valid email address.").max(254, "Email addresses are at most 254 characters."));

export const nameSchema = z.string().trim().max(200, "Names are at most 200 characters.");

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Passwords are at most ${MAX_PASSWORD_LENGTH} characters.`);

export const roleSchema = z.enum(Role, "Choose a role: administrator, reviewer or annotator.");

export const newUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  role: roleSchema,
});

export type NewUser = z.input<typeof newUserSchema>;
