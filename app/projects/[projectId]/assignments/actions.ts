"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/components/ui/action-result";
import { AssignmentError, assignBalanced, assignByHand, moveAssignments, withdrawAssignments } from "@/lib/assignments/assignments";
import { findManagedProject } from "@/lib/assignments/project-access";
import { requirePageUser } from "@/lib/auth/access";
import { formText } from "@/lib/http/form-data";

const MAX_DOCUMENTS = 1000;
const MAX_PER_DOCUMENT = 20;

const ids = (what: string) =>
  z.array(z.uuid(`Some ${what} could not be read; reload the page.`)).max(MAX_DOCUMENTS, `At most ${MAX_DOCUMENTS} ${what} at once.`);

const change = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("assign"), documentIds: ids("documents"), annotatorIds: ids("annotators") }),
  z.object({
    intent: z.literal("balance"),
    documentIds: ids("documents"),
    perDocument: z.coerce
      .number({ error: "Say how many annotators each document goes to." })
      .int("Say how many annotators each document goes to, as a whole number.")
      .min(1, "Each document goes to at least one annotator.")
      .max(MAX_PER_DOCUMENT, `At most ${MAX_PER_DOCUMENT} annotators per document.`),
  }),
  z.object({
    intent: z.literal("withdraw"),
    documentIds: ids("documents"),
    annotatorId: z.uuid("Pick the annotator to withdraw the documents from."),
  }),
  z.object({
    intent: z.literal("move"),
    documentIds: ids("documents"),
    fromId: z.uuid("Pick the annotator to move the documents from."),
    toId: z.uuid("Pick the annotator to move the documents to."),
  }),
]);

/** Assigns, balances, withdraws or moves the selected documents, as the pressed button (`intent`) says. Managers and admins only. */
export async function changeAssignmentsAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requirePageUser();
  const project = await findManagedProject(user, formText(form, "projectId"));
  if (!project) return { ok: false, error: "Only the project's managers and admins hand out its documents." };
  if (project.archived) return { ok: false, error: "The project is archived: it is read-only." };
  const parsed = change.safeParse({
    intent: formText(form, "intent"),
    documentIds: form.getAll("documentId"),
    annotatorIds: form.getAll("annotatorId"),
    perDocument: formText(form, "perDocument"),
    annotatorId: formText(form, "withdrawFrom"),
    fromId: formText(form, "moveFrom"),
    toId: formText(form, "moveTo"),
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const input = parsed.data;
  const base = { projectId: project.id, documentIds: input.documentIds, byUserId: user.id };
  try {
    let message: string;
    switch (input.intent) {
      case "assign":
        message = await assignByHand({ ...base, annotatorIds: input.annotatorIds });
        break;
      case "balance":
        message = await assignBalanced({ ...base, perDocument: input.perDocument });
        break;
      case "withdraw":
        message = await withdrawAssignments({ ...base, annotatorId: input.annotatorId });
        break;
      case "move":
        message = await moveAssignments({ ...base, fromId: input.fromId, toId: input.toId });
        break;
    }
    revalidatePath(`/projects/${project.id}`, "layout");
    return { ok: true, message };
  } catch (error) {
    if (error instanceof AssignmentError) return { ok: false, error: error.message };
    throw error;
  }
}
