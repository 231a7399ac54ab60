// POST /api/projects/:projectId/imports (upload-protocol.ts): the checks, in
// order (Origin and declared size, session, the project and the right to manage
// it, not archived, the options), then the body streamed to a temporary file,
// checked whole, and imported while NDJSON progress lines go back.

import { z } from "zod";
import { requireApiUser, type CurrentUser } from "@/lib/auth/access";
import { mayArchiveProject, projectPermissions, projectStanding } from "@/lib/auth/policy";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { jsonError } from "@/lib/http/json-error";
import { checkMutationRequest } from "@/lib/http/request-guard";
import { findProjectById, type ProjectRecord } from "@/lib/projects/project-store";
import { formatImportReport } from "./format-report";
import type { AnnotationTarget } from "./import-files";
import { isImportAnnotator } from "./import-annotators";
import { receiveUpload, type ReceivedUpload } from "./receive-upload";
import { importUpload } from "./upload-import";
import { UPLOAD_LIMITS, UploadRefusal, type UploadLimits } from "./upload-limits";
import { NDJSON, type UploadEvent } from "./upload-protocol";

const optionsSchema = z.object({
  name: z.string().trim().min(1, "name the uploaded file").max(255),
  target: z.union([z.literal("gold"), z.uuid("must be gold or an annotator's id")]),
  replace: z.enum(["1"]).optional(),
});

const NO_SUCH_PROJECT = () => jsonError(404, "not-found", "No such project.");

/** The checks before the body is read: a Response refusing the request, or what the import needs. */
async function checkImportRequest(
  request: Request,
  projectId: string,
  limits: UploadLimits,
  client: Database,
): Promise<Response | { user: CurrentUser; project: ProjectRecord; target: AnnotationTarget; replace: boolean; name: string }> {
  const refused = checkMutationRequest(request, { maxBytes: limits.maxUploadBytes });
  if (refused) return refused;
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  if (!isRecordId(projectId)) return NO_SUCH_PROJECT();
  const standing = await projectStanding(user, projectId, client);
  // A project the user may not see is answered as if it did not exist.
  if (!standing || !projectPermissions(user, standing.memberRole).view) return NO_SUCH_PROJECT();
  // Who would manage it if it were not archived is told why they may not import now.
  if (!mayArchiveProject(user, standing.memberRole)) return jsonError(403, "forbidden", "Only admins and the project's managers import documents.");
  if (standing.archived) return jsonError(403, "forbidden", "The project is archived: it is read-only.");
  const project = await findProjectById(projectId, client);
  if (!project) return NO_SUCH_PROJECT();

  const parsed = optionsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, "invalid-request", `Invalid request: ${issue.path.join(".") || "query"}: ${issue.message}`);
  }
  const { name, target, replace } = parsed.data;
  if (target !== "gold" && !(await isImportAnnotator(projectId, target, client)))
    return jsonError(400, "invalid-request", "The chosen annotator is not an annotator of this project.");
  return {
    user,
    project,
    name,
    replace: replace === "1",
    target: target === "gold" ? { kind: "gold" } : { kind: "annotator", annotatorId: target, assignedById: user.id },
  };
}

function refusal(error: UploadRefusal): Response {
  return jsonError(error.status, error.code, error.message);
}

export async function handleImportUpload(
  request: Request,
  projectId: string,
  limits: UploadLimits = UPLOAD_LIMITS,
  client: Database = db(),
): Promise<Response> {
  const checked = await checkImportRequest(request, projectId, limits, client);
  if (checked instanceof Response) return checked;
  let upload: ReceivedUpload;
  try {
    upload = await receiveUpload(request.body, limits);
  } catch (error) {
    if (error instanceof UploadRefusal) return refusal(error);
    throw error;
  }

  // The upload is checked whole before the answer starts, so a refusal keeps its status.
  let counted: (counts: { files: number; skipped: number }) => void = () => {};
  let refused: (error: unknown) => void = () => {};
  const checkedUpload = new Promise<{ files: number; skipped: number }>((resolve, reject) => ((counted = resolve), (refused = reject)));
  const events: UploadEvent[] = [];
  let wake: (() => void) | undefined;
  const emit = (event: UploadEvent) => {
    events.push(event);
    wake?.();
  };
  let finished = false;
  const importing = importUpload(
    { file: upload.file, name: checked.name, bytes: upload.bytes },
    {
      project: checked.project,
      target: checked.target,
      replace: checked.replace,
      client,
      limits,
      onChecked: (counts) => counted(counts),
      onProgress: ({ done, total }) => emit({ type: "progress", done, total }),
    },
  )
    .then(
      (report) => emit({ type: "report", report, text: formatImportReport(report) }),
      (error: unknown) => {
        refused(error);
        emit({
          type: "failed",
          error: `The import stopped: ${(error as Error).message}. Documents imported before it stay; upload again to import the rest.`,
        });
      },
    )
    .finally(async () => {
      finished = true;
      wake?.();
      await upload.discard();
    });

  let counts: { files: number; skipped: number };
  try {
    counts = await checkedUpload;
  } catch (error) {
    await importing;
    if (error instanceof UploadRefusal) return refusal(error);
    throw error;
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(JSON.stringify({ type: "checked", ...counts } satisfies UploadEvent) + "\n"));
    },
    async pull(controller) {
      while (!events.length && !finished) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      // Progress lines pile up while the client reads slowly: only the latest one matters.
      const batch = events.splice(0);
      const latestProgress = batch.findLast((event) => event.type === "progress");
      const lines = batch.filter((event) => event.type !== "progress" || event === latestProgress);
      if (lines.length) controller.enqueue(encoder.encode(lines.map((event) => JSON.stringify(event) + "\n").join("")));
      if (finished && !events.length) controller.close();
    },
  });
  // no-transform: a compressing proxy (or Next's own compression) would hold the progress lines back.
  return new Response(body, { headers: { "content-type": NDJSON, "cache-control": "no-store, no-transform", "x-accel-buffering": "no" } });
}
