// The document statuses of lib/auth/workflow.ts in the order pages list them, with their labels (no database: client components use it).

import type { DocumentStatus } from "@/lib/auth/workflow";

export const DOCUMENT_STATUSES = [
  "unassigned",
  "in-annotation",
  "ready-for-adjudication",
  "adjudicated",
] as const satisfies readonly DocumentStatus[];

export const DOCUMENT_STATUS_LABELS: { [S in DocumentStatus]: string } = {
  unassigned: "Unassigned",
  "in-annotation": "In annotation",
  "ready-for-adjudication": "Ready for adjudication",
  adjudicated: "Adjudicated",
};
