// A project's name and description as a form sends them.

import { z } from "zod";

export const projectNameSchema = z
  .string()
  .trim()
  .min(1, "Give the project a name.")
  .max(100, "Project names are at most 100 characters.")
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "Project names cannot hold control characters.");

export const projectDescriptionSchema = z.string().trim().max(2000, "Descriptions are at most 2,000 characters.");

export const projectDetailsSchema = z.object({ name: projectNameSchema, description: projectDescriptionSchema });

export type ProjectDetails = z.input<typeof projectDetailsSchema>;
