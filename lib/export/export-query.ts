// The wire contract of GET /api/projects/:projectId/export, shared by the route,
// the export page and the CLI's flags: which documents (by status), which sets
// (the gold sets, or chosen annotators' by e-mail) and which format. The answer
// is the file itself, with EXPORT_ENTRIES_HEADER saying how many zip entries
// (or JSON Lines lines) it will hold, so the page can show true progress; a
// refusal is a JSON error (lib/http/json-error.ts).

import { z } from "zod";
import { DOCUMENT_STATUSES } from "@/lib/assignments/document-statuses";
import type { DocumentStatus } from "@/lib/auth/workflow";

export const EXPORT_FORMATS = ["zip", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type SetSelection = { kind: "gold" } | { kind: "annotators"; emails: readonly string[] };

export interface DatasetSelection {
  statuses: readonly DocumentStatus[];
  sets: SetSelection;
}

export interface ExportRequest extends DatasetSelection {
  format: ExportFormat;
}

/** The documents an export takes unless told otherwise: those whose gold set is adjudicated. */
export const DEFAULT_EXPORT_STATUSES: readonly DocumentStatus[] = ["adjudicated"];

/** How many annotators one export may name: more than any project has, few enough to bound the query. */
export const MAX_EXPORT_ANNOTATORS = 100;

/** Entries of the zip (its manifest included), or lines of the JSON Lines file, the answer will hold. */
export const EXPORT_ENTRIES_HEADER = "x-hopper-export-entries";

const commaList = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export const exportQuerySchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS, "must be zip or jsonl").default("zip"),
    status: z
      .string()
      .max(200)
      .transform(commaList)
      .pipe(
        z
          .array(z.enum(DOCUMENT_STATUSES, `must be among ${DOCUMENT_STATUSES.join(", ")}`))
          .min(1, "choose at least one document status")
          .transform((statuses) => [...new Set(statuses)]),
      )
      .default([...DEFAULT_EXPORT_STATUSES]),
    sets: z.enum(["gold", "annotators"], "must be gold or annotators").default("gold"),
    annotators: z
      .string()
      .max(MAX_EXPORT_ANNOTATORS * 255)
      .transform((value) => commaList(value).map((email) => email.toLowerCase()))
      .pipe(z.array(z.email("must be e-mail addresses")).max(MAX_EXPORT_ANNOTATORS, `at most ${MAX_EXPORT_ANNOTATORS} annotators`))
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.sets === "annotators" && !query.annotators?.length)
      context.addIssue({ code: "custom", path: ["annotators"], message: "choose at least one annotator whose sets to export" });
    if (query.sets === "gold" && query.annotators?.length)
      context.addIssue({ code: "custom", path: ["annotators"], message: "annotators are chosen only with sets=annotators" });
  })
  .transform((query): ExportRequest => ({
    format: query.format,
    statuses: query.status,
    sets: query.sets === "gold" ? { kind: "gold" } : { kind: "annotators", emails: [...new Set(query.annotators)] },
  }));

/** The query's values, or the first problem as a sentence. */
export function parseExportQuery(query: Record<string, string>): { ok: true; request: ExportRequest } | { ok: false; message: string } {
  const parsed = exportQuerySchema.safeParse(query);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  // Named by the parameter alone: `status`, not `status.0`.
  return { ok: false, message: `${String(issue.path[0] ?? "query")}: ${issue.message}` };
}

export function exportUrl(projectId: string, request: ExportRequest): string {
  const query = new URLSearchParams({ format: request.format, status: request.statuses.join(","), sets: request.sets.kind });
  if (request.sets.kind === "annotators") query.set("annotators", request.sets.emails.join(","));
  return `/api/projects/${encodeURIComponent(projectId)}/export?${query}`;
}
