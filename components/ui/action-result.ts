import type { z } from "zod";

/** A refused action: the reason, the problem with each field, and the values sent (so the form can keep them). */
export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/**
 * What a server action tells its form: on success a message for the person
 * and any extra data (`T`), else an ActionFailure. Null before the form is
 * first submitted.
 */
export type ActionResult<T extends object = object> = ({ ok: true; message: string } & T) | ActionFailure | null;

/** The failure for input that did not pass its schema: the first problem with each field. */
export function invalidInput(error: z.ZodError, values?: Record<string, string>): ActionFailure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, error: "Please correct the fields marked below.", fieldErrors, values };
}
