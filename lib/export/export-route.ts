// GET /api/projects/:projectId/export (export-query.ts): the checks, in order
// (not from another site, session, the project and the right to manage it, the
// query), then the export prepared (unknown annotators and empty selections are
// refused before the answer starts) and streamed as the download, read from the
// database only as fast as the client takes it. Archived projects export too.

import { requireApiUser } from "@/lib/auth/access";
import { db, type Database } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { checkMutationRequest } from "@/lib/http/request-guard";
import { checkManager } from "@/lib/projects/project-access";
import { prepareDatasetExport, type DatasetExport } from "./dataset-export";
import { EXPORT_ENTRIES_HEADER, parseExportQuery, type ExportFormat } from "./export-query";
import { ExportRefusal } from "./export-selection";

const CONTENT_TYPES: { [F in ExportFormat]: string } = { zip: "application/zip", jsonl: "application/jsonl; charset=utf-8" };

/** `attachment` with the name twice: plain ASCII for old clients, RFC 5987's UTF-8 for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function handleDatasetExport(request: Request, projectId: string, client: Database = db()): Promise<Response> {
  // A download starts no change, but a dataset is not for other sites to fetch with the user's cookies.
  const refused = checkMutationRequest(request, { maxBytes: 0 });
  if (refused) return refused;
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  // Who manages the project, archived or not; a project the user may not see is answered as if it did not exist.
  const allowed = await checkManager(user, projectId, { archiving: true }, client);
  if (!allowed.ok)
    return allowed.code === "forbidden"
      ? jsonError(403, "forbidden", "Only admins and the project's managers export datasets.")
      : jsonError(404, "not-found", "No such project.");

  const parsed = parseExportQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return jsonError(400, "invalid-request", `Invalid request: ${parsed.message}`);
  let prepared: DatasetExport;
  try {
    prepared = await prepareDatasetExport({ id: projectId }, parsed.request, { client });
  } catch (error) {
    if (error instanceof ExportRefusal) return jsonError(400, "invalid-request", error.message);
    throw error;
  }

  const chunks = prepared.chunks();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // Pull only when the client has taken what was sent: memory stays one entry ahead of the network.
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[prepared.format],
      "content-disposition": contentDisposition(prepared.fileName),
      [EXPORT_ENTRIES_HEADER]: String(prepared.entries),
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
