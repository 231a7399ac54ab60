// Whose set imported annotations may become besides the gold set: the project's
// annotators (members with the project role ANNOTATOR, accounts not disabled).

import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

export interface ImportAnnotator {
  id: string;
  name: string;
  email: string;
}

const ACTIVE_ANNOTATORS = (projectId: string) => ({ projectId, role: "ANNOTATOR" as const, user: { disabled: false } });

export async function listImportAnnotators(projectId: string, client: Database = db()): Promise<ImportAnnotator[]> {
  if (!isRecordId(projectId)) return [];
  const members = await client.projectMember.findMany({
    where: ACTIVE_ANNOTATORS(projectId),
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return members.map((member) => member.user);
}

export async function isImportAnnotator(projectId: string, userId: string, client: Database = db()): Promise<boolean> {
  if (!isRecordId(projectId) || !isRecordId(userId)) return false;
  return (await client.projectMember.count({ where: { ...ACTIVE_ANNOTATORS(projectId), userId } })) === 1;
}
