// A project's name and description as a form sends them.

import { z } from "zod";

/** Control characters (tabs, line breaks, NUL…) have no place in a name. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export const projectNameSchema = z
  .string()
  .trim()
  .min(1, "Give the project a name.")
  .max(100, "Project names are at most 100 characters.")
  .refine((name) => !hasControlCharacter(name), "Project names cannot hold control characters.");

export const projectDescriptionSchema = z.string().trim().max(2000, "Descriptions are at most 2,000 characters.");

export const projectDetailsSchema = z.object({ name: projectNameSchema, description: projectDescriptionSchema });

export type ProjectDetails = z.input<typeof projectDetailsSchema>;
