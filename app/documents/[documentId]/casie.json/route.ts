import { canViewGold, canViewProject, requireApiUser } from "@/lib/auth/access";
import { jsonError } from "@/lib/http/json-error";
import { serializeCasieDocument } from "@/lib/casie";
import { loadGoldDocument } from "@/lib/documents/load";
import { isRecordId } from "@/lib/db/record-id";

/** The document's gold set as a CASIE JSON file, written exactly as the serializer writes it. */
export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  const { documentId } = await params;
  const document = isRecordId(documentId) ? await loadGoldDocument(documentId) : null;
  if (!document || !(await canViewProject(user, document.projectId))) {
    return jsonError(404, "No such document.");
  }
  if (!canViewGold(user)) {
    return jsonError(403, "Gold annotations are for admins and reviewers only.");
  }
  // Names are file stems such as `2602`; anything else is kept out of the header.
  const filename = `${document.name.replace(/[^\w.-]+/g, "_")}.json`;
  return new Response(serializeCasieDocument(document.casie), {
    headers: {
      "Content-Type": "application/json",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
